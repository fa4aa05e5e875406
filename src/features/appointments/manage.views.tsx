import { CsrfField } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { DayReasonNotice, type TimeOption } from './booking.views.tsx';
import type { DayAvailability } from '../../domain/booking/index.ts';
import { formatDate } from '../../web/format.ts';
import { Carry, RadioGroup, bookingPath, formatVisit } from './page-support.tsx';
import { hrefWith } from '../../web/page-context.ts';
import { findPlace, findService, hasQueueKiosk } from './places.ts';

export function managePath(slug: string, id: string): string {
  return `${bookingPath(slug)}/mans/${id}`;
}

export function AppointmentFacts({ ctx, profile, row }: { ctx: PageContext; profile: AgencyProfile; row: AppointmentRow }) {
  const { t, lang } = ctx;
  const place = findPlace(profile, row.centreId);
  const service = findService(profile, row.serviceId);
  const rows: Array<[string, string]> = [
    [t('appointments.page.bookingCode'), row.bookingCode],
    [t('appointments.page.service'), service?.name[lang] ?? row.serviceId],
    [t('appointments.page.time'), formatVisit(row.startsAt, row.endsAt, lang)],
    [t('appointments.page.place'), place?.name[lang] ?? row.centreId],
    [t('appointments.page.address'), place?.address ?? ''],
    [t('appointments.page.status'), t(`appointments.page.statuses.${row.status}`)],
  ];
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div className="facts-row" key={label}>
          <dt>{label}</dt>
          <dd className={label === t('appointments.page.bookingCode') ? 'booking-code' : undefined}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function ConfirmationView({ ctx, profile, row, token }: { ctx: PageContext; profile: AgencyProfile; row: AppointmentRow; token: string }) {
  const { t } = ctx;
  const manage = hrefWith(managePath(profile.slug, row.id), ctx, { token });
  return (
    <>
      <h1>{t('appointments.page.confirmedTitle')}</h1>
      <p className="lead">{t('appointments.page.confirmedLead')}</p>
      <AppointmentFacts ctx={ctx} profile={profile} row={row} />
      <p className="hint">{hasQueueKiosk(profile, row.centreId) ? t('appointments.page.bookingCodeHint') : t('appointments.page.bookingCodeHintNoKiosk')}</p>
      <p className="notice">{t('appointments.page.bring')}</p>
      <p>{t('appointments.page.duty')}</p>
      <p>
        <a href={manage}>{t('appointments.page.manageLink')}</a> — {t('appointments.page.manageLinkHint')}
      </p>
      <p>
        <a href={`${managePath(profile.slug, row.id)}/pieraksts.ics?token=${encodeURIComponent(token)}`}>{t('appointments.page.addToCalendar')}</a>
      </p>
    </>
  );
}

export function MessagePage({ ctx, profile, title, text }: { ctx: PageContext; profile: AgencyProfile; title: string; text: string }) {
  return (
    <>
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      <p>
        <a href={hrefWith(bookingPath(profile.slug), ctx, {})}>{ctx.t('appointments.page.newBooking')}</a>
      </p>
    </>
  );
}

export function ManageView({
  ctx,
  profile,
  row,
  base,
  carry,
  back,
  done,
  day,
  times,
  window,
  reason,
}: {
  ctx: PageContext;
  profile: AgencyProfile;
  row: AppointmentRow;
  /** The page's own path (the manage link's, or the client's signed-in area's). */
  base: string;
  /** What the page's links and forms carry (the manage link's token; nothing for a session). */
  carry: Record<string, string>;
  /** A link back to where the client came from (their own area at /{agency}/mani). */
  back?: { href: string; label: string } | undefined;
  done: string | undefined;
  day: string | undefined;
  times: TimeOption[];
  window: { earliest: string; latest: string };
  /** Why the day chosen for a new time has no times. */
  reason?: DayAvailability | undefined;
}) {
  const { t } = ctx;
  const hidden = Object.entries(carry).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />);
  const changeable = row.status === 'booked';
  const doneText: Record<string, string> = {
    cancelled: t('appointments.page.cancelled'),
    late: t('appointments.page.lateSent', { minutes: row.lateMinutes ?? 0 }),
    moved: t('appointments.page.rescheduled'),
  };
  return (
    <>
      {back && (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      )}
      <h1>{t('appointments.page.manageTitle')}</h1>
      {done && doneText[done] && (
        <p className="notice" role="status">
          {doneText[done]}
        </p>
      )}
      <AppointmentFacts ctx={ctx} profile={profile} row={row} />
      {row.status !== 'cancelled' && (
        <p>
          <a href={hrefWith(`${base}/pieraksts.ics`, ctx, carry)}>{t('appointments.page.addToCalendar')}</a>
        </p>
      )}
      {changeable && (
        <>
          <section aria-labelledby="late-title">
            <h2 id="late-title">{t('appointments.page.late')}</h2>
            <form method="post" action={hrefWith(`${base}/kavejums`, ctx, {})}>
              <CsrfField ctx={ctx} />
              {hidden}
              <div className="field">
                <label htmlFor="field-lateMinutes">{t('appointments.page.lateMinutes')}</label>
                <input id="field-lateMinutes" name="lateMinutes" type="number" min={1} max={120} required defaultValue={row.lateMinutes ?? 10} />
              </div>
              <button type="submit" className="secondary">
                {t('appointments.page.late')}
              </button>
            </form>
          </section>
          <section aria-labelledby="move-title">
            <h2 id="move-title">{t('appointments.page.reschedule')}</h2>
            <form method="get" action={base}>
              <Carry ctx={ctx} values={carry} />
              <div className="field">
                <label htmlFor="field-day">{t('appointments.page.chooseNewDay')}</label>
                <input id="field-day" name="day" type="date" min={window.earliest} max={window.latest} required defaultValue={day ?? ''} />
              </div>
              <button type="submit" className="secondary">
                {t('appointments.page.next')}
              </button>
            </form>
            {day &&
              (times.length === 0 ? (
                <DayReasonNotice ctx={ctx} reason={reason} />
              ) : (
                <form method="post" action={hrefWith(`${base}/parcelt`, ctx, {})}>
                  <CsrfField ctx={ctx} />
                  {hidden}
                  <RadioGroup name="start" legend={formatDate(day, ctx.lang, true)} grid options={times.map((slot) => ({ value: slot.start, label: slot.label }))} />
                  <button type="submit">{t('appointments.page.reschedule')}</button>
                </form>
              ))}
          </section>
          <section aria-labelledby="cancel-title">
            <h2 id="cancel-title">{t('appointments.page.cancel')}</h2>
            {/* A GET form: the next page asks for confirmation before anything is cancelled. */}
            <form method="get" action={`${base}/atcelt`}>
              <Carry ctx={ctx} values={carry} />
              <button type="submit" className="secondary">
                {t('appointments.page.cancel')}
              </button>
            </form>
          </section>
        </>
      )}
    </>
  );
}

/** "Are you sure?": the appointment, what cancelling means, and the one button that cancels (POST with CSRF). */
export function CancelConfirmView({ ctx, profile, row, base, carry }: { ctx: PageContext; profile: AgencyProfile; row: AppointmentRow; base: string; carry: Record<string, string> }) {
  const { t } = ctx;
  return (
    <>
      <h1>{t('appointments.page.cancelConfirmTitle')}</h1>
      <AppointmentFacts ctx={ctx} profile={profile} row={row} />
      <p>{t('appointments.page.cancelConfirmLead')}</p>
      <form method="post" action={hrefWith(`${base}/atcelt`, ctx, {})}>
        <CsrfField ctx={ctx} />
        {Object.entries(carry).map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="confirm" value="yes" />
        <button type="submit" className="danger">
          {t('appointments.page.cancelConfirmYes')}
        </button>
      </form>
      <p>
        <a href={hrefWith(base, ctx, carry)}>{t('appointments.page.cancelConfirmNo')}</a>
      </p>
    </>
  );
}
