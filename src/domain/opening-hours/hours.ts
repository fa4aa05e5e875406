import { Temporal } from 'temporal-polyfill';
import {
  MINUTES_PER_DAY,
  fromMinuteRange,
  normalizeRanges,
  type MinuteRange,
} from './time-range.ts';
import { WEEKDAYS, type CalendarLookup, type HoursSpec, type TimeRange, type Weekday, type WeeklySummaryGroup } from './types.ts';

export const RIGA_TIME_ZONE = 'Europe/Riga';

/** A continuous period during which the place is open: [start, end). */
export type OpenInterval = { start: Temporal.ZonedDateTime; end: Temporal.ZonedDateTime };

/**
 * The actual opening ranges on a date ('YYYY-MM-DD'), in order:
 * 1. an explicit `dates` entry wins over everything (no shortening applied);
 * 2. a day the calendar marks non-working is closed, unless `openOnNonWorkingDays`, in which case it gets the
 *    weekly hours of its own weekday;
 * 3. a working day gets the weekly hours of its weekday — or, for a transferred working Saturday, of the
 *    weekday it `replaces`;
 * 4. on a day the calendar marks shortened (and `shortenBeforeHolidays` is not false) the range that closes
 *    last closes one hour earlier, but never before its own opening; a range shortened to nothing is dropped.
 * Throws RangeError for a malformed date or malformed ranges in the spec.
 */
export function hoursOn(spec: HoursSpec, date: string, calendar: CalendarLookup): TimeRange[] {
  return minuteRangesOn(spec, parseDate(date), calendar).map(fromMinuteRange);
}

/**
 * The opening ranges on a date converted to instants in Europe/Riga.
 *
 * Daylight-saving choice: each range covers every instant at which the wall clock in Riga shows a time in
 * [open, close), as one continuous interval. So:
 * - spring forward (e.g. 2026-03-29, 03:00 → 04:00): a time in the skipped hour maps to the moment of the jump
 *   (04:00+03:00); a range 02:00–05:00 lasts two real hours; a range wholly inside the skipped hour is dropped;
 * - fall back (e.g. 2026-10-25, 04:00 → 03:00): an opening time in the repeated hour uses its first occurrence
 *   (+03:00), a closing time its second (+02:00); a range 02:00–05:00 lasts four real hours.
 */
export function openIntervalsOn(spec: HoursSpec, date: string, calendar: CalendarLookup): OpenInterval[] {
  const day = parseDate(date);
  return minuteRangesOn(spec, day, calendar)
    .map((r) => ({ start: wallClockInstant(day, r.open, 'open'), end: wallClockInstant(day, r.close, 'close') }))
    .filter((iv) => Temporal.ZonedDateTime.compare(iv.start, iv.end) < 0);
}

/**
 * The regular week for display: days Monday → Sunday, consecutive days with identical ranges grouped,
 * closed days omitted. Ignores `dates`, holidays and shortening.
 */
export function weeklySummary(spec: HoursSpec): WeeklySummaryGroup[] {
  const groups: WeeklySummaryGroup[] = [];
  let previousKey: string | null = null;
  for (const day of WEEKDAYS) {
    const ranges = normalizeRanges(spec.weekly[day]);
    if (ranges.length === 0) {
      previousKey = null;
      continue;
    }
    const key = JSON.stringify(ranges);
    const last = groups[groups.length - 1];
    if (last && key === previousKey) last.days.push(day);
    else groups.push({ days: [day], ranges: ranges.map(fromMinuteRange) });
    previousKey = key;
  }
  return groups;
}

function minuteRangesOn(spec: HoursSpec, date: Temporal.PlainDate, calendar: CalendarLookup): MinuteRange[] {
  const iso = date.toString();
  const explicit = spec.dates?.[iso];
  if (explicit !== undefined) return normalizeRanges(explicit);

  const kind = calendar(iso);
  let weekday: Weekday;
  if (!kind.working) {
    if (!(spec.openOnNonWorkingDays ?? false)) return [];
    weekday = weekdayOf(date);
  } else {
    weekday = kind.replaces === null ? weekdayOf(date) : replacedWeekday(kind.replaces);
  }

  const ranges = normalizeRanges(spec.weekly[weekday]);
  if (!kind.shortened || !(spec.shortenBeforeHolidays ?? true) || ranges.length === 0) return ranges;
  return shortenLast(ranges);
}

/** Labour Law s.135: the range that closes last closes one hour earlier, never before it opens. */
function shortenLast(ranges: MinuteRange[]): MinuteRange[] {
  const lastClose = Math.max(...ranges.map((r) => r.close));
  return ranges
    .map((r) => (r.close === lastClose ? { open: r.open, close: Math.max(r.open, r.close - 60) } : r))
    .filter((r) => r.open < r.close);
}

function weekdayOf(date: Temporal.PlainDate): Weekday {
  const wd = WEEKDAYS[date.dayOfWeek - 1];
  if (wd === undefined) throw new RangeError(`Unexpected day of week ${date.dayOfWeek}`);
  return wd;
}

function replacedWeekday(replaces: string): Weekday {
  if ((WEEKDAYS as readonly string[]).includes(replaces)) return replaces as Weekday;
  return weekdayOf(parseDate(replaces));
}

function parseDate(date: string): Temporal.PlainDate {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`Invalid date "${date}": expected "YYYY-MM-DD".`);
  return Temporal.PlainDate.from(date, { overflow: 'reject' });
}

/** See openIntervalsOn for the daylight-saving rules. */
function wallClockInstant(date: Temporal.PlainDate, minutes: number, edge: 'open' | 'close'): Temporal.ZonedDateTime {
  const day = minutes >= MINUTES_PER_DAY ? date.add({ days: 1 }) : date;
  const m = minutes % MINUTES_PER_DAY;
  const wall = day.toPlainDateTime({ hour: Math.floor(m / 60), minute: m % 60 });
  const earlier = wall.toZonedDateTime(RIGA_TIME_ZONE, { disambiguation: 'earlier' });
  if (!earlier.toPlainDateTime().equals(wall)) {
    // The wall time was skipped: the clock passes it at the moment of the jump.
    const jump = earlier.getTimeZoneTransition('next');
    if (jump === null) throw new RangeError(`No time-zone transition found after ${earlier.toString()}`);
    return jump;
  }
  return edge === 'open' ? earlier : wall.toZonedDateTime(RIGA_TIME_ZONE, { disambiguation: 'later' });
}
