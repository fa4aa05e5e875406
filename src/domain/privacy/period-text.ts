import type { RetentionPeriod } from './retention-kinds.ts';

const LV = { days: ['diena', 'dienas'], months: ['mēnesis', 'mēneši'], years: ['gads', 'gadi'] } as const;
const EN = { days: ['day', 'days'], months: ['month', 'months'], years: ['year', 'years'] } as const;

/** Latvian takes the singular after numbers ending in 1 except 11 (21 gads, 11 gadi). */
export function latvianSingular(amount: number): boolean {
  return amount % 10 === 1 && amount % 100 !== 11;
}

/** "5 gadi", "21 diena", "1 month". */
export function periodText(period: RetentionPeriod, lang: 'lv' | 'en'): string {
  if (lang === 'lv') return `${period.amount} ${LV[period.unit][latvianSingular(period.amount) ? 0 : 1]}`;
  return `${period.amount} ${EN[period.unit][period.amount === 1 ? 0 : 1]}`;
}
