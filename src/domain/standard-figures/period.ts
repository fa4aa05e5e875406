import { Temporal } from 'temporal-polyfill';

/** A period of Riga calendar days, both ends included ('YYYY-MM-DD'). */
export type Period = { from: string; to: string };
export type Granularity = 'month' | 'quarter' | 'year' | 'range';
export type PeriodSelection = { granularity: Granularity; period: Period };

export type PeriodInput = { period?: string | undefined; month?: string | undefined; quarter?: string | undefined; year?: string | undefined; from?: string | undefined; to?: string | undefined };
export type PeriodErrorCode = 'invalid_format' | 'reversed' | 'too_long' | 'required';
export type PeriodError = { field: 'period' | 'month' | 'quarter' | 'year' | 'from' | 'to'; code: PeriodErrorCode };

/** The longest period a figure may be asked for: five years. */
export const MAX_PERIOD_YEARS = 5;
const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function plainDate(text: string | undefined): Temporal.PlainDate | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  try {
    const date = Temporal.PlainDate.from(text, { overflow: 'reject' });
    return date.year >= MIN_YEAR && date.year <= MAX_YEAR ? date : null;
  } catch {
    return null;
  }
}

function monthPeriod(year: number, month: number, months = 1): Period {
  const first = Temporal.PlainDate.from({ year, month, day: 1 });
  return { from: first.toString(), to: first.add({ months }).subtract({ days: 1 }).toString() };
}

export function monthOf(text: string | undefined): Period | null {
  const m = /^(\d{4})-(\d{2})$/.exec(text ?? '');
  if (!m) return null;
  const [year, month] = [Number(m[1]), Number(m[2])];
  if (month < 1 || month > 12 || year < MIN_YEAR || year > MAX_YEAR) return null;
  return monthPeriod(year, month);
}

export function quarterOf(text: string | undefined): Period | null {
  const m = /^(\d{4})-Q([1-4])$/i.exec(text ?? '');
  if (!m) return null;
  const year = Number(m[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return null;
  return monthPeriod(year, (Number(m[2]) - 1) * 3 + 1, 3);
}

export function yearOf(text: string | undefined): Period | null {
  if (!/^\d{4}$/.test(text ?? '')) return null;
  const year = Number(text);
  return year < MIN_YEAR || year > MAX_YEAR ? null : monthPeriod(year, 1, 12);
}

/** A from–to range: both valid dates, from ≤ to, at most five years long. */
export function rangeOf(fromText: string | undefined, toText: string | undefined): { period: Period } | { errors: PeriodError[] } {
  const errors: PeriodError[] = [];
  const from = plainDate(fromText);
  const to = plainDate(toText);
  if (!from) errors.push({ field: 'from', code: fromText ? 'invalid_format' : 'required' });
  if (!to) errors.push({ field: 'to', code: toText ? 'invalid_format' : 'required' });
  if (!from || !to) return { errors };
  if (Temporal.PlainDate.compare(from, to) > 0) return { errors: [{ field: 'to', code: 'reversed' }] };
  if (Temporal.PlainDate.compare(to, from.add({ years: MAX_PERIOD_YEARS })) >= 0) return { errors: [{ field: 'to', code: 'too_long' }] };
  return { period: { from: from.toString(), to: to.toString() } };
}

/**
 * The period asked for: `period=month&month=2026-03`, `period=quarter&quarter=2026-Q1`, `period=year&year=2026`,
 * `period=range&from=…&to=…`, or just `from`/`to` (a range). Without anything: the month of `today`.
 */
export function parsePeriod(input: PeriodInput, today: string): { selection: PeriodSelection } | { errors: PeriodError[] } {
  const kind = input.period || (input.from || input.to ? 'range' : input.quarter ? 'quarter' : input.year ? 'year' : 'month');
  const single = (field: 'month' | 'quarter' | 'year', parse: (t: string | undefined) => Period | null, fallback: string) => {
    const text = input[field] || fallback;
    const period = parse(text);
    return period ? { selection: { granularity: field, period } } : { errors: [{ field, code: 'invalid_format' as const }] };
  };
  switch (kind) {
    case 'month':
      return single('month', monthOf, today.slice(0, 7));
    case 'quarter':
      return single('quarter', quarterOf, `${today.slice(0, 4)}-Q${Math.ceil(Number(today.slice(5, 7)) / 3)}`);
    case 'year':
      return single('year', yearOf, today.slice(0, 4));
    case 'range': {
      const range = rangeOf(input.from, input.to);
      return 'errors' in range ? range : { selection: { granularity: 'range', period: range.period } };
    }
    default:
      return { errors: [{ field: 'period', code: 'invalid_format' }] };
  }
}

function shiftMonths(period: Period, months: number): Period {
  const from = Temporal.PlainDate.from(period.from).add({ months });
  const to = Temporal.PlainDate.from(period.to).add({ days: 1 }).add({ months }).subtract({ days: 1 });
  return { from: from.toString(), to: to.toString() };
}

function daysIn(period: Period): number {
  return Temporal.PlainDate.from(period.from).until(Temporal.PlainDate.from(period.to)).days + 1;
}

/** The period just before, of the same kind (a range: the same number of days just before it). */
export function previousPeriod(selection: PeriodSelection): Period {
  const { period, granularity } = selection;
  if (granularity === 'month') return shiftMonths(period, -1);
  if (granularity === 'quarter') return shiftMonths(period, -3);
  if (granularity === 'year') return shiftMonths(period, -12);
  const days = daysIn(period);
  const to = Temporal.PlainDate.from(period.from).subtract({ days: 1 });
  return { from: to.subtract({ days: days - 1 }).toString(), to: to.toString() };
}

/** The trend: 12 periods of the same kind ending with the selected one (oldest first). */
export function trendPeriods(selection: PeriodSelection, count = 12): Period[] {
  const out: Period[] = [selection.period];
  let current = selection;
  while (out.length < count) {
    const previous = previousPeriod(current);
    out.unshift(previous);
    current = { granularity: current.granularity, period: previous };
  }
  return out;
}

/** A short label: 2026-03, 2026-Q1, 2026, or 2026-03-01–2026-03-15. */
export function periodLabel(granularity: Granularity, period: Period): string {
  if (granularity === 'month') return period.from.slice(0, 7);
  if (granularity === 'quarter') return `${period.from.slice(0, 4)}-Q${Math.ceil(Number(period.from.slice(5, 7)) / 3)}`;
  if (granularity === 'year') return period.from.slice(0, 4);
  return `${period.from}–${period.to}`;
}

/** True when the period is made of whole calendar months (then the monthly aggregates answer it). */
export function isWholeMonths(period: Period): boolean {
  const to = Temporal.PlainDate.from(period.to);
  return period.from.endsWith('-01') && to.add({ days: 1 }).day === 1;
}
