// Record kinds the retention rules know, with the shortest period the law (or the platform's duty to answer
// complaints and audits) allows, and the unit a period of that kind is set in. Pure data, no I/O.

export const RETENTION_KINDS = [
  'inquiry',
  'message',
  'attachment',
  'appointment',
  'queue-ticket',
  'survey-response',
  'opinion',
  'logged-call',
  'callback',
  'incident',
  'service-error',
  'gift-declaration',
  'outbox-mail',
  'staff-session',
  'audit-event',
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export const RETENTION_UNITS = ['days', 'months', 'years'] as const;
export type RetentionUnit = (typeof RETENTION_UNITS)[number];

export const RETENTION_ACTIONS = ['anonymise', 'delete'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

export type RetentionPeriod = { amount: number; unit: RetentionUnit };

export type RetentionKindRule = {
  unit: RetentionUnit;
  /** The shortest period a profile may set, in `unit`. */
  minimum: number;
  /** What may happen when the period passes (audit events are only ever purged by whole months). */
  actions: readonly RetentionAction[];
  basis: { lv: string; en: string };
};

const SUBMISSIONS = {
  lv: 'Iesniegumu likums un Administratīvā procesa likums: atbildi var apstrīdēt un pārsūdzēt, tādēļ lietu glabā vismaz gadu',
  en: 'Law on Submissions and Administrative Procedure Law: an answer may be contested and appealed, so the case is kept at least a year',
};
const VISITS = {
  lv: 'Klientu apkalpošanas standarts: sūdzības par apkalpošanu izskata pēc apmeklējuma',
  en: 'Client service standard: complaints about a visit are examined after it',
};
const ANTI_CORRUPTION = {
  lv: 'Likums "Par interešu konflikta novēršanu valsts amatpersonu darbībā" un Arhīvu likums',
  en: 'Law on the Prevention of Conflict of Interest in Activities of Public Officials and the Archives Law',
};
const SECURITY = {
  lv: 'Informācijas tehnoloģiju drošības likums: drošības incidentu izmeklēšanai',
  en: 'Law on the Security of Information Technologies: for investigating security incidents',
};

/** The rule of every kind: the profile schema refuses a shorter period or another unit. */
export const RETENTION_RULES: Record<RetentionKind, RetentionKindRule> = {
  inquiry: { unit: 'years', minimum: 1, actions: ['anonymise', 'delete'], basis: SUBMISSIONS },
  message: { unit: 'years', minimum: 1, actions: ['anonymise', 'delete'], basis: SUBMISSIONS },
  attachment: { unit: 'years', minimum: 1, actions: ['anonymise', 'delete'], basis: SUBMISSIONS },
  appointment: { unit: 'months', minimum: 3, actions: ['anonymise', 'delete'], basis: VISITS },
  'queue-ticket': { unit: 'months', minimum: 3, actions: ['anonymise', 'delete'], basis: VISITS },
  'survey-response': { unit: 'months', minimum: 12, actions: ['anonymise', 'delete'], basis: VISITS },
  opinion: { unit: 'years', minimum: 1, actions: ['anonymise', 'delete'], basis: SUBMISSIONS },
  'logged-call': { unit: 'months', minimum: 3, actions: ['anonymise', 'delete'], basis: VISITS },
  callback: { unit: 'months', minimum: 3, actions: ['anonymise', 'delete'], basis: VISITS },
  incident: { unit: 'years', minimum: 1, actions: ['anonymise', 'delete'], basis: SECURITY },
  'service-error': { unit: 'years', minimum: 1, actions: ['anonymise', 'delete'], basis: SUBMISSIONS },
  'gift-declaration': { unit: 'years', minimum: 5, actions: ['anonymise', 'delete'], basis: ANTI_CORRUPTION },
  'outbox-mail': { unit: 'days', minimum: 30, actions: ['anonymise', 'delete'], basis: SUBMISSIONS },
  'staff-session': { unit: 'days', minimum: 30, actions: ['delete'], basis: SECURITY },
  'audit-event': { unit: 'months', minimum: 24, actions: ['delete'], basis: SECURITY },
};

export type RetentionSetting = { period: RetentionPeriod; action: RetentionAction };

export type RetentionProblem =
  | { code: 'wrong-unit'; expected: RetentionUnit }
  | { code: 'too-short'; minimum: number; unit: RetentionUnit }
  | { code: 'action-not-allowed'; allowed: readonly RetentionAction[] };

/** Checks one setting against its kind's rule; [] when it may stand. */
export function checkRetentionSetting(kind: RetentionKind, setting: RetentionSetting): RetentionProblem[] {
  const rule = RETENTION_RULES[kind];
  const problems: RetentionProblem[] = [];
  if (setting.period.unit !== rule.unit) problems.push({ code: 'wrong-unit', expected: rule.unit });
  else if (setting.period.amount < rule.minimum) problems.push({ code: 'too-short', minimum: rule.minimum, unit: rule.unit });
  if (!rule.actions.includes(setting.action)) problems.push({ code: 'action-not-allowed', allowed: rule.actions });
  return problems;
}

/** The instant before which a record of the kind has passed its period: `now` minus the period, by the calendar in UTC. */
export function retentionCutoff(now: Date, period: RetentionPeriod): Date {
  const cutoff = new Date(now.getTime());
  if (period.unit === 'days') cutoff.setUTCDate(cutoff.getUTCDate() - period.amount);
  else {
    const months = period.unit === 'years' ? period.amount * 12 : period.amount;
    const day = cutoff.getUTCDate();
    cutoff.setUTCDate(1);
    cutoff.setUTCMonth(cutoff.getUTCMonth() - months);
    const lastDay = new Date(Date.UTC(cutoff.getUTCFullYear(), cutoff.getUTCMonth() + 1, 0)).getUTCDate();
    cutoff.setUTCDate(Math.min(day, lastDay));
  }
  return cutoff;
}

/** The first day (UTC) of the month before which whole months of the audit log may be purged. */
export function auditPurgeBoundary(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}
