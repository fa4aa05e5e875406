import type { FieldError } from '../../platform/http/problem.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import { CsrfField, ErrorSummary, TextField, errorFor } from '../../web/components.tsx';
import { formatDate, formatMoment, formatTime } from '../../web/format.ts';
import { type PageContext, withLang } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { clientAppointmentPath } from '../appointments/appointments.client-matters.ts';
import { callbackTopicName } from '../phone/phone.client-matters.ts';
import type { ClientMatters } from './client-matter-source.ts';

export function EmailFormView({ ctx, agency, value, errors }: { ctx: PageContext; agency: string; value: string; errors: FieldError[] }) {
  return (
    <>
      <h1>{ctx.t('clientAccess.title')}</h1>
      <p>{ctx.t('clientAccess.intro')}</p>
      <form method="post" action={withLang(`/${agency}/mani`, ctx)} noValidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <CsrfField ctx={ctx} />
        <TextField name="email" type="email" label={ctx.t('clientAccess.email')} value={value} error={errorFor(errors, 'email')} autoComplete="email" required />
        <button type="submit">{ctx.t('clientAccess.send')}</button>
      </form>
    </>
  );
}

export function MessageView({ ctx, title, text, agency, again }: { ctx: PageContext; title: MessageKey; text: string; agency: string; again: boolean }) {
  return (
    <>
      <h1>{ctx.t(title)}</h1>
      <p role="status">{text}</p>
      {again && (
        <p>
          <a href={withLang(`/${agency}/mani`, ctx)}>{ctx.t('clientAccess.requestNew')}</a>
        </p>
      )}
    </>
  );
}

export function ConfirmView({ ctx, agency, token }: { ctx: PageContext; agency: string; token: string }) {
  return (
    <>
      <h1>{ctx.t('clientAccess.confirmTitle')}</h1>
      <p>{ctx.t('clientAccess.confirmText')}</p>
      <form method="post" action={withLang(`/${agency}/mani/ieiet`, ctx)}>
        <CsrfField ctx={ctx} />
        <input type="hidden" name="token" value={token} />
        <button type="submit">{ctx.t('clientAccess.confirm')}</button>
      </form>
    </>
  );
}

export function MattersView({ ctx, profile, email, expiresAt, matters }: { ctx: PageContext; profile: AgencyProfile; email: string; expiresAt: Date; matters: ClientMatters }) {
  const { t, lang } = ctx;
  const centreName = (id: string) => profile.serviceCentres.find((c) => c.id === id)?.name[lang] ?? profile.videoConsultation?.locations.find((l) => l.id === id)?.name[lang] ?? id;
  return (
    <>
      <h1>{t('clientAccess.title')}</h1>
      <p>{t('clientAccess.signedInAs', { email })}</p>
      <p>{t('clientAccess.sessionUntil', { time: formatTime(expiresAt.toISOString()) })}</p>
      <form method="post" action={withLang(`/${profile.slug}/mani/iziet`, ctx)}>
        <CsrfField ctx={ctx} />
        <button type="submit">{t('clientAccess.signOut')}</button>
      </form>
      <h2>{t('clientAccess.inquiries')}</h2>
      {matters.inquiries.length === 0 ? (
        <p>{t('clientAccess.none')}</p>
      ) : (
        <>
          <p className="hint">{t('clientAccess.followHint')}</p>
          <ul className="matters">
            {matters.inquiries.map((i) => (
              <li key={i.reference}>
                <strong>{i.reference}</strong> — {t(`inquiries.public.statuses.${i.status}` as MessageKey)}. {t('clientAccess.received')}: {formatDate(i.receivedOn, lang)}. {t('clientAccess.deadline')}: {formatDate(i.deadline, lang)}.{' '}
                <a href={withLang(`/${profile.slug}/jautajums/sekot?reference=${encodeURIComponent(i.reference)}`, ctx)}>
                  {t('clientAccess.follow')} <span className="visually-hidden">{i.reference}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('clientAccess.appointments')}</h2>
      {matters.appointments.length === 0 ? (
        <p>{t('clientAccess.none')}</p>
      ) : (
        <>
          <p className="hint">{t('clientAccess.manageHint')}</p>
          <ul className="matters">
            {matters.appointments.map((a) => (
              <li key={a.id}>
                <strong>{a.bookingCode}</strong> — {t(`appointments.page.statuses.${a.status}` as MessageKey)}. {t('clientAccess.when')}: {formatMoment(a.startsAt, lang)}, {centreName(a.centreId)}.{' '}
                <a href={withLang(clientAppointmentPath(`/${profile.slug}/mani`, a.id), ctx)}>
                  {t('clientAccess.manage')} <span className="visually-hidden">{a.bookingCode}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>{t('clientAccess.callbacks')}</h2>
      {matters.callbacks.length === 0 ? (
        <p>{t('clientAccess.none')}</p>
      ) : (
        <>
          <p className="hint">{t('clientAccess.callbackHint')}</p>
          <ul className="matters">
            {matters.callbacks.map((c) => (
              <li key={c.id}>
                <strong>{callbackTopicName(profile, c.topic, lang)}</strong> — {t(`clientAccess.callbackStatuses.${c.status}` as MessageKey)}. {t('clientAccess.callbackWindow')}: {formatMoment(c.windowFrom, lang)}–{formatTime(c.windowTo)}. {t('clientAccess.requested')}: {formatMoment(c.requestedAt, lang)}.
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
