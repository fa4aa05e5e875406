import type { TimeRange } from './types.ts';

export const MINUTES_PER_DAY = 24 * 60;

/** Range in minutes since local midnight; close may be 1440 ('24:00'). */
export type MinuteRange = { open: number; close: number };

const STRICT_TIME = /^(\d{2}):(\d{2})$/;

/**
 * Parses 'HH:MM-HH:MM' (e.g. '08:30-17:15') into a TimeRange with zero-padded 'HH:MM' times.
 * Lenient on what people type: one-digit hours ('8:30'), spaces around the dash, an en or em dash.
 * The closing time may be '24:00' (until midnight). Throws a RangeError explaining what is wrong.
 */
export function parseTimeRange(input: string): TimeRange {
  const text = input.trim();
  const m = /^(\d{1,2}:\d{2})\s*[-\u2013\u2014]\s*(\d{1,2}:\d{2})$/.exec(text);
  if (!m || m[1] === undefined || m[2] === undefined) {
    throw new RangeError(`Invalid time range "${input}": expected "HH:MM-HH:MM", for example "08:30-17:15".`);
  }
  const open = parseClock(m[1], input, false);
  const close = parseClock(m[2], input, true);
  if (open >= close) {
    throw new RangeError(
      `Invalid time range "${input}": the opening time must be before the closing time (ranges cannot pass midnight).`,
    );
  }
  return { open: formatMinutes(open), close: formatMinutes(close) };
}

function parseClock(text: string, input: string, isClose: boolean): number {
  const [h = '', min = ''] = text.split(':');
  const hours = Number(h);
  const minutes = Number(min);
  if (minutes > 59) throw new RangeError(`Invalid time "${text}" in "${input}": minutes must be 00–59.`);
  if (hours === 24 && minutes === 0 && isClose) return MINUTES_PER_DAY;
  if (hours > 23) {
    const allowed = isClose ? '00–23 (or 24:00 for midnight)' : '00–23';
    throw new RangeError(`Invalid time "${text}" in "${input}": hours must be ${allowed}.`);
  }
  return hours * 60 + minutes;
}

/** Strictly validates a spec range ('HH:MM', open < close) and converts it to minutes. */
export function toMinuteRange(range: TimeRange): MinuteRange {
  const open = strictMinutes(range.open, false);
  const close = strictMinutes(range.close, true);
  if (open >= close) {
    throw new RangeError(`Invalid time range ${range.open}-${range.close}: the opening time must be before the closing time.`);
  }
  return { open, close };
}

function strictMinutes(text: string, isClose: boolean): number {
  const m = STRICT_TIME.exec(text);
  const hours = Number(m?.[1]);
  const minutes = Number(m?.[2]);
  if (m && minutes <= 59 && (hours <= 23 || (isClose && hours === 24 && minutes === 0))) return hours * 60 + minutes;
  throw new RangeError(`Invalid time "${text}": expected "HH:MM" between 00:00 and ${isClose ? '24:00' : '23:59'}.`);
}

export function formatMinutes(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

export function fromMinuteRange(range: MinuteRange): TimeRange {
  return { open: formatMinutes(range.open), close: formatMinutes(range.close) };
}

/** Validates, converts and sorts a list of ranges (by opening, then closing time). */
export function normalizeRanges(ranges: readonly TimeRange[] | undefined): MinuteRange[] {
  return (ranges ?? []).map(toMinuteRange).sort((a, b) => a.open - b.open || a.close - b.close);
}
