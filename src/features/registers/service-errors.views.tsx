import { CAME_TO_LIGHT, CONCERNS_KINDS, daysBetween, ERROR_STATUSES, ERROR_STEPS, stepRefusal, type ErrorStep } from '../../domain/registers/index.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField, errorFor } from '../../web/components.tsx';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { ApologyTemplate } from './apology.service.ts';
import { Facts, FilterForm, Notice, PostForm, RegisterNav, registersPath, RegisterTable } from './register-common.views.tsx'
import { placeName, formatAt } from './register-support.ts';
import type { ServiceErrorRow, ServiceErrorWithSteps } from './service-errors.service.ts';
import { placeOptions } from './incidents.views.tsx';

type ListProps = { ctx: PageContext; profile: AgencyProfile; rows: ServiceErrorRow[]; page: number; hasMore: boolean; values: Record<string, string>; errors: FieldError[]; onlyOwn: boolean; mayRecord: boolean; mayReview: boolean; now: Date };

export function ServiceErrorListView({ ctx, profile, rows, page, hasMore, values, errors, onlyOwn, mayRecord, mayReview, now }: ListProps) {
  const { t, lang } = ctx;
  const path = registersPath(profile.slug, '/kludas');
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.serviceErrors.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      {onlyOwn && <p>{t('registers.list.onlyOwn')}</p>}
      <p>
        {mayRecord && (
          <a className="button" href={withLang(`${path}/jauna`, ctx)}>
            {t('registers.serviceErrors.newTitle')}
          </a>
        )}{' '}
        <a href={withLang(`${path}?open=yes`, ctx)}>{t('registers.openErrors')}</a>
        {mayReview && (
          <>
            {' · '}
            <a href={withLang(`${path}/veidne`, ctx)}>{t('registers.serviceErrors.template')}</a>
          </>
        )}
      </p>
      <FilterForm
        ctx={ctx}
        action={path}
        values={values}
        errors={errors}
        selects={[
          { name: 'status', label: t('registers.serviceErrors.status'), options: ERROR_STATUSES.map((s) => ({ value: s, label: t(`registers.errorStatuses.${s}`) })) },
          { name: 'cameToLight', label: t('registers.serviceErrors.cameToLight'), options: CAME_TO_LIGHT.map((c) => ({ value: c, label: t(`registers.cameToLight.${c}`) })) },
          { name: 'centre', label: t('registers.csv.centre'), options: placeOptions(profile, lang) },
          { name: 'open', label: t('registers.list.openOnly'), options: [{ value: 'yes', label: t('registers.csv.yes') }] },
        ]}
      />
      <RegisterTable
        ctx={ctx}
        path={path}
        values={values}
        page={page}
        hasMore={hasMore}
        title={t('registers.serviceErrors.title')}
        headers={[t('registers.csv.createdAt'), t('registers.serviceErrors.description'), t('registers.serviceErrors.status'), t('registers.serviceErrors.daysOpen')]}
        rows={rows}
        first={(r) => formatAt(r.createdAt, lang)}
        cells={(r) => [r.description.length > 120 ? `${r.description.slice(0, 120)}…` : r.description, t(`registers.errorStatuses.${r.status}`), t('registers.serviceErrors.daysOpenValue', { count: daysBetween(r.createdAt.getTime(), (r.closedAt ?? now).getTime()) })]}
      />
    </>
  );
}

export function ServiceErrorFormView({ ctx, profile, values, errors }: { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; errors: FieldError[] }) {
  const { t } = ctx;
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.serviceErrors.newTitle')}</h1>
      <PostForm ctx={ctx} action={registersPath(profile.slug, '/kludas/jauna')} errors={errors}>
        <SelectField
          name="concernsKind"
          id="concerns.kind"
          label={t('registers.serviceErrors.concernsKind')}
          value={values['concernsKind']}
          error={errorFor(errors, 'concerns.kind')}
          options={[{ value: '', label: '—' }, ...CONCERNS_KINDS.map((k) => ({ value: k, label: t(`registers.concerns.${k}`) }))]}
          required
        />
        <TextField name="concernsId" id="concerns.id" label={t('registers.serviceErrors.concernsId')} hint={t('registers.serviceErrors.concernsIdHint')} value={values['concernsId']} error={errorFor(errors, 'concerns.id')} required />
        <TextAreaField name="description" label={t('registers.serviceErrors.description')} value={values['description']} error={errorFor(errors, 'description')} rows={5} maxLength={4000} required />
        <RadioGroup name="cameToLight" legend={t('registers.serviceErrors.cameToLight')} value={values['cameToLight']} error={errorFor(errors, 'cameToLight')} options={CAME_TO_LIGHT.map((c) => ({ value: c, label: t(`registers.cameToLight.${c}`) }))} />
        <TextAreaField name="consequences" label={t('registers.serviceErrors.consequences')} value={values['consequences']} error={errorFor(errors, 'consequences')} rows={3} maxLength={4000} />
        <button type="submit">{t('registers.serviceErrors.submit')}</button>
      </PostForm>
    </>
  );
}

type DetailProps = { ctx: PageContext; profile: AgencyProfile; row: ServiceErrorWithSteps; names: Map<string, string>; mayWrite: boolean; mayReview: boolean; errors: FieldError[]; notice: string | null; values: Record<string, string>; now: Date };

