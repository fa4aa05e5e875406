import { CALL_OUTCOMES, MAX_FAILED_ATTEMPTS, ATTEMPT_RESULTS, isOverdue, type CallbackStatus } from '../../domain/phone/index.ts';
import { Temporal } from 'temporal-polyfill';
import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, RadioGroup, SelectField, TextAreaField, TextField, errorFor, ScrollRegion } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { AttemptRow, CallbackListItem } from './callbacks-work.service.ts';
import { formatDeadline, formatWindow } from './phone-format.ts';
import { phoneLines, phoneTopics } from './phone-lines.ts';

export function PhoneStaffNav({ ctx, profile, canLog, canFigures }: { ctx: PageContext; profile: AgencyProfile; canLog: boolean; canFigures: boolean }) {
  const { t } = ctx;
  const base = `/staff/${profile.slug}/talrunis`;
  return (
    <nav aria-label={t('phone.staff.links')}>
      <ul className="inline-list">
        {canLog && (
          <li>
            <a href={base}>{t('phone.staff.logLink')}</a>
          </li>
        )}
        <li>
          <a href={`${base}/atzvani`}>{t('phone.staff.callbacksLink')}</a>
        </li>
        {canFigures && (
          <li>
            <a href={`${base}/skaitli`}>{t('phone.staff.figuresLink')}</a>
          </li>
        )}
      </ul>
    </nav>
  );
}

/** The call log: one short form, keyboard only; Enter saves and the page comes back empty for the next call. */
export function CallLogView({ ctx, profile, values, errors, notice, nav }: { ctx: PageContext; profile: AgencyProfile; values: Record<string, string>; errors: FieldError[]; notice: string | null; nav: React.ReactNode }) {
  const { t, lang } = ctx;
  const lines = phoneLines(profile);
  const err = (field: string) => errorFor(errors, field);
  return (
    <div className="call-log">
      <h1>{t('phone.staff.logTitle')}</h1>
      {nav}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>{t('phone.staff.logIntro')}</p>
      <p className="muted" id="keyboard-hint" hidden>
        {t('phone.staff.keyboardHint')}
      </p>
      <p className="call-timer" hidden>
        {t('phone.staff.timer')}: <output id="call-timer">0:00</output>
      </p>
      <form method="post" action={`/staff/${profile.slug}/talrunis`} noValidate id="call-log-form">
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <SelectField name="topic" label={t('phone.staff.topic')} value={values['topic'] ?? ''} error={err('topic')} required options={[{ value: '', label: t('phone.callback.chooseOne') }, ...phoneTopics(profile).map((topic) => ({ value: topic.id, label: topic.name[lang] }))]} />
        <SelectField name="outcome" label={t('phone.staff.outcome')} value={values['outcome'] ?? 'answered'} error={err('outcome')} required options={CALL_OUTCOMES.map((o) => ({ value: o, label: t(`phone.staff.outcomes.${o}`) }))} />
        {profile.competentInstitutions.length > 0 && (
          <SelectField name="institution" label={t('phone.staff.institution')} value={values['institution'] ?? ''} error={err('institution')} options={[{ value: '', label: t('phone.staff.noInstitution') }, ...profile.competentInstitutions.map((i) => ({ value: i.id, label: i.name[lang] }))]} />
        )}
        <TextField name="duration" label={t('phone.staff.duration')} hint={t('phone.staff.durationHint')} value={values['duration'] ?? ''} error={err('duration')} autoComplete="off" required />
        {lines.length > 1 && <SelectField name="line" label={t('phone.staff.line')} value={values['line'] ?? lines[0]?.id ?? ''} error={err('line')} options={lines.map((l) => ({ value: l.id, label: `${l.name[lang]} (${l.number})` }))} />}
        <fieldset>
          <legend>{t('phone.staff.client')}</legend>
          <TextField name="personalCode" label={t('phone.staff.personalCode')} hint={t('phone.staff.personalCodeHint')} value={values['personalCode'] ?? ''} error={err('personalCode')} autoComplete="off" />
          <TextField name="clientName" label={t('phone.staff.clientName')} value={values['clientName'] ?? ''} error={err('clientName')} autoComplete="off" />
          <TextField name="surveyEmail" type="email" label={t('phone.staff.surveyEmail')} value={values['surveyEmail'] ?? ''} error={err('surveyEmail')} autoComplete="off" />
          <RadioGroup name="surveyLang" legend={t('phone.staff.surveyLang')} value={values['surveyLang'] ?? 'lv'} options={[{ value: 'lv', label: 'Latviešu' }, { value: 'en', label: 'English' }]} inline />
        </fieldset>
        <TextAreaField name="note" label={t('phone.staff.note')} value={values['note'] ?? ''} error={err('note')} rows={2} />
        <button type="submit">{t('phone.staff.save')}</button>
      </form>
      <script src="/static/phone-timer.js" defer />
    </div>
  );
}

function statusLabel(ctx: PageContext, status: string): string {
  return ctx.t(`phone.callbacks.statuses.${status as CallbackStatus}`);
}

