import { Temporal } from 'temporal-polyfill';
import { RIGA } from '../../platform/clock.ts';

/** '2026-11-19T09:05:00+02:00': the instant as Riga wall-clock time with its offset. */
export function rigaIso(instant: Temporal.Instant | Date): string {
  const i = instant instanceof Date ? Temporal.Instant.fromEpochMilliseconds(instant.getTime()) : instant;
  return i.toZonedDateTimeISO(RIGA).toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

export function toDate(instant: Temporal.Instant): Date {
  return new Date(instant.epochMilliseconds);
}

export function toInstant(date: Date): Temporal.Instant {
  return Temporal.Instant.fromEpochMilliseconds(date.getTime());
}

/** Midnight in Riga at the start of a date, as an instant. */
export function rigaStartOfDay(date: string): Temporal.Instant {
  return Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: RIGA }).toInstant();
}
