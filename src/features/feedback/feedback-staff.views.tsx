import { ServiceErrorFromButton } from '../registers/identity-check.views.tsx';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, SelectField, TextField, ScrollRegion } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { ScoreBarChart, ScoreLineChart } from './charts.tsx';
import { formatRigaDate } from '../../web/format.ts';
import { OPINION_KIND_LABEL } from './opinion.schema.ts';
import { OpinionFields } from './opinion.views.tsx';
import type { ResponseAboutStaff } from './feedback.repository.ts';
import type { FeedbackResults, FilterInput, ScoreLine } from './results.service.ts';
import { centreLabel, channelLabel } from './results.service.ts';

function formatScore(value: number | null, ctx: PageContext): string {
  return value === null ? ctx.t('feedback.staff.none') : value.toLocaleString(ctx.lang === 'lv' ? 'lv-LV' : 'en-GB', { minimumFractionDigits: 1 });
}

function ScoreTable({ ctx, caption, keyHeader, lines }: { ctx: PageContext; caption: string; keyHeader: string; lines: ScoreLine[] }) {
  return (
    <ScrollRegion label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{keyHeader}</th>
            <th scope="col">{ctx.t('feedback.staff.average')}</th>
            <th scope="col">{ctx.t('feedback.staff.answers')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.key}>
              <th scope="row">{line.label}</th>
              <td>{formatScore(line.average, ctx)}</td>
              <td>{line.answers}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}

function ChartSection({ ctx, id, title, keyHeader, lines, kind }: { ctx: PageContext; id: string; title: string; keyHeader: string; lines: ScoreLine[]; kind: 'bar' | 'line' }) {
  const points = lines.map((l) => ({ label: l.label, value: l.average }));
  const description = ctx.t('feedback.staff.chartAlt', { title });
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {lines.length === 0 ? (
        <p>{ctx.t('feedback.staff.noData')}</p>
      ) : (
        <>
          {kind === 'bar' ? <ScoreBarChart id={id} title={title} description={description} points={points} /> : <ScoreLineChart id={id} title={title} description={description} points={points} />}
          <ScoreTable ctx={ctx} caption={title} keyHeader={keyHeader} lines={lines} />
        </>
      )}
    </section>
  );
}