export function CallbacksView({ ctx, profile, items, now, canWork, notice, errors, nav }: { ctx: PageContext; profile: AgencyProfile; items: CallbackListItem[]; now: Temporal.Instant; canWork: boolean; notice: string | null; errors: FieldError[]; nav: React.ReactNode }) {
  const { t, lang } = ctx;
  const base = `/staff/${profile.slug}/talrunis/atzvani`;
  const topic = (id: string) => phoneTopics(profile).find((candidate) => candidate.id === id)?.name[lang] ?? id;
  return (
    <>
      <h1>{t('phone.callbacks.title')}</h1>
      {nav}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <ErrorSummary ctx={ctx} errors={errors} />
      <p>{t('phone.callbacks.intro')}</p>
      {canWork && items.some((i) => i.status === 'open') && (
        <form method="post" action={`${base}/panemt`}>
          <CsrfField ctx={ctx} />
          <button type="submit">{t('phone.callbacks.takeNext')}</button>
        </form>
      )}
      {items.length === 0 ? (
        <p>{t('phone.callbacks.none')}</p>
      ) : (
        <ScrollRegion label={t('phone.callbacks.title')}>
          <table>
            <caption>{t('phone.callbacks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('phone.callbacks.callBy')}</th>
                <th scope="col">{t('phone.callback.name')}</th>
                <th scope="col">{t('phone.callback.topic')}</th>
                <th scope="col">{t('phone.callbacks.window')}</th>
                <th scope="col">{t('phone.callbacks.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const overdue = isOverdue(item.status, Temporal.Instant.fromEpochMilliseconds(item.callBy.getTime()), now);
                return (
                  <tr key={item.id}>
                    <td>
                      {formatDeadline(item.callBy, lang)}
                      {overdue && <strong className="overdue"> ({t('phone.callbacks.overdue')})</strong>}
                    </td>
                    <th scope="row">
                      <a href={`${base}/${item.id}`}>{item.name}</a>
                    </th>
                    <td>{topic(item.topic)}</td>
                    <td>{formatWindow(item.windowFrom, item.windowTo, lang)}</td>
                    <td>
                      {item.status === 'taken' ? t('phone.callbacks.takenBy', { name: item.takenByName ?? '' }) : statusLabel(ctx, item.status)}
                      {canWork && item.status === 'open' && (
                        <form method="post" action={`${base}/panemt`} className="inline-form">
                          <CsrfField ctx={ctx} />
                          <input type="hidden" name="id" value={item.id} />
                          <button type="submit" className="secondary" aria-label={`${t('phone.callbacks.take')}: ${item.name}`}>
                            {t('phone.callbacks.take')}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </>
  );
}

export function CallbackDetailView({ ctx, profile, callback, attempts, canAct, notice, errors, nav }: { ctx: PageContext; profile: AgencyProfile; callback: CallbackListItem; attempts: AttemptRow[]; canAct: boolean; notice: string | null; errors: FieldError[]; nav: React.ReactNode }) {
  const { t, lang } = ctx;
  const base = `/staff/${profile.slug}/talrunis/atzvani`;
  const topic = phoneTopics(profile).find((candidate) => candidate.id === callback.topic)?.name[lang] ?? callback.topic;
  const open = callback.status === 'open' || callback.status === 'taken';
  return (
    <>
      <h1>
        {t('phone.callbacks.detailTitle')}: {callback.name}
      </h1>
      {nav}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <dl className="facts">
        <div className="facts-row">
          <dt>{t('phone.callback.phone')}</dt>
          <dd>
            <a href={`tel:${callback.phone}`}>{callback.phone}</a>
          </dd>
        </div>
        <div className="facts-row">
          <dt>{t('phone.callback.topic')}</dt>
          <dd>{topic}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('phone.callbacks.window')}</dt>
          <dd>{formatWindow(callback.windowFrom, callback.windowTo, lang)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('phone.callbacks.callBy')}</dt>
          <dd>{formatDeadline(callback.callBy, lang)}</dd>
        </div>
        <div className="facts-row">
          <dt>{t('phone.callbacks.status')}</dt>
          <dd>{callback.status === 'taken' ? t('phone.callbacks.takenBy', { name: callback.takenByName ?? '' }) : statusLabel(ctx, callback.status)}</dd>
        </div>
        {callback.description && (
          <div className="facts-row">
            <dt>{t('phone.callback.description')}</dt>
            <dd>{callback.description}</dd>
          </div>
        )}
      </dl>
      <h2>{t('phone.callbacks.attempts')}</h2>
      <p>{t('phone.callbacks.failedAttempts', { count: callback.failedAttempts, max: MAX_FAILED_ATTEMPTS })}</p>
      {attempts.length === 0 ? (
        <p>{t('phone.callbacks.noAttempts')}</p>
      ) : (
        <ul>
          {attempts.map((a) => (
            <li key={a.id}>
              {formatDeadline(a.at, lang).replace(/^[^,]+, /, '')}: {t(`phone.callbacks.results.${a.result}`)}
              {a.note ? ` – ${a.note}` : ''}
            </li>
          ))}
        </ul>
      )}
      {canAct && open && callback.status === 'open' && (
        <form method="post" action={`${base}/panemt`}>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="id" value={callback.id} />
          <button type="submit">{t('phone.callbacks.take')}</button>
        </form>
      )}
      {canAct && callback.status === 'taken' && (
        <form method="post" action={`${base}/${callback.id}/meginajums`} noValidate>
          <ErrorSummary ctx={ctx} errors={errors} />
          <CsrfField ctx={ctx} />
          <RadioGroup name="result" legend={t('phone.callbacks.result')} error={errorFor(errors, 'result')} options={ATTEMPT_RESULTS.map((r) => ({ value: r, label: t(`phone.callbacks.results.${r}`) }))} />
          <TextField name="note" label={t('phone.callbacks.note')} value="" error={errorFor(errors, 'note')} autoComplete="off" />
          <button type="submit">{t('phone.callbacks.recordAttempt')}</button>
        </form>
      )}
      {!(canAct && callback.status === 'taken') && errors.length > 0 && <ErrorSummary ctx={ctx} errors={errors} />}
      <p>
        <a href={base}>{t('phone.callbacks.back')}</a>
      </p>
    </>
  );
}
