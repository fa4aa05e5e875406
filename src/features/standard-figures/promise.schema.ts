import { z } from 'zod';
import { findIndicator, UNIT_RANGES, UNITS, type Unit } from '../../domain/standard-figures/index.ts';
import type { Comparison, Target } from '../../domain/standard-figures/verdict.ts';

const Words = z.object({ lv: z.string().trim().min(1, 'Latvian text is required'), en: z.string().trim().min(1, 'English text is required') }).strict();

/** `{ atLeast: 100, unit: percent }`, `{ atMost: 20, unit: minutes }` or `{ exactly: 100, unit: percent }`. */
const TargetSchema = z
  .object({
    atLeast: z.number().finite().optional(),
    atMost: z.number().finite().optional(),
    exactly: z.number().finite().optional(),
    unit: z.enum(UNITS),
  })
  .strict()
  .superRefine((t, ctx) => {
    const given = (['atLeast', 'atMost', 'exactly'] as const).filter((k) => t[k] !== undefined);
    if (given.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'Give exactly one of atLeast, atMost, exactly' });
  });

export type TargetInput = z.infer<typeof TargetSchema>;

/** The target as the verdict reads it. */
export function targetOf(t: TargetInput): Target {
  const comparison: Comparison = t.atLeast !== undefined ? 'atLeast' : t.atMost !== undefined ? 'atMost' : 'exactly';
  return { comparison, value: t[comparison] as number, unit: t.unit as Unit };
}

/**
 * One promise of the standard: its own words (Latvian as written, English), and the indicator that measures
 * it with its target — or neither, for a promise no record can measure (listed as "not measurable from records").
 */
export const PromiseSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and hyphens'),
    words: Words,
    indicator: z.string().optional(),
    target: TargetSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.indicator === undefined) !== (p.target === undefined)) {
      ctx.addIssue({ code: 'custom', path: [p.indicator === undefined ? 'indicator' : 'target'], message: 'Give both indicator and target, or neither (not measurable from records)' });
      return;
    }
    if (p.indicator === undefined || p.target === undefined) return;
    const indicator = findIndicator(p.indicator);
    if (!indicator) {
      ctx.addIssue({ code: 'custom', path: ['indicator'], message: `Unknown indicator "${p.indicator}" (see src/domain/standard-figures/indicators.ts)` });
      return;
    }
    if (p.target.unit !== indicator.unit) {
      ctx.addIssue({ code: 'custom', path: ['target', 'unit'], message: `Indicator "${indicator.id}" is measured in ${indicator.unit}, the target is in ${p.target.unit}` });
      return;
    }
    const target = targetOf(p.target);
    const [min, max] = UNIT_RANGES[indicator.unit];
    if (target.value < min || target.value > max) {
      ctx.addIssue({ code: 'custom', path: ['target', target.comparison], message: `A target in ${indicator.unit} must be between ${min} and ${max}, got ${target.value}` });
    }
  });

export const PromisesSchema = z
  .array(PromiseSchema)
  .default([])
  .superRefine((promises, ctx) => {
    const seen = new Set<string>();
    promises.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `Duplicate promise id "${p.id}"` });
      seen.add(p.id);
    });
  });

export type StandardPromise = z.infer<typeof PromiseSchema>;
