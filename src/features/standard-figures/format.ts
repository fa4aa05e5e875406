import type { Unit } from '../../domain/standard-figures/index.ts';
import { roundFigure, type Target, type Verdict } from '../../domain/standard-figures/verdict.ts';
import type { Language, Translate } from '../../platform/i18n/index.ts';

const locale = (lang: Language) => (lang === 'lv' ? 'lv-LV' : 'en-GB');

/** A figure as people read it: "97,5 %", "12 min", "4,6 no 5"; one decimal at most. */
export function formatFigure(value: number | null, unit: Unit, lang: Language, t: Translate): string {
  if (value === null) return t('standardFigures.noData');
  const rounded = roundFigure(value);
  const number = rounded.toLocaleString(locale(lang), { maximumFractionDigits: 1 });
  // Latvian agrees the noun with the number: 1, 21, 31 … darbdiena; 2, 11, 12 … darbdienas.
  const one = (unit === 'workingDays' || unit === 'days') && Number.isInteger(rounded) && new Intl.PluralRules(locale(lang)).select(rounded) === 'one';
  const suffix = one ? t(`standardFigures.unitsOne.${unit as 'days'}`) : t(`standardFigures.units.${unit}`);
  return unit === 'percent' ? `${number} %` : suffix ? `${number} ${suffix}` : number;
}

export function formatChange(change: number | null, unit: Unit, lang: Language, t: Translate): string {
  if (change === null) return '—';
  const rounded = roundFigure(change);
  const text = formatFigure(Math.abs(rounded), unit, lang, t);
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : '±0';
}

export function formatTarget(target: Target, lang: Language, t: Translate): string {
  return t(`standardFigures.comparisons.${target.comparison}`, { value: formatFigure(target.value, target.unit, lang, t) });
}

export function verdictLabel(verdict: Verdict | 'not-measurable', t: Translate): string {
  if (verdict === 'kept') return t('standardFigures.kept');
  if (verdict === 'not-kept') return t('standardFigures.notKept');
  if (verdict === 'not-measurable') return t('standardFigures.notMeasurable');
  return t('standardFigures.noData');
}
