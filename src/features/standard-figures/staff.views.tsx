import type { PageContext } from '../../web/page-context.ts';
import { ErrorSummary, SelectField, TextField, ScrollRegion } from '../../web/components.tsx';
import type { FieldError } from '../../platform/http/problem.ts';
import { formatRigaDate } from '../../web/format.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { ScoreLineChart } from '../feedback/charts.tsx';
import type { channelValueGroups, PromiseFigures, StandardFigures } from './figures.service.ts';

/** The channel filter's choices: the contact channels, then each registered group (phone topics, incident kinds…). */
export type ChannelChoices = { contact: string[]; groups: ReturnType<typeof channelValueGroups> };
import { formatChange, formatFigure, formatTarget, verdictLabel } from './format.ts';
import { drillKindOf } from './drill.service.ts';
import { targetOf } from './promise.schema.ts';

export type FilterValues = Record<'period' | 'month' | 'quarter' | 'year' | 'from' | 'to' | 'centre' | 'service' | 'channel', string>;

export function queryString(values: Partial<FilterValues>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

function FilterForm({ ctx, profile, values, errors, channels }: { ctx: PageContext; profile: AgencyProfile; values: FilterValues; errors: FieldError[]; channels: ChannelChoices }) {
  const t = ctx.t;
  const err = (field: string) => errors.find((e) => e.field === field);
  return (
    <form method="get" action={`/staff/${profile.slug}/standarts`} className="filters">
      <fieldset>
        <legend>{t('standardFigures.filters')}</legend>
        <SelectField
          name="period"
          label={t('standardFigures.granularity')}
          value={values.period || 'month'}
          error={err('period')}
          options={(['month', 'quarter', 'year', 'range'] as const).map((g) => ({ value: g, label: t(`standardFigures.granularities.${g}`) }))}
        />
        <TextField name="month" label={t('standardFigures.month')} value={values.month} error={err('month')} />
        <TextField name="quarter" label={t('standardFigures.quarter')} value={values.quarter} error={err('quarter')} />
        <TextField name="year" label={t('standardFigures.year')} value={values.year} error={err('year')} />
        <TextField name="from" label={t('standardFigures.from')} value={values.from} error={err('from')} />
        <TextField name="to" label={t('standardFigures.to')} value={values.to} error={err('to')} />
        <SelectField
          name="centre"
          label={t('standardFigures.centre')}
          value={values.centre}
          error={err('centre')}
          options={[{ value: '', label: t('standardFigures.all') }, ...profile.serviceCentres.map((c) => ({ value: c.id, label: c.name[ctx.lang] }))]}
        />
        <SelectField
          name="service"
          label={t('standardFigures.service')}
          value={values.service}
          error={err('service')}
          options={[{ value: '', label: t('standardFigures.all') }, ...profile.services.map((s) => ({ value: s.id, label: s.name[ctx.lang] }))]}
        />
        <SelectField
          name="channel"
          label={t('standardFigures.channel')}
          hint={t('standardFigures.channelHint')}
          value={values.channel}
          error={err('channel')}
          options={[{ value: '', label: t('standardFigures.all') }]}
          groups={[
            {
              label: t('standardFigures.contactChannels'),
              options: channels.contact.map((c) => ({ value: c, label: profile.channels.find((x) => x.id === c)?.label[ctx.lang] ?? t(`standardFigures.channels.${c}` as 'standardFigures.channels.post') })),
            },
            ...channels.groups.map((g) => ({ label: g.label[ctx.lang], options: g.values.map((v) => ({ value: v.id, label: v.label[ctx.lang] })) })),
          ]}
        />
        <button type="submit">{t('standardFigures.show')}</button>
      </fieldset>
    </form>
  );
}

/** The 12-period trend: a small line chart and, beside it, the same numbers as a table (the chart's text alternative). */
export function TrendCell({ ctx, row, index }: { ctx: PageContext; row: PromiseFigures; index: number }) {
  const indicator = row.indicator;
  if (!indicator) return null;
  const values = row.trend.map((p) => p.figure.value).filter((v): v is number => v !== null);
  const domain: [number, number] = indicator.unit === 'score' ? [1, 5] : indicator.unit === 'percent' ? [0, 100] : [0, Math.max(1, ...values)];
  const title = indicator.name[ctx.lang];
  const id = `trend-${index}`;
  return (
    <div className="trend">
      <ScoreLineChart
        id={id}
        title={title}
        description={ctx.t('standardFigures.chartAlt', { title })}
        points={row.trend.map((p) => ({ label: p.label.slice(-5), value: p.figure.value }))}
        domain={domain}
        width={420}
        height={140}
      />
      <table className="trend-numbers">
        <caption>{`${title}: ${ctx.t('standardFigures.trend')}`}</caption>
        <thead>
          <tr>
            <th scope="col">{ctx.t('standardFigures.period')}</th>
            <th scope="col">{ctx.t('standardFigures.value')}</th>
            <th scope="col">{ctx.t('standardFigures.base')}</th>
          </tr>
        </thead>
        <tbody>
          {row.trend.map((p) => (
            <tr key={p.label}>
              <th scope="row">{p.label}</th>
              <td>{formatFigure(p.figure.value, indicator.unit, ctx.lang, ctx.t)}</td>
              <td>{p.figure.base}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PromiseRow({ ctx, profile, row, index, query }: { ctx: PageContext; profile: AgencyProfile; row: PromiseFigures; index: number; query: string }) {
  const { t, lang } = ctx;
  const indicator = row.indicator;
  if (!indicator || !row.promise.target) return null;
  const target = targetOf(row.promise.target);
  return (
    <tr>
      <th scope="row">
        <q lang="lv">{row.promise.words.lv}</q>
        {lang === 'en' && <span className="translation"> ({row.promise.words.en})</span>}
        <br />
        <small>
          {indicator.name[lang]} — {indicator.definition[lang]}
        </small>
        {row.sourceMissing && <p className="hint">{t('standardFigures.sourceMissing')}</p>}
        {row.filterIgnored && <p className="hint">{t('standardFigures.filterIgnored')}</p>}
      </th>
      <td>{formatFigure(row.current.value, indicator.unit, lang, t)}</td>
      <td>{formatTarget(target, lang, t)}</td>
      <td className={`verdict verdict-${row.verdict}`}>{verdictLabel(row.verdict, t)}</td>
      <td>{formatChange(row.change, indicator.unit, lang, t)}</td>
      <td>
        <TrendCell ctx={ctx} row={row} index={index} />
        {drillKindOf(indicator.id) && (
          <a href={`/staff/${profile.slug}/standarts/${row.promise.id}/ieraksti${query}`}>{t('standardFigures.drillOpen')}</a>
        )}
      </td>
    </tr>
  );
}

export function NotMeasurableList({ ctx, rows }: { ctx: PageContext; rows: PromiseFigures[] }) {
  const list = rows.filter((r) => r.verdict === 'not-measurable');
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="not-measurable">
      <h2 id="not-measurable">{ctx.t('standardFigures.notMeasurableTitle')}</h2>
      <ul>
        {list.map((r) => (
          <li key={r.promise.id}>
            <q lang="lv">{r.promise.words.lv}</q>
            {ctx.lang === 'en' && <span> ({r.promise.words.en})</span>} — {ctx.t('standardFigures.notMeasurable')}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function StaffFiguresView({ ctx, profile, figures, values, errors, channels }: { ctx: PageContext; profile: AgencyProfile; figures: StandardFigures | null; values: FilterValues; errors: FieldError[]; channels: ChannelChoices }) {
  const t = ctx.t;
  const query = queryString(values);
  return (
    <>
      <h1>{t('standardFigures.staffTitle')}</h1>
      <p>{t('standardFigures.staffIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FilterForm ctx={ctx} profile={profile} values={values} errors={errors} channels={channels} />
      {figures && (
        <>
          <p>{figures.refreshedAt ? t('standardFigures.refreshed', { time: `${formatRigaDate(figures.refreshedAt, ctx.lang)} ${figures.refreshedAt.toISOString().slice(11, 16)} UTC` }) : t('standardFigures.notRefreshed')}</p>
          <p>
            <a href={`/staff/${profile.slug}/standarts/tabula.csv${query}`}>{t('standardFigures.csv')}</a>
          </p>
          <ScrollRegion labelledBy="standard-figures-caption">
            <table className="standard-figures">
              <caption id="standard-figures-caption">{`${t('standardFigures.staffTitle')} ${figures.selection.period.from} – ${figures.selection.period.to}`}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('standardFigures.promise')}</th>
                  <th scope="col">{t('standardFigures.figure')}</th>
                  <th scope="col">{t('standardFigures.target')}</th>
                  <th scope="col">{t('standardFigures.status')}</th>
                  <th scope="col">{t('standardFigures.change')}</th>
                  <th scope="col">{t('standardFigures.trend')}</th>
                </tr>
              </thead>
              <tbody>
                {figures.promises.map((row, i) => (
                  <PromiseRow key={row.promise.id} ctx={ctx} profile={profile} row={row} index={i} query={query} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
          <NotMeasurableList ctx={ctx} rows={figures.promises} />
        </>
      )}
    </>
  );
}
