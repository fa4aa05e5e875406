import { Temporal } from 'temporal-polyfill';
import { RIGA_TIME_ZONE, openIntervalsOn, type OpenInterval } from './hours.ts';
import type { CalendarLookup, HoursSpec, OpeningStatus } from './types.ts';

/** How far ahead openingStatus looks: the local date of `at` and the 366 days after it. */
export const SEARCH_HORIZON_DAYS = 366;

/**
 * Whether the place is open at `at`, and when that next changes. Times are ISO 8601 with the Europe/Riga
 * offset, e.g. '2026-03-30T08:30:00+03:00'. Ranges that touch or overlap (12:00 close, 12:00 open; 24:00 then
 * 00:00 the next day) count as one opening, so closesAt is when the place really closes. closesAt is null when
 * it stays open to the end of the search horizon; nextOpening is null when nothing opens within it.
 */
export function openingStatus(
  spec: HoursSpec,
  at: Temporal.Instant | Temporal.ZonedDateTime,
  calendar: CalendarLookup,
): OpeningStatus {
  const instant = at instanceof Temporal.ZonedDateTime ? at.toInstant() : at;
  const today = instant.toZonedDateTimeISO(RIGA_TIME_ZONE).toPlainDate();
  const horizonEnd = today.add({ days: SEARCH_HORIZON_DAYS + 1 }).toZonedDateTime(RIGA_TIME_ZONE).toInstant();

  let openUntil: Temporal.ZonedDateTime | null = null;
  for (const iv of intervalsFrom(spec, today, calendar)) {
    const start = iv.start.toInstant();
    if (openUntil === null) {
      if (Temporal.Instant.compare(start, instant) > 0) {
        const nextOpening = format(iv.start);
        return { openNow: false, closesAt: null, nextOpening, nextChange: nextOpening };
      }
      if (Temporal.Instant.compare(instant, iv.end.toInstant()) < 0) openUntil = iv.end;
    } else if (Temporal.Instant.compare(start, openUntil.toInstant()) <= 0) {
      if (Temporal.ZonedDateTime.compare(iv.end, openUntil) > 0) openUntil = iv.end;
    } else {
      break;
    }
  }

  if (openUntil === null) return { openNow: false, closesAt: null, nextOpening: null, nextChange: null };
  const closesAt = Temporal.Instant.compare(openUntil.toInstant(), horizonEnd) >= 0 ? null : format(openUntil);
  return { openNow: true, closesAt, nextOpening: null, nextChange: closesAt };
}

function* intervalsFrom(spec: HoursSpec, from: Temporal.PlainDate, calendar: CalendarLookup): Generator<OpenInterval> {
  for (let i = 0; i <= SEARCH_HORIZON_DAYS; i++) {
    yield* openIntervalsOn(spec, from.add({ days: i }).toString(), calendar);
  }
}

function format(t: Temporal.ZonedDateTime): string {
  return t.toString({ timeZoneName: 'never' });
}