function Filters({ ctx, profile, input, errors }: { ctx: PageContext; profile: AgencyProfile; input: FilterInput; errors: FieldError[] }) {
  const { t, lang } = ctx;
  return (
    <form method="get" action={`/staff/${profile.slug}/atsauksmes`} aria-labelledby="filters-heading">
      <h2 id="filters-heading">{t('feedback.staff.filters')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      {lang === 'en' && <input type="hidden" name="lang" value="en" />}
      <div className="filters">
        <TextField name="from" label={t('feedback.staff.from')} hint={t('feedback.staff.monthHint')} value={input.from} error={errors.find((e) => e.field === 'from')} />
        <TextField name="to" label={t('feedback.staff.to')} hint={t('feedback.staff.monthHint')} value={input.to} error={errors.find((e) => e.field === 'to')} />
        <SelectField name="centre" label={t('feedback.staff.centre')} value={input.centre} options={[{ value: '', label: t('feedback.staff.allCentres') }, ...profile.serviceCentres.map((c) => ({ value: c.id, label: c.name[lang] }))]} />
        <SelectField name="channel" label={t('feedback.staff.channel')} value={input.channel} options={[{ value: '', label: t('feedback.staff.allChannels') }, ...profile.channels.map((c) => ({ value: c.id, label: c.label[lang] }))]} />
      </div>
      <button type="submit">{t('feedback.staff.apply')}</button>
    </form>
  );
}

export function ResultsView({ ctx, profile, results, input, errors, canRecord }: { ctx: PageContext; profile: AgencyProfile; results: FeedbackResults; input: FilterInput; errors: FieldError[]; canRecord: boolean }) {
  const { t, lang } = ctx;
  const query = new URLSearchParams(Object.entries(input).filter(([, v]) => v !== ''));
  const questionLabel = (id: string) => profile.feedback.survey.questions.find((q) => q.id === id)?.label[lang] ?? id;
  return (
    <>
      <h1>{t('feedback.staff.resultsTitle')}</h1>
      <div className="actions">
        <a className="button" href={`/staff/${profile.slug}/atsauksmes/eksports.csv${query.size ? `?${query}` : ''}`}>
          {t('feedback.staff.export')}
        </a>
        {canRecord && <a href={`/staff/${profile.slug}/atsauksmes/jauna`}>{t('feedback.staff.recordOpinion')}</a>}
        {canRecord && <a href={`/staff/${profile.slug}/talrunis`}>{t('feedback.staff.logCall')}</a>}
        <a href={`/staff/${profile.slug}/atsauksmes/mani`}>{t('feedback.staff.mine')}</a>
      </div>
      <Filters ctx={ctx} profile={profile} input={input} errors={errors} />
      <h2>{t('feedback.staff.summary')}</h2>
      <ul className="figures">
        <li>
          {t('feedback.staff.invited')} <strong>{results.totals.invited}</strong>
        </li>
        <li>
          {t('feedback.staff.responded')} <strong>{results.totals.responded}</strong>
        </li>
        <li>
          {t('feedback.staff.responseRate')} <strong>{results.totals.rate === null ? t('feedback.staff.none') : `${results.totals.rate}%`}</strong>
        </li>
      </ul>
      <ChartSection ctx={ctx} id="chart-questions" title={t('feedback.staff.byQuestion')} keyHeader={t('feedback.staff.question')} lines={results.questions} kind="bar" />
      <ChartSection ctx={ctx} id="chart-months" title={t('feedback.staff.byMonth')} keyHeader={t('feedback.staff.month')} lines={results.months} kind="line" />
      {results.months.length > 0 && (
        <ScrollRegion label={t('feedback.staff.responseRate')}>
          <table>
            <caption>{t('feedback.staff.responseRate')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('feedback.staff.month')}</th>
                <th scope="col">{t('feedback.staff.invited')}</th>
                <th scope="col">{t('feedback.staff.responded')}</th>
                <th scope="col">{t('feedback.staff.responseRate')}</th>
              </tr>
            </thead>
            <tbody>
              {results.months.map((m) => (
                <tr key={m.key}>
                  <th scope="row">{m.label}</th>
                  <td>{m.invited}</td>
                  <td>{m.responded}</td>
                  <td>{m.rate === null ? t('feedback.staff.none') : `${m.rate}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      <ChartSection ctx={ctx} id="chart-centres" title={t('feedback.staff.byCentre')} keyHeader={t('feedback.staff.centre')} lines={results.centres} kind="bar" />
      <ChartSection ctx={ctx} id="chart-channels" title={t('feedback.staff.byChannel')} keyHeader={t('feedback.staff.channel')} lines={results.channels} kind="bar" />
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t('feedback.staff.comments')}</h2>
        {results.comments.length === 0 ? (
          <p>{t('feedback.staff.noComments')}</p>
        ) : (
          <ul className="comment-list">
            {results.comments.map((c) => (
              <li key={c.id}>
                <p className="muted">
                  {c.month.slice(0, 7)} · {centreLabel(profile, c.centreId ?? '', lang)} · {channelLabel(profile, c.channelId ?? '', lang)} ·{' '}
                  {c.staffName ? t('feedback.staff.servedBy', { name: c.staffName }) : t('feedback.staff.anonymousToStaff')}
                </p>
                {Object.entries(c.comments).map(([question, text]) => (
                  <blockquote key={question}>
                    <p className="visually-hidden">{questionLabel(question)}</p>
                    <p>{text}</p>
                  </blockquote>
                ))}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="opinions-heading">
        <h2 id="opinions-heading">{t('feedback.staff.opinions')}</h2>
        {results.opinions.length === 0 ? (
          <p>{t('feedback.staff.noOpinions')}</p>
        ) : (
          <ul className="comment-list">
            {results.opinions.map((o) => (
              <li key={o.id}>
                <p className="muted">
                  {formatRigaDate(o.receivedAt, lang)} ·{' '}
                  {t(OPINION_KIND_LABEL[o.kind])} ·{' '}
                  {o.anonymous ? t('feedback.staff.opinionAnonymous') : o.authorName}
                  {o.centreId ? ` · ${centreLabel(profile, o.centreId, lang)}` : ''}
                  {o.channelId ? ` · ${channelLabel(profile, o.channelId, lang)}` : ''}
                  {o.staffName ? ` · ${o.staffName}` : ''}
                  {o.inquiryReference ? ` · ${t('feedback.staff.opinionInquiry', { reference: o.inquiryReference })}` : ''}
                </p>
                <p>{o.text}</p>
                {canRecord && o.kind === 'complaint' && <ServiceErrorFromButton ctx={ctx} agency={profile.slug} kind="opinion" id={o.id} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function RecordOpinionView({ ctx, profile, values, errors, notice }: { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; errors: FieldError[]; notice: string | null }) {
  return (
    <>
      <h1>{ctx.t('feedback.staff.recordTitle')}</h1>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <form method="post" action={`/staff/${profile.slug}/atsauksmes/jauna`} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <OpinionFields ctx={ctx} profile={profile} values={values} errors={errors} mode={{ kind: 'staff' }} />
        <button type="submit">{ctx.t('feedback.staff.recordOpinion')}</button>
      </form>
    </>
  );
}

export function MyResponsesView({ ctx, profile, responses }: { ctx: PageContext; profile: AgencyProfile; responses: ResponseAboutStaff[] }) {
  const { t, lang } = ctx;
  const label = (id: string) => profile.feedback.survey.questions.find((q) => q.id === id)?.label[lang] ?? id;
  return (
    <>
      <h1>{t('feedback.staff.mineTitle')}</h1>
      <p>{t('feedback.staff.mineIntro')}</p>
      {responses.length === 0 ? (
        <p>{t('feedback.staff.mineNone')}</p>
      ) : (
        <ul className="comment-list">
          {responses.map((r) => (
            <li key={r.id}>
              <p className="muted">
                {formatRigaDate(r.submittedAt, lang)} · {centreLabel(profile, r.centreId ?? '', lang)} · {channelLabel(profile, r.channelId ?? '', lang)}
              </p>
              <dl className="facts">
                {Object.entries(r.ratings).map(([question, rating]) => (
                  <div className="facts-row" key={question}>
                    <dt>{label(question)}</dt>
                    <dd>{rating}</dd>
                  </div>
                ))}
              </dl>
              {Object.entries(r.comments).map(([question, text]) => (
                <blockquote key={question}>
                  <p>{text}</p>
                </blockquote>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
