// Statutory time limits as versioned data: an amendment is one new record with its start date.
import type { IsoDate, LocalizedText } from '../calendar/index.ts';
import type { TermPeriod } from './period.ts';

export const TERM_RULE_IDS = [
  'submission.answer',
  'submission.answerComplex',
  'submission.extensionMax',
  'submission.forward',
  'appointment.minNotice',
  'gdpr.subjectRequest',
] as const;

export type TermRuleId = (typeof TERM_RULE_IDS)[number];

export function isTermRuleId(value: unknown): value is TermRuleId {
  return typeof value === 'string' && (TERM_RULE_IDS as readonly string[]).includes(value);
}

/** Boolean options that can switch a rule version off (absent or true = on). */
export type TermRuleToggle = 'extensionAllowed';

export type TermRuleVersion = {
  rule: TermRuleId;
  validFrom: IsoDate;
  /** Last receipt date this version applies to (inclusive); null = open-ended. */
  validTo: IsoDate | null;
  /** 'fromOptions': working days given by `minNoticeWorkingDays` (agency profile). */
  period: TermPeriod | 'fromOptions';
  source: LocalizedText;
  toggle?: TermRuleToggle;
};

// Iesniegumu likums entered into force on 2008-01-01; amendments before 2026 are not modelled.
const LAW_IN_FORCE = '2008-01-01';
const OLD_UNTIL = '2026-02-28';
const NEW_FROM = '2026-03-01';
const ONE_MONTH: TermPeriod = { unit: 'months', amount: 1 };

const versions: TermRuleVersion[] = [
  {
    rule: 'submission.answer',
    validFrom: LAW_IN_FORCE,
    validTo: OLD_UNTIL,
    period: ONE_MONTH,
    source: {
      lv: 'Iesniegumu likums, 5. panta pirmā daļa (redakcijā līdz 28.02.2026.)',
      en: 'Law on Submissions, Section 5(1) (wording in force until 28.02.2026)',
    },
  },
  {
    rule: 'submission.answer',
    validFrom: NEW_FROM,
    validTo: null,
    period: { unit: 'workingDays', amount: 10 },
    source: {
      lv: 'Iesniegumu likums, 5. pants (redakcijā no 01.03.2026.)',
      en: 'Law on Submissions, Section 5 (wording in force from 01.03.2026)',
    },
  },
  {
    rule: 'submission.answerComplex',
    validFrom: LAW_IN_FORCE,
    validTo: OLD_UNTIL,
    period: ONE_MONTH,
    source: {
      lv: 'Iesniegumu likums, 5. panta pirmā daļa (redakcijā līdz 28.02.2026.): vispārējais viena mēneša termiņš',
      en: 'Law on Submissions, Section 5(1) (wording in force until 28.02.2026): the general one-month limit',
    },
  },
  {
    rule: 'submission.answerComplex',
    validFrom: NEW_FROM,
    validTo: null,
    period: ONE_MONTH,
    source: {
      lv: 'Iesniegumu likums, 5. pants (redakcijā no 01.03.2026.): viens mēnesis, ja jāiegūst papildu informācija, jākonsultējas ar citām iestādēm vai jāapstrādā liels informācijas apjoms',
      en: 'Law on Submissions, Section 5 (wording in force from 01.03.2026): one month where more information, consultation of other institutions or processing of a large volume is needed',
    },
  },
  {
    rule: 'submission.extensionMax',
    validFrom: LAW_IN_FORCE,
    validTo: OLD_UNTIL,
    period: { unit: 'months', amount: 4 },
    source: {
      lv: 'Iesniegumu likums, 5. pants (redakcijā līdz 28.02.2026.): pagarinājums ne ilgāk kā līdz četriem mēnešiem no saņemšanas',
      en: 'Law on Submissions, Section 5 (wording in force until 28.02.2026): extension to at most four months from receipt',
    },
  },
  {
    rule: 'submission.extensionMax',
    validFrom: NEW_FROM,
    validTo: null,
    period: { unit: 'months', amount: 4 },
    toggle: 'extensionAllowed',
    // Whether the 2026 amendment keeps the extension is unconfirmed (LEGAL.md): on by default, configurable.
    source: {
      lv: 'Iesniegumu likums (redakcijā no 01.03.2026.): četru mēnešu pagarinājums — saglabāšana nav apstiprināta, konfigurējams',
      en: 'Law on Submissions (wording in force from 01.03.2026): four-month extension — retention unconfirmed, configurable',
    },
  },
  {
    rule: 'submission.forward',
    validFrom: LAW_IN_FORCE,
    validTo: OLD_UNTIL,
    period: { unit: 'workingDays', amount: 7 },
    source: {
      lv: 'Iesniegumu likums, 4. pants (redakcijā līdz 28.02.2026.): septiņas darbdienas',
      en: 'Law on Submissions, Section 4 (wording in force until 28.02.2026): seven working days',
    },
  },
  {
    rule: 'submission.forward',
    validFrom: NEW_FROM,
    validTo: null,
    period: { unit: 'workingDays', amount: 5 },
    source: {
      lv: 'Iesniegumu likums (redakcijā no 01.03.2026.): pārsūtīšana kompetentajai iestādei piecās darbdienās',
      en: 'Law on Submissions (wording in force from 01.03.2026): forwarding to the competent institution within five working days',
    },
  },
  {
    // A data subject's request (access, rectification, erasure…): answered within one month of receipt.
    rule: 'gdpr.subjectRequest',
    validFrom: '2018-05-25',
    validTo: null,
    period: ONE_MONTH,
    source: {
      lv: 'Vispārīgā datu aizsardzības regula (ES) 2016/679, 12. panta 3. punkts: viens mēnesis no pieprasījuma saņemšanas',
      en: 'General Data Protection Regulation (EU) 2016/679, Art. 12(3): one month of receipt of the request',
    },
  },
  {
    rule: 'appointment.minNotice',
    validFrom: '1990-01-01',
    validTo: null,
    period: 'fromOptions',
    source: {
      lv: 'Iestādes profila iestatījums: minimālais pieraksta laiks darbdienās',
      en: 'Agency profile setting: minimum booking notice in working days',
    },
  },
];

const deepFreeze = (v: TermRuleVersion): TermRuleVersion =>
  Object.freeze({
    ...v,
    period: typeof v.period === 'string' ? v.period : Object.freeze({ ...v.period }),
    source: Object.freeze({ ...v.source }),
  });

const TERM_RULE_VERSIONS: readonly TermRuleVersion[] = Object.freeze(versions.map(deepFreeze));

/** All rule versions (optionally of one rule), ordered by rule then validFrom, for documentation. */
export function getTermRuleVersions(rule?: TermRuleId): TermRuleVersion[] {
  return TERM_RULE_VERSIONS.filter((v) => rule === undefined || v.rule === rule).sort((a, b) =>
    a.rule === b.rule ? (a.validFrom < b.validFrom ? -1 : 1) : TERM_RULE_IDS.indexOf(a.rule) - TERM_RULE_IDS.indexOf(b.rule),
  );
}

/** The version of `rule` that applies to a submission received on `receivedOn`, if any. */
export function findTermRuleVersion(rule: TermRuleId, receivedOn: IsoDate): TermRuleVersion | undefined {
  return TERM_RULE_VERSIONS.find(
    (v) => v.rule === rule && v.validFrom <= receivedOn && (v.validTo === null || receivedOn <= v.validTo),
  );
}
