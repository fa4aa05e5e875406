import { Temporal } from 'temporal-polyfill';
import type { IsoDate } from './types.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly: a wrong shape or a non-existent date (2025-02-30) throws a RangeError. */
export function parseIsoDate(value: IsoDate, label = 'date'): Temporal.PlainDate {
  if (typeof value !== 'string') {
    throw new RangeError(`Invalid ${label}: expected an ISO date string 'YYYY-MM-DD', got ${typeof value}`);
  }
  const match = ISO_DATE.exec(value);
  if (!match) throw new RangeError(`Invalid ${label} "${value}": expected an ISO date 'YYYY-MM-DD'`);
  const [, year, month, day] = match;
  try {
    return Temporal.PlainDate.from(
      { year: Number(year), month: Number(month), day: Number(day) },
      { overflow: 'reject' },
    );
  } catch {
    throw new RangeError(`Invalid ${label} "${value}": no such calendar date`);
  }
}

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  try {
    parseIsoDate(value);
    return true;
  } catch {
    return false;
  }
}

export function formatIsoDate(date: Temporal.PlainDate): IsoDate {
  return date.toString();
}

export function isWeekend(date: Temporal.PlainDate): boolean {
  return date.dayOfWeek >= 6;
}
