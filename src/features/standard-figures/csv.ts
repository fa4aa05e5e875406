import type { StandardFigures } from './figures.service.ts';
import { targetOf } from './promise.schema.ts';
import type { PublicFigures } from './public.service.ts';

function field(value: string | number | boolean | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const lines = (rows: Array<Array<string | number | boolean | null>>) => rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';

/** Column order of the public CSV: a stable schema (docs/standard-figures.md); new columns are only ever appended. */
export const PUBLIC_CSV_COLUMNS = [
  'agency', 'promise_id', 'words_lv', 'words_en', 'indicator', 'unit', 'target_comparison', 'target_value',
  'month', 'period_from', 'period_to', 'value', 'suppressed', 'status',
] as const;

export function publicCsv(figures: PublicFigures): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...PUBLIC_CSV_COLUMNS]];
  for (const p of figures.promises) {
    for (const f of p.figures) {
      rows.push([
        figures.agency, p.promise.id, p.promise.words.lv, p.promise.words.en, p.indicator?.id ?? null, p.indicator?.unit ?? null,
        p.promise.target ? targetOf(p.promise.target).comparison : null, p.promise.target ? targetOf(p.promise.target).value : null, f.month, f.from, f.to, f.value, f.suppressed, f.status,
      ]);
    }
  }
  return lines(rows);
}

export const STAFF_CSV_COLUMNS = [
  'promise_id', 'words_lv', 'words_en', 'indicator', 'unit', 'period_from', 'period_to', 'value', 'base',
  'target_comparison', 'target_value', 'status', 'previous_value', 'change', 'centre', 'channel', 'service',
] as const;

/** The staff table as CSV: one row per promise and trend period (the last period of each promise is the one asked for). */
export function staffCsv(figures: StandardFigures): string {
  const rows: Array<Array<string | number | boolean | null>> = [[...STAFF_CSV_COLUMNS]];
  for (const p of figures.promises) {
    const common = [p.promise.id, p.promise.words.lv, p.promise.words.en, p.indicator?.id ?? null, p.indicator?.unit ?? null] as const;
    const tail = [figures.filters.centre ?? null, figures.filters.channel ?? null, figures.filters.service ?? null] as const;
    if (!p.indicator || !p.promise.target) {
      rows.push([...common, figures.selection.period.from, figures.selection.period.to, null, null, null, null, 'not-measurable', null, null, ...tail]);
      continue;
    }
    p.trend.forEach((point, i) => {
      const last = i === p.trend.length - 1;
      rows.push([
        ...common, point.period.from, point.period.to, point.figure.value, point.figure.base,
        p.promise.target ? targetOf(p.promise.target).comparison : null, p.promise.target ? targetOf(p.promise.target).value : null, last ? p.verdict : null,
        last ? p.previous.value : null, last ? p.change : null, ...tail,
      ]);
    });
  }
  return lines(rows);
}
