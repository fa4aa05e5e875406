import { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../calendar/index.ts';
import { rigaDateAt } from '../opening-hours/index.ts';
import { computeTerm } from '../terms/index.ts';
import type { BookingRules } from './types.ts';


/** The days on which a client booking now may book: [earliest, latest], both 'YYYY-MM-DD' in Riga. */
export type BookingWindow = { readonly today: string; readonly earliest: string; readonly latest: string };

/**
 * Earliest bookable day: the `appointment.minNotice` term counted from today (n working days after today;
 * 0 = today). Latest: today + horizonDays calendar days.
 */
export function bookingWindow(now: Temporal.Instant, rules: BookingRules, calendar: LatvianCalendar): BookingWindow {
  const today = rigaDate(now);
  // The window changes once a day: remembered per calendar (a changed calendar is a new object).
  let byDay = windowMemo.get(calendar);
  if (!byDay) windowMemo.set(calendar, (byDay = new Map()));
  const key = `${today}|${rules.minNoticeWorkingDays}|${rules.horizonDays}`;
  let window = byDay.get(key);
  if (!window) {
    const earliest = computeTerm('appointment.minNotice', today, calendar, { minNoticeWorkingDays: rules.minNoticeWorkingDays }).deadline;
    const latest = Temporal.PlainDate.from(today).add({ days: rules.horizonDays }).toString();
    window = { today, earliest, latest };
    if (byDay.size >= 1_000) byDay.clear();
    byDay.set(key, window);
  }
  return window;
}

const windowMemo = new WeakMap<LatvianCalendar, Map<string, BookingWindow>>();

export function rigaDate(instant: Temporal.Instant): string {
  return rigaDateAt(instant.epochMilliseconds);
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
