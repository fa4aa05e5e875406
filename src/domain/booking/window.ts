import { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../calendar/index.ts';
import { RIGA_TIME_ZONE } from '../opening-hours/index.ts';
import { computeTerm } from '../terms/index.ts';
import type { BookingRules } from './types.ts';


/** The days on which a client booking now may book: [earliest, latest], both 'YYYY-MM-DD' in Riga. */
export type BookingWindow = { today: string; earliest: string; latest: string };

/**
 * Earliest bookable day: the `appointment.minNotice` term counted from today (n working days after today;
 * 0 = today). Latest: today + horizonDays calendar days.
 */
export function bookingWindow(now: Temporal.Instant, rules: BookingRules, calendar: LatvianCalendar): BookingWindow {
  const today = rigaDate(now);
  const earliest = computeTerm('appointment.minNotice', today, calendar, { minNoticeWorkingDays: rules.minNoticeWorkingDays }).deadline;
  const latest = Temporal.PlainDate.from(today).add({ days: rules.horizonDays }).toString();
  return { today, earliest, latest };
}

export function rigaDate(instant: Temporal.Instant): string {
  return instant.toZonedDateTimeISO(RIGA_TIME_ZONE).toPlainDate().toString();
}

/** Every date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  let day = Temporal.PlainDate.from(from);
  const end = Temporal.PlainDate.from(to);
  while (Temporal.PlainDate.compare(day, end) <= 0) {
    dates.push(day.toString());
    day = day.add({ days: 1 });
  }
  return dates;
}
