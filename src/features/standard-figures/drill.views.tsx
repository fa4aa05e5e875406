import { ErrorSummary, ScrollRegion } from '../../web/components.tsx';
import type { FieldError } from '../../platform/http/problem.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { findIndicator } from '../../domain/standard-figures/index.ts';
import type { DrillKind, DrillRow } from './drill.service.ts';
import type { StandardPromise } from './promise.schema.ts';
import { queryString, type FilterValues } from './staff.views.tsx';

const HEADERS: Record<DrillKind, ['reference' | 'ticket', string, string, string]> = {
  'late-inquiries': ['reference', 'received', 'deadline', 'answered'],
  'overdue-inquiries': ['reference', 'received', 'deadline', ''],
  'longest-waits': ['ticket', 'centre', 'day', 'waited'],
  'no-shows': ['reference', 'centre', 'service', 'starts'],
};
const TITLES: Record<DrillKind, string> = {
  'late-inquiries': 'drillLateInquiries',
  'overdue-inquiries': 'drillOverdue',
  'longest-waits': 'drillLongestWaits',
  'no-shows': 'drillNoShows',
};

export function DrillView({ ctx, profile, promise, kind, rows, values, errors }: { ctx: PageContext; profile: AgencyProfile; promise: StandardPromise; kind: DrillKind; rows: DrillRow[]; values: FilterValues; errors: FieldError[] }) {
  const { t, lang } = ctx;
  const indicator = promise.indicator ? findIndicator(promise.indicator) : undefined;
  const headers = HEADERS[kind].filter(Boolean);
  const title = t(`standardFigures.${TITLES[kind]}` as 'standardFigures.drillLateInquiries');
  return (
    <>
      <h1>{t('standardFigures.drillTitle', { indicator: indicator?.name[lang] ?? promise.id })}</h1>
      <p>
        <q lang="lv">{promise.words.lv}</q>
      </p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>
        <a href={`/staff/${profile.slug}/standarts${queryString(values)}`}>{t('standardFigures.back')}</a>
      </p>
      {rows.length === 0 ? (
        <p>{errors.length ? '' : t('standardFigures.drillEmpty')}</p>
      ) : (
        <ScrollRegion label={title}>
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                {headers.map((h) => (
                  <th key={h} scope="col">
                    {t(`standardFigures.${h}` as 'standardFigures.reference')}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id}>
                  <th scope="row">{row.href ? <a href={row.href}>{row.label}</a> : row.label}</th>
                  {row.cells.slice(0, headers.length - 1).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}
