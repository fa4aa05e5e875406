import { ErrorSummary, TextField, ScrollRegion } from '../../web/components.tsx';
import type { FieldError } from '../../platform/http/problem.ts';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { formatFigure, formatTarget } from './format.ts';
import { targetOf } from './promise.schema.ts';
import type { PublicFigures, PublicMonthFigure, PublicPromise } from './public.service.ts';

function cellText(ctx: PageContext, p: PublicPromise, f: PublicMonthFigure): string {
  if (f.suppressed) return ctx.t('standardFigures.fewerThan5');
  if (!p.indicator) return ctx.t('standardFigures.notMeasurable');
  return formatFigure(f.value, p.indicator.unit, ctx.lang, ctx.t);
}

function statusText(ctx: PageContext, f: PublicMonthFigure): string {
  if (f.status === 'kept') return ctx.t('standardFigures.kept');
  if (f.status === 'not-kept') return ctx.t('standardFigures.notKept');
  return '';
}

export function PublicFiguresView({ ctx, profile, figures, errors, values }: { ctx: PageContext; profile: AgencyProfile; figures: PublicFigures | null; errors: FieldError[]; values: Record<string, string> }) {
  const { t, lang } = ctx;
  const err = (field: string) => errors.find((e) => e.field === field);
  const measured = figures?.promises.filter((p) => p.indicator && p.promise.target) ?? [];
  const notMeasured = figures?.promises.filter((p) => !(p.indicator && p.promise.target)) ?? [];
  const query = figures ? `?from=${figures.period.from}&to=${figures.period.to}` : '';
  return (
    <>
      <h1>
        {t('standardFigures.publicTitle')}: {profile.name[lang]}
      </h1>
      <p>{t('standardFigures.publicIntro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="get" action={`/${profile.slug}/standarts/izpilde`} className="filters">
        <fieldset>
          <legend>{t('standardFigures.period')}</legend>
          <TextField name="from" label={t('standardFigures.from')} value={values['from'] ?? figures?.period.from ?? ''} error={err('from')} />
          <TextField name="to" label={t('standardFigures.to')} value={values['to'] ?? figures?.period.to ?? ''} error={err('to')} />
          {lang === 'en' && <input type="hidden" name="lang" value="en" />}
          <button type="submit">{t('standardFigures.show')}</button>
        </fieldset>
      </form>
      {figures && (
        <>
          {measured.map((p) => {
            const indicator = p.indicator;
            if (!indicator || !p.promise.target) return null;
            return (
              // Two promises may share the standard's words (one measured two ways): the indicator's name tells the sections apart.
              <section key={p.promise.id} aria-labelledby={`promise-${p.promise.id} indicator-${p.promise.id}`} className="promise">
                <h2 id={`promise-${p.promise.id}`}>
                  <q lang="lv">{p.promise.words.lv}</q>
                  {lang === 'en' && <span className="translation"> ({p.promise.words.en})</span>}
                </h2>
                <p>
                  <span id={`indicator-${p.promise.id}`}>{indicator.name[lang]}</span>: {indicator.definition[lang]} {t('standardFigures.target')}: {formatTarget(targetOf(p.promise.target), lang, t)}.
                </p>
                <ScrollRegion labelledBy={`caption-${p.promise.id}`}>
                  <table>
                    <caption id={`caption-${p.promise.id}`}>{`${indicator.name[lang]} — ${t('standardFigures.period')}`}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('standardFigures.period')}</th>
                        <th scope="col">{t('standardFigures.value')}</th>
                        <th scope="col">{t('standardFigures.status')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.figures.map((f) => (
                        <tr key={f.from}>
                          <th scope="row">{f.month}</th>
                          <td>{cellText(ctx, p, f)}</td>
                          <td>{statusText(ctx, f)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollRegion>
              </section>
            );
          })}
          {notMeasured.length > 0 && (
            <section aria-labelledby="not-measurable">
              <h2 id="not-measurable">{t('standardFigures.notMeasurableTitle')}</h2>
              <ul>
                {notMeasured.map((p) => (
                  <li key={p.promise.id}>
                    <q lang="lv">{p.promise.words.lv}</q>
                    {lang === 'en' && <span> ({p.promise.words.en})</span>} — {t('standardFigures.notMeasurable')}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <p>
            {t('standardFigures.openData')}:{' '}
            <a href={`/api/v1/agencies/${profile.slug}/standard-figures${query}`}>JSON</a>,{' '}
            <a href={`/api/v1/agencies/${profile.slug}/standard-figures.csv${query}`}>CSV</a>
          </p>
        </>
      )}
    </>
  );
}
