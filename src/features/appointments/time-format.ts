import { Temporal } from 'temporal-polyfill';
import { RIGA } from '../../platform/clock.ts';
import { rigaIsoAt } from '../../domain/opening-hours/index.ts';

/** '2026-11-19T09:05:00+02:00': the instant as Riga wall-clock time with its offset, to the second. */
export function rigaIso(instant: Temporal.Instant | Date): string {
  return rigaIsoAt(instant instanceof Date ? instant.getTime() : instant.epochMilliseconds);
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
