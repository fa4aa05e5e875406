import { Temporal } from 'temporal-polyfill';
import { RIGA_TIME_ZONE, openIntervalsOn } from '../opening-hours/hours.ts';
import type { CalendarLookup, HoursSpec } from '../opening-hours/types.ts';

/** How far ahead a client may ask to be called back. */
export const CALLBACK_HORIZON_DAYS = 30;
/** Failed attempts (no answer, wrong number) after which a callback is closed as unreachable. */
export const MAX_FAILED_ATTEMPTS = 3;

export const ATTEMPT_RESULTS = ['reached', 'no-answer', 'wrong-number'] as const;
export type AttemptResult = (typeof ATTEMPT_RESULTS)[number];

export const CALLBACK_STATUSES = ['open', 'taken', 'reached', 'unreachable'] as const;
export type CallbackStatus = (typeof CALLBACK_STATUSES)[number];

export type WindowError = 'window-order' | 'window-past' | 'window-too-far' | 'window-not-working-day' | 'window-outside-hours';

/**
 * Checks a preferred callback window [from, to): from before to, not in the past, within the horizon, on one
 * working day of the calendar, and wholly inside one opening interval of the line on that day.
 */
export function windowError(spec: HoursSpec, calendar: CalendarLookup, window: { from: Temporal.Instant; to: Temporal.Instant }, now: Temporal.Instant): WindowError | null {
  const { from, to } = window;
  if (Temporal.Instant.compare(from, to) >= 0) return 'window-order';
  if (Temporal.Instant.compare(from, now) < 0) return 'window-past';
  if (Temporal.Instant.compare(from, now.add({ hours: 24 * CALLBACK_HORIZON_DAYS })) > 0) return 'window-too-far';
  const day = from.toZonedDateTimeISO(RIGA_TIME_ZONE).toPlainDate().toString();
  if (!calendar(day).working) return 'window-not-working-day';
  const inside = openIntervalsOn(spec, day, calendar).some(
    (iv) => Temporal.Instant.compare(iv.start.toInstant(), from) <= 0 && Temporal.Instant.compare(to, iv.end.toInstant()) <= 0,
  );
  return inside ? null : 'window-outside-hours';
}

/**
 * The moment by which the agency promises to call: the end of the line's last opening on the working day that
 * lies `workingDays` working days after the day of the request (0 = the same day; a request on a non-working
 * day or after the line closed counts from the next working day). Lines without hours on that day close at midnight.
 */
export function callBy(spec: HoursSpec, calendar: CalendarLookup, requestedAt: Temporal.Instant, workingDays: number): Temporal.Instant {
  const nextWorking = (from: Temporal.PlainDate) => {
    let day = from.add({ days: 1 });
    while (!calendar(day.toString()).working) day = day.add({ days: 1 });
    return day;
  };
  let day = requestedAt.toZonedDateTimeISO(RIGA_TIME_ZONE).toPlainDate();
  if (!calendar(day.toString()).working) day = nextWorking(day);
  // A request after the line closed counts as received on the next working day.
  if (Temporal.Instant.compare(closeOf(spec, calendar, day), requestedAt) <= 0) day = nextWorking(day);
  for (let left = workingDays; left > 0; left--) day = nextWorking(day);
  return closeOf(spec, calendar, day);
}

function closeOf(spec: HoursSpec, calendar: CalendarLookup, day: Temporal.PlainDate): Temporal.Instant {
  const intervals = openIntervalsOn(spec, day.toString(), calendar);
  const last = intervals[intervals.length - 1];
  return last ? last.end.toInstant() : day.add({ days: 1 }).toZonedDateTime(RIGA_TIME_ZONE).toInstant();
}

/** What an attempt does to a callback: reached closes it; the third failed attempt closes it as unreachable. */
export function statusAfterAttempt(result: AttemptResult, failedBefore: number): { status: CallbackStatus; failed: number } {
  if (result === 'reached') return { status: 'reached', failed: failedBefore };
  const failed = failedBefore + 1;
  return { status: failed >= MAX_FAILED_ATTEMPTS ? 'unreachable' : 'taken', failed };
}

/** A callback still to be done is overdue once its call-by moment has passed. */
export function isOverdue(status: CallbackStatus, due: Temporal.Instant, now: Temporal.Instant): boolean {
  return (status === 'open' || status === 'taken') && Temporal.Instant.compare(due, now) < 0;
}
