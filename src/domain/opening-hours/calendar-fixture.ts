// Test support only (not exported from index.ts): a tiny injectable calendar.
import { Temporal } from 'temporal-polyfill';
import type { CalendarLookup } from './types.ts';

export type FixtureCalendar = {
  /** Non-working weekdays (public holidays, transferred days off). */
  holidays?: string[];
  shortened?: string[];
  /** Worked Saturday → what it replaces (a date or a weekday name). */
  workedSaturdays?: Record<string, string>;
};

/** Mon–Fri working, Sat–Sun off, plus the given exceptions. */
export function makeCalendar(opts: FixtureCalendar = {}): CalendarLookup {
  const holidays = new Set(opts.holidays ?? []);
  const shortened = new Set(opts.shortened ?? []);
  const worked = opts.workedSaturdays ?? {};
  return (date) => {
    const replaces = worked[date] ?? null;
    const weekend = Temporal.PlainDate.from(date).dayOfWeek >= 6;
    const working = replaces !== null || (!weekend && !holidays.has(date));
    return { working, shortened: shortened.has(date), replaces };
  };
}

/** An instant from an ISO string with an explicit offset, e.g. '2026-03-30T08:30:00+03:00'. */
export function at(iso: string): Temporal.Instant {
  return Temporal.Instant.from(iso);
}