export function ServiceErrorDetailView({ ctx, profile, row, names, mayWrite, mayReview, errors, notice, values, now }: DetailProps) {
  const { t, lang } = ctx;
  const path = registersPath(profile.slug, `/kludas/${row.id}`);
  const done = row.steps.map((s) => s.step as ErrorStep);
  const next = ERROR_STEPS.filter((s) => stepRefusal(done, s) === null && (s !== 'closed' || mayReview));
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.serviceErrors.detailTitle')}</h1>
      <Notice text={notice} />
      <Facts
        items={[
          [t('registers.csv.createdAt'), formatAt(row.createdAt, lang)],
          [t('registers.serviceErrors.concerns'), row.concernsKind ? `${t(`registers.concerns.${row.concernsKind}`)} ${row.concernsId}` : `${t('registers.serviceErrors.opinion')} ${row.opinionId}`],
          ...(row.centreId ? [[t('registers.csv.centre'), placeName(profile, row.centreId, lang)] as [string, string]] : []),
          [t('registers.serviceErrors.description'), row.description],
          [t('registers.serviceErrors.cameToLight'), t(`registers.cameToLight.${row.cameToLight}`)],
          [t('registers.serviceErrors.consequences'), row.consequences ?? '—'],
          [t('registers.serviceErrors.status'), t(`registers.errorStatuses.${row.status}`)],
          [t('registers.serviceErrors.daysOpen'), t('registers.serviceErrors.daysOpenValue', { count: daysBetween(row.createdAt.getTime(), (row.closedAt ?? now).getTime()) })],
        ]}
      />
      <h2>{t('registers.serviceErrors.steps')}</h2>
      {row.steps.length === 0 ? (
        <p>{t('registers.list.none')}</p>
      ) : (
        <ol className="register-steps">
          {row.steps.map((s) => (
            <li key={s.id}>
              <strong>{t(`registers.steps.${s.step}`)}</strong> — {names.get(s.takenBy) ?? s.takenBy}, {formatAt(s.takenAt, lang)}
              {s.text && <p>{s.text}</p>}
              {s.letter && (
                <details>
                  <summary>{t('registers.serviceErrors.letter')}</summary>
                  <p>{s.letter.to ? t('registers.serviceErrors.letterTo', { to: s.letter.to }) : t('registers.serviceErrors.letterByPost')}</p>
                  <pre className="register-letter">
                    {s.letter.subject}
                    {'\n\n'}
                    {s.letter.body}
                  </pre>
                </details>
              )}
            </li>
          ))}
        </ol>
      )}
      {mayWrite && next.length > 0 && (
        <PostForm ctx={ctx} action={`${path}/soli`} errors={errors}>
          <h2>{t('registers.serviceErrors.stepSubmit')}</h2>
          <RadioGroup name="step" legend={t('registers.serviceErrors.step')} value={values['step'] ?? next[0]} error={errorFor(errors, 'step')} options={next.map((s) => ({ value: s, label: t(`registers.steps.${s}`) }))} />
          <TextAreaField name="text" label={t('registers.serviceErrors.stepText')} hint={t('registers.serviceErrors.stepTextHint')} value={values['text']} error={errorFor(errors, 'text')} rows={4} maxLength={4000} />
          <button type="submit">{t('registers.serviceErrors.stepSubmit')}</button>
        </PostForm>
      )}
    </>
  );
}

export function ApologyTemplateView({ ctx, profile, templates, errors, notice, values }: { ctx: PageContext; profile: AgencyProfile; templates: ApologyTemplate[]; errors: FieldError[]; notice: string | null; values: Record<string, string> }) {
  const { t } = ctx;
  return (
    <>
      <RegisterNav ctx={ctx} agency={profile.slug} />
      <h1>{t('registers.apology.templateTitle')}</h1>
      <p>{t('registers.apology.templateIntro', { agency: '{{agency}}', reference: '{{reference}}', details: '{{details}}' })}</p>
      <Notice text={notice} />
      {templates.map((tpl) => (
        <section key={tpl.lang} aria-labelledby={`template-${tpl.lang}`}>
          <h2 id={`template-${tpl.lang}`}>
            {tpl.lang.toUpperCase()} ({tpl.edited ? t('registers.apology.edited') : t('registers.apology.standard')})
          </h2>
          <PostForm ctx={ctx} action={registersPath(profile.slug, '/kludas/veidne')} errors={values['lang'] === tpl.lang ? errors : []}>
            <input type="hidden" name="lang" value={tpl.lang} />
            <TextField name="subject" id={`subject-${tpl.lang}`} label={t('registers.apology.subject')} value={values['lang'] === tpl.lang ? values['subject'] : tpl.subject} error={values['lang'] === tpl.lang ? errorFor(errors, `subject-${tpl.lang}`) : undefined} />
            <TextAreaField name="body" id={`body-${tpl.lang}`} label={t('registers.apology.body')} value={values['lang'] === tpl.lang ? values['body'] : tpl.body} error={values['lang'] === tpl.lang ? errorFor(errors, `body-${tpl.lang}`) : undefined} rows={12} maxLength={4000} />
            <button type="submit">{t('registers.apology.save')}</button>
          </PostForm>
        </section>
      ))}
    </>
  );
}
