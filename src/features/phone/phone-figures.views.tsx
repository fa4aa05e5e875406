import type { FieldError } from '../../platform/http/problem.ts';
import { ErrorSummary, TextField, errorFor, ScrollRegion } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { ScoreBarChart, ScoreLineChart } from '../feedback/charts.tsx';
import type { Count, PhoneFigures } from './figures.service.ts';
import { topicLabel } from './figures.service.ts';
import { minutesSeconds } from './phone-format.ts';

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

function CountTable({ ctx, caption, keyHeader, rows }: { ctx: PageContext; caption: string; keyHeader: string; rows: Array<{ label: string; calls: number }> }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{ctx.t('phone.figures.calls')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.calls}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function BarSection({ ctx, id, title, keyHeader, rows }: { ctx: PageContext; id: string; title: string; keyHeader: string; rows: Array<{ label: string; calls: number }> }) {
  const max = Math.max(1, ...rows.map((r) => r.calls));
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{title}</h2>
      <ScoreBarChart id={id} title={title} description={ctx.t('phone.figures.chartDesc')} points={rows.map((r) => ({ label: r.label, value: r.calls }))} max={max} decimals={0} />
      <CountTable ctx={ctx} caption={title} keyHeader={keyHeader} rows={rows} />
    </section>
  );
}

/** Weekday × hour of day, darker = more calls; the numbers are in the table beside it. */
function HeatMap({ ctx, figures }: { ctx: PageContext; figures: PhoneFigures }) {
  const { t } = ctx;
  const hours = [...new Set(figures.heat.map((c) => c.hour))].sort((a, b) => a - b);
  const max = Math.max(1, ...figures.heat.map((c) => c.calls));
  const cell = 26;
  const left = 110;
  const width = left + Math.max(1, hours.length) * cell + 10;
  const height = 30 + 7 * cell;
  const calls = (weekday: number, hour: number) => figures.heat.find((c) => c.weekday === weekday && c.hour === hour)?.calls ?? 0;
  const title = t('phone.figures.heatMap');
  return (
    <section aria-labelledby="chart-heat-h">
      <h2 id="chart-heat-h">{title}</h2>
      <svg className="chart heat-map" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="chart-heat-title chart-heat-desc">
        <title id="chart-heat-title">{title}</title>
        <desc id="chart-heat-desc">{t('phone.figures.chartDesc')}</desc>
        <g aria-hidden="true">
          {hours.map((hour, i) => (
            <text key={hour} x={left + i * cell + cell / 2} y={18} textAnchor="middle">
              {hour}
            </text>
          ))}
          {WEEKDAYS.map((day, d) => (
            <g key={day}>
              <text x={left - 6} y={30 + d * cell + cell / 2 + 4} textAnchor="end">
                {t(`weekdays.${day}`)}
              </text>
              {hours.map((hour, i) => {
                const n = calls(d + 1, hour);
                return <rect key={hour} className="cell" x={left + i * cell} y={30 + d * cell} width={cell} height={cell} fill={`rgba(0, 82, 147, ${n === 0 ? 0.04 : 0.15 + (0.85 * n) / max})`} />;
              })}
            </g>
          ))}
        </g>
      </svg>
      <ScrollRegion label={title}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('phone.figures.weekday')}</th>
              {hours.map((hour) => (
                <th scope="col" key={hour}>
                  {String(hour).padStart(2, '0')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {WEEKDAYS.map((day, d) => (
              <tr key={day}>
                <th scope="row">{t(`weekdays.${day}`)}</th>
                {hours.map((hour) => (
                  <td key={hour}>{calls(d + 1, hour)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}

export function FiguresView({ ctx, profile, figures, input, errors, nav }: { ctx: PageContext; profile: AgencyProfile; figures: PhoneFigures; input: Record<string, string>; errors: FieldError[]; nav: React.ReactNode }) {
  const { t, lang } = ctx;
  const median = figures.medianSeconds === null ? t('phone.figures.none') : t('phone.figures.seconds', minutesSeconds(figures.medianSeconds));
  const label = (rows: Count[], f: (key: string) => string) => rows.map((r) => ({ label: f(r.key), calls: r.calls }));
  const csv = `/staff/${profile.slug}/talrunis/skaitli.csv?from=${figures.period.from}&to=${figures.period.to}`;
  return (
    <>
      <h1>{t('phone.figures.title')}</h1>
      {nav}
      <form method="get" action={`/staff/${profile.slug}/talrunis/skaitli`} className="filters" noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <TextField name="from" type="date" label={t('phone.figures.from')} value={input['from'] ?? figures.period.from} error={errorFor(errors, 'from')} />
        <TextField name="to" type="date" label={t('phone.figures.to')} value={input['to'] ?? figures.period.to} />
        <button type="submit">{t('phone.figures.show')}</button>
      </form>
      <ul className="figures-summary">
        <li>
          {t('phone.figures.total')} <strong>{figures.total}</strong>
        </li>
        <li>
          {t('phone.figures.median')} <strong>{median}</strong>
        </li>
        <li>
          {t('phone.figures.promise')} <strong>{figures.callbacks.percent === null ? t('phone.figures.none') : `${figures.callbacks.percent}%`}</strong> ({t('phone.figures.promiseOf', { part: figures.callbacks.inPromise, whole: figures.callbacks.due })})
        </li>
      </ul>
      <p>
        <a href={csv}>{t('phone.figures.csv')}</a>
      </p>
      <BarSection ctx={ctx} id="chart-topics" title={t('phone.figures.byTopic')} keyHeader={t('phone.staff.topic')} rows={label(figures.byTopic, (key) => topicLabel(profile, key, lang))} />
      <BarSection ctx={ctx} id="chart-outcomes" title={t('phone.figures.outcomes')} keyHeader={t('phone.staff.outcome')} rows={label(figures.byOutcome, (key) => t(`phone.staff.outcomes.${(key || 'none') as 'answered'}`))} />
      <section aria-labelledby="chart-days-h">
        <h2 id="chart-days-h">{t('phone.figures.byDay')}</h2>
        <ScoreLineChart id="chart-days" title={t('phone.figures.byDay')} description={t('phone.figures.chartDesc')} points={figures.byDay.map((d) => ({ label: d.key.slice(5), value: d.calls }))} min={0} max={Math.max(1, ...figures.byDay.map((d) => d.calls))} />
        <CountTable ctx={ctx} caption={t('phone.figures.byDay')} keyHeader={t('phone.figures.key')} rows={label(figures.byDay, (key) => key)} />
      </section>
      <BarSection ctx={ctx} id="chart-hours" title={t('phone.figures.byHour')} keyHeader={t('phone.figures.hour')} rows={label(figures.byHour, (key) => `${key}:00`)} />
      <HeatMap ctx={ctx} figures={figures} />
    </>
  );
}
