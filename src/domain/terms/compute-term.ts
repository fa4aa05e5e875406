import { formatIsoDate, parseIsoDate } from '../calendar/index.ts';
import type { IsoDate, LatvianCalendar, LocalizedText } from '../calendar/index.ts';
import {
  TermRuleDisabledError,
  TermRuleNotInForceError,
  TermRuleOptionRequiredError,
  UnknownTermRuleError,
} from './errors.ts';
import { periodEnd, type TermPeriod } from './period.ts';
import { findTermRuleVersion, isTermRuleId, type TermRuleId } from './term-rules.ts';

export type TermOptions = {
  /** 2026 version of submission.extensionMax: false switches the extension off (default true). */
  extensionAllowed?: boolean;
  /** appointment.minNotice: working days between booking and the earliest slot (agency profile). */
  minNoticeWorkingDays?: number;
};

export type TermResult = {
  deadline: IsoDate;
  rule: TermRuleId;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  source: LocalizedText;
  /** The period actually applied (options resolved). */
  period: TermPeriod;
};

/** Deadline of `rule` for something received (or booked) on `receivedOn`, under the version in force that day. */
export function computeTerm(
  rule: string,
  receivedOn: IsoDate,
  calendar: LatvianCalendar,
  options: TermOptions = {},
): TermResult {
  if (!isTermRuleId(rule)) throw new UnknownTermRuleError(rule);
  const received = formatIsoDate(parseIsoDate(receivedOn, 'receivedOn'));
  const version = findTermRuleVersion(rule, received);
  if (!version) throw new TermRuleNotInForceError(rule, received);
  if (version.toggle && options[version.toggle] === false) throw new TermRuleDisabledError(rule, version.toggle);

  let period: TermPeriod;
  if (version.period === 'fromOptions') {
    const amount = options.minNoticeWorkingDays;
    if (amount === undefined) throw new TermRuleOptionRequiredError(rule, 'minNoticeWorkingDays');
    if (!Number.isInteger(amount) || amount < 0) {
      throw new RangeError(`minNoticeWorkingDays must be an integer ≥ 0, got ${amount}`);
    }
    period = { unit: 'workingDays', amount };
  } else {
    period = { ...version.period };
  }

  return {
    deadline: periodEnd(received, period, calendar),
    rule,
    validFrom: version.validFrom,
    validTo: version.validTo,
    source: version.source,
    period,
  };
}
