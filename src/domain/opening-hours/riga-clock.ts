import { Temporal } from 'temporal-polyfill';
import { RIGA_TIME_ZONE } from './hours.ts';
const HOUR_MS = 3_600_000;

type Offset = { text: string; ms: number };
// Riga's UTC offset changes only on a whole UTC hour, so it is looked up once per hour of time (bounded cache).
const offsetByHour = new Map<number, Offset>();

/** Riga's UTC offset at an instant: '+02:00' and its milliseconds. */
export function rigaOffsetAt(epochMs: number): Offset {
  const hour = Math.floor(epochMs / HOUR_MS);
  let offset = offsetByHour.get(hour);
  if (!offset) {
    const zoned = Temporal.Instant.fromEpochMilliseconds(hour * HOUR_MS).toZonedDateTimeISO(RIGA_TIME_ZONE);
    offset = { text: zoned.offset, ms: zoned.offsetNanoseconds / 1_000_000 };
    if (offsetByHour.size >= 100_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/**
 * '2026-11-19T09:05:00+02:00': the instant as Riga wall-clock time with its offset, to the second. Hot (every
 * slot of a search, every booking), so it avoids building a ZonedDateTime.
 */
export function rigaIsoAt(epochMs: number): string {
  const offset = rigaOffsetAt(epochMs);
  return new Date(epochMs + offset.ms).toISOString().slice(0, 19) + offset.text;
}

/** '2026-11-19': the date in Riga at an instant. */
export function rigaDateAt(epochMs: number): string {
  return new Date(epochMs + rigaOffsetAt(epochMs).ms).toISOString().slice(0, 10);
}
