/** Counts per integer bucket (e.g. minutes waited, working days taken, a rating 1–5). */
export type Histogram = ReadonlyMap<number, number>;

export function total(h: Histogram): number {
  let n = 0;
  for (const count of h.values()) n += count;
  return n;
}

/** Sum of counts in the buckets that satisfy `test`. */
export function countWhere(h: Histogram, test: (bucket: number) => boolean): number {
  let n = 0;
  for (const [bucket, count] of h) if (test(bucket)) n += count;
  return n;
}

/**
 * The p-quantile by the nearest-rank method: the smallest bucket whose cumulative count reaches
 * ceil(p × n). Median = quantile(h, 0.5), p90 = quantile(h, 0.9). Null for an empty histogram.
 */
export function quantile(h: Histogram, p: number): number | null {
  if (!(p > 0 && p <= 1)) throw new RangeError(`quantile p must be in (0, 1], got ${p}`);
  const n = total(h);
  if (n === 0) return null;
  const rank = Math.ceil(p * n);
  let seen = 0;
  for (const bucket of [...h.keys()].sort((a, b) => a - b)) {
    seen += h.get(bucket) ?? 0;
    if (seen >= rank) return bucket;
  }
  return null;
}

export function mean(h: Histogram): number | null {
  const n = total(h);
  if (n === 0) return null;
  let sum = 0;
  for (const [bucket, count] of h) sum += bucket * count;
  return sum / n;
}

/** part / whole as a percentage; null when the whole is zero. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (100 * part) / whole;
}

export function mergeInto(target: Map<number, number>, source: Histogram): void {
  for (const [bucket, count] of source) target.set(bucket, (target.get(bucket) ?? 0) + count);
}
