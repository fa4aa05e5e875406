// How a figure is computed from a period's histograms: the building blocks of every indicator's definition.
import { countWhere, mean, percent, quantile, total } from './histogram.ts';
import type { Dimension, Figure, Indicator, PeriodData, Source } from './indicator-model.ts';

export const count = (metric: string) => (d: PeriodData): Figure => {
  const n = total(d.histogram(metric));
  return { value: n, base: n };
};
/** Share of bucket 0 ("on time") in a 0/1 metric. */
export const onTimeShare = (metric: string) => (d: PeriodData): Figure => {
  const h = d.histogram(metric);
  const n = total(h);
  return { value: percent(countWhere(h, (b) => b === 0), n), base: n };
};
export const oneShare = (metric: string) => (d: PeriodData): Figure => {
  const h = d.histogram(metric);
  const n = total(h);
  return { value: percent(countWhere(h, (b) => b === 1), n), base: n };
};
export const q = (metric: string, p: number) => (d: PeriodData): Figure => {
  const h = d.histogram(metric);
  return { value: quantile(h, p), base: total(h) };
};
export const average = (metric: string) => (d: PeriodData): Figure => {
  const h = d.histogram(metric);
  return { value: mean(h), base: total(h) };
};
export const snapshot = (metric: string) => (d: PeriodData): Figure => {
  const value = d.latest(metric);
  return { value, base: value ?? 0 };
};
export const flowShare = (finished: string, started: string) => (d: PeriodData): Figure => {
  const s = total(d.histogram(started));
  const f = total(d.histogram(finished));
  return { value: s === 0 ? null : Math.min(100, percent(f, s) ?? 0), base: s };
};

type Def = Omit<Indicator, 'source' | 'dimensions' | 'metrics'> & { source?: Source; dimensions?: Dimension[]; metrics: string[] };
export const def = (d: Def): Indicator => ({ source: 'records', dimensions: [], ...d });
