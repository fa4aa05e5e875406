import { Temporal } from 'temporal-polyfill';
import {
  findIndicator,
  publicFigure,
  rangeOf,
  verdict,
  type Indicator,
  type Period,
  type PeriodData,
  type Target,
} from '../../domain/standard-figures/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { cached } from './figure-cache.ts';
import { lastRefreshed, loadPeriodData, type RequestError } from './figures.service.ts';
import { targetOf, type StandardPromise } from './promise.schema.ts';
import { availableSources } from './sources.ts';

export type PublicStatus = 'kept' | 'not-kept' | 'no-data' | 'fewer-than-5' | 'not-measurable';
export type PublicMonthFigure = { month: string; from: string; to: string; value: number | null; suppressed: boolean; status: PublicStatus };
export type PublicPromise = { promise: StandardPromise; indicator: Indicator | null; figures: PublicMonthFigure[] };
export type PublicFigures = { agency: string; period: Period; months: Period[]; promises: PublicPromise[] };

/** The calendar-month pieces of a period (the first and last may be partial months). */
export function monthPieces(period: Period): Period[] {
  const out: Period[] = [];
  let start = Temporal.PlainDate.from(period.from);
  const end = Temporal.PlainDate.from(period.to);
  while (Temporal.PlainDate.compare(start, end) <= 0) {
    const monthEnd = start.with({ day: 1 }).add({ months: 1 }).subtract({ days: 1 });
    const to = Temporal.PlainDate.compare(monthEnd, end) < 0 ? monthEnd : end;
    out.push({ from: start.toString(), to: to.toString() });
    start = to.add({ days: 1 });
  }
  return out;
}

/** from/to of the public API: both or neither (then the 12 months up to this one); bad dates, reversed, over 5 years → errors. */
export function parsePublicPeriod(input: { from?: string | undefined; to?: string | undefined }, today: string): { period: Period } | { errors: RequestError[] } {
  if (!input.from && !input.to) {
    const first = Temporal.PlainDate.from(today).with({ day: 1 }).subtract({ months: 11 });
    const last = Temporal.PlainDate.from(today).with({ day: 1 }).add({ months: 1 }).subtract({ days: 1 });
    return { period: { from: first.toString(), to: last.toString() } };
  }
  const range = rangeOf(input.from, input.to);
  if ('period' in range) return range;
  const keys = { invalid_format: 'standardFigures.errors.invalidFormat', required: 'standardFigures.errors.required', reversed: 'standardFigures.errors.reversed', too_long: 'standardFigures.errors.tooLong' } as const;
  return { errors: range.errors.map((e) => ({ field: e.field, code: e.code, messageKey: keys[e.code] })) };
}

/** Monthly figures of every promise, from the aggregates only; a base or count below 5 is "fewer than 5". */
export async function publicFigures(deps: Pick<AppDeps, 'db'>, profile: AgencyProfile, period: Period): Promise<PublicFigures> {
  const refreshedAt = await lastRefreshed(deps.db, profile.slug);
  const key = JSON.stringify(['public', profile.slug, profile.promises, period, [...availableSources()].sort(), refreshedAt?.getTime() ?? null]);
  return cached(deps.db, key, () => computePublic(deps, profile, period));
}

async function computePublic(deps: Pick<AppDeps, 'db'>, profile: AgencyProfile, period: Period): Promise<PublicFigures> {
  const months = monthPieces(period);
  const indicators = profile.promises.map((p) => (p.indicator ? findIndicator(p.indicator) ?? null : null));
  const metrics = [...new Set(indicators.flatMap((i) => (i ? i.metrics : [])))];
  const data: PeriodData[] = metrics.length ? await loadPeriodData(deps.db, profile.slug, months, {}, metrics) : [];
  const sources = availableSources();
  const promises = profile.promises.map((promise, p): PublicPromise => {
    const indicator = indicators[p] ?? null;
    const figures = months.map((month, i): PublicMonthFigure => {
      const base = { month: month.from.slice(0, 7), from: month.from, to: month.to };
      if (!indicator || !promise.target) return { ...base, value: null, suppressed: false, status: 'not-measurable' };
      if (!sources.has(indicator.source)) return { ...base, value: null, suppressed: false, status: 'no-data' };
      const figure = indicator.compute(data[i] as PeriodData);
      const shown = publicFigure(figure.value, figure.base, indicator.unit);
      const status: PublicStatus = shown.suppressed ? 'fewer-than-5' : verdict(shown.value, targetOf(promise.target));
      return { ...base, value: shown.value, suppressed: shown.suppressed, status };
    });
    return { promise, indicator, figures };
  });
  return { agency: profile.slug, period, months, promises };
}
