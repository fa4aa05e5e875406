// Counting rules of LEGAL.md «Counting time limits» (Administrative Procedure Law ss. 42–43).
import { formatIsoDate, parseIsoDate } from '../calendar/index.ts';
import type { IsoDate, LatvianCalendar } from '../calendar/index.ts';

export type TermPeriod = { unit: 'months' | 'workingDays'; amount: number };

/** Same date N months later, or that month's last day when it has no such date (31 Jan + 1 → 28/29 Feb). */
export function addCalendarMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months) || months < 0) throw new RangeError(`Months must be an integer ≥ 0, got ${months}`);
  return formatIsoDate(parseIsoDate(date).add({ months }, { overflow: 'constrain' }));
}

/** Last day of a period that starts the day after `receivedOn`, moved to the next working day when needed. */
export function periodEnd(receivedOn: IsoDate, period: TermPeriod, calendar: LatvianCalendar): IsoDate {
  if (period.unit === 'months') return calendar.nextWorkingDay(addCalendarMonths(receivedOn, period.amount));
  return calendar.addWorkingDays(receivedOn, period.amount);
}
