import type { Unit } from './indicator-model.ts';

export type Comparison = 'atLeast' | 'atMost' | 'exactly';
export type Target = { comparison: Comparison; value: number; unit: Unit };
export type Verdict = 'kept' | 'not-kept' | 'no-data';

/** Rounding of a figure before it is compared and shown: one decimal (a 99.96 % is shown and judged as 100.0 %). */
export function roundFigure(value: number): number {
  return Math.round(value * 10) / 10;
}

export function verdict(value: number | null, target: Target): Verdict {
  if (value === null) return 'no-data';
  const v = roundFigure(value);
  if (target.comparison === 'atLeast') return v >= target.value ? 'kept' : 'not-kept';
  if (target.comparison === 'atMost') return v <= target.value ? 'kept' : 'not-kept';
  return v === target.value ? 'kept' : 'not-kept';
}

/** The public page never shows a count below this, nor a figure computed from fewer records. */
export const PUBLIC_MIN_COUNT = 5;

export type PublicFigure = { value: number | null; suppressed: boolean };

/** What the public may see: null figures stay null; a base below 5 (and a count below 5) becomes "fewer than 5". */
export function publicFigure(value: number | null, base: number, unit: Unit): PublicFigure {
  if (value === null) return { value: null, suppressed: false };
  if (base < PUBLIC_MIN_COUNT) return { value: null, suppressed: true };
  if (unit === 'count' && value < PUBLIC_MIN_COUNT) return { value: null, suppressed: true };
  return { value: roundFigure(value), suppressed: false };
}
