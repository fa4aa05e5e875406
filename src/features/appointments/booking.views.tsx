import type { FieldError } from '../../platform/http/problem.ts';
import { CsrfField, ErrorSummary, TextAreaField, TextField } from '../../web/components.tsx';
import type { PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { offersVideo, type Place, type Service } from './places.ts';
import { formatDate, formatter } from '../../web/format.ts';
import type { DayAvailability } from '../../domain/booking/index.ts';
import { latvianDate, type DateCase } from '../../domain/latvian-text/index.ts';
import type { Weekday } from '../../domain/opening-hours/index.ts';
import { Carry, RadioGroup, bookingPath, formatTimeSpan } from './page-support.tsx';
import { hrefWith } from '../../web/page-context.ts';

export type Choice = { service?: Service | undefined; place?: Place | undefined; day?: string | undefined; start?: Date | undefined; end?: Date | undefined };
export type TimeOption = { start: string; label: string; free: number };
export type BookingFormValues = { name: string; email: string; phone: string; personalCode: string; assistant: string; reason: string; idempotencyKey: string };

/** A date inside a sentence: Latvian in the case the sentence needs, the year only when it is not this year's. */
function dateInSentence(date: string, today: string, ctx: PageContext, grammaticalCase: DateCase): string {
  const year = date.slice(0, 4) !== today.slice(0, 4);
  if (ctx.lang === 'lv') return latvianDate(date, grammaticalCase, { year });
  const [y, m, d] = date.split('-').map(Number);
  return formatter('en', { day: 'numeric', month: 'long', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12)));
}

/** Plural rule of the page's language: in Latvian 1, 21, 31… take the singular ("21 darbdienu"), in English only 1. */
const singular = (n: number, lang: 'lv' | 'en') => (lang === 'lv' ? n % 10 === 1 && n % 100 !== 11 : n === 1);

/** "1 brīva vieta", "21 brīva vieta", "2 brīvas vietas", "nav brīvu vietu" (and in English). */
export function freeSeatsText(count: number, ctx: Pick<PageContext, 't' | 'lang'>): string {
  if (count <= 0) return ctx.t('appointments.page.noFreeSeats');
  return singular(count, ctx.lang) ? ctx.t('appointments.page.freeSeatsOne', { count }) : ctx.t('appointments.page.freeSeatsMany', { count });
}

/** "sestdienās un svētdienās" / "Saturdays and Sundays". */
export function weekdayList(days: readonly Weekday[], ctx: PageContext): string {
  const names = days.map((d) => ctx.t(`appointments.dayReasons.weekdaysPlural.${d}`));
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${ctx.t('appointments.dayReasons.and')} ${names.at(-1)}`;
}

/** Why a day has no free times, as one sentence in the page's language (the reason comes from the domain's dayAvailability). */
export function dayReasonText(reason: DayAvailability, ctx: PageContext): string {
  const { t, lang } = ctx;
  switch (reason.kind) {
    case 'available':
      return t('appointments.page.noTimes');
    case 'service-not-offered':
      return t('appointments.dayReasons.serviceNotOffered');
    case 'past':
      return t('appointments.dayReasons.past');
    case 'holiday':
      return t('appointments.dayReasons.holiday', { name: reason.name[lang] });
    case 'closed-weekday':
      return t('appointments.dayReasons.closedWeekday', { weekday: weekdayList([reason.weekday], ctx) });
    case 'closed-date':
      return t('appointments.dayReasons.closedDate');
    case 'min-notice': {
      const values = { count: reason.workingDays, earliest: dateInSentence(reason.earliest, reason.today, ctx, 'genitive') };
      return singular(reason.workingDays, lang) ? t('appointments.dayReasons.minNoticeOne', values) : t('appointments.dayReasons.minNoticeMany', values);
    }
    case 'beyond-horizon': {
      const values = { count: reason.horizonDays, latest: dateInSentence(reason.latest, reason.today, ctx, 'dative') };
      return singular(reason.horizonDays, lang) ? t('appointments.dayReasons.beyondHorizonOne', values) : t('appointments.dayReasons.beyondHorizonMany', values);
    }
    case 'day-over':
      return t('appointments.dayReasons.dayOver');
    case 'fully-booked':
      return t('appointments.dayReasons.fullyBooked');
  }
}

/** The notice shown instead of times on a day without any: the reason, then "choose another day" where another day may help. */
export function DayReasonNotice({ ctx, reason }: { ctx: PageContext; reason: DayAvailability | undefined }) {
  const text = reason ? dayReasonText(reason, ctx) : ctx.t('appointments.page.noTimes');
  const another = reason && reason.kind !== 'service-not-offered' && reason.kind !== 'available' ? ` ${ctx.t('appointments.dayReasons.chooseAnother')}` : '';
  return (
    <p className="notice" data-day-reason={reason?.kind ?? 'none'}>
      {text}
      {another}
    </p>
  );
}

function ChoiceSummary({ ctx, profile, choice }: { ctx: PageContext; profile: AgencyProfile; choice: Choice }) {
  const { t, lang } = ctx;
  const path = bookingPath(profile.slug);
  const rows: Array<[string, string, string | undefined]> = [];
  if (choice.service) rows.push([t('appointments.page.service'), choice.service.name[lang], hrefWith(path, ctx, {})]);
  if (choice.place) rows.push([t('appointments.page.place'), `${choice.place.name[lang]}, ${choice.place.address}`, hrefWith(path, ctx, { service: choice.service?.id })]);
  if (choice.day) rows.push([t('appointments.page.chooseDay'), formatDate(choice.day, lang, true), hrefWith(path, ctx, { service: choice.service?.id, centre: choice.place?.id })]);
  if (choice.start && choice.end) {
    rows.push([t('appointments.page.time'), formatTimeSpan(choice.start, choice.end), hrefWith(path, ctx, { service: choice.service?.id, centre: choice.place?.id, day: choice.day })]);
  }
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="choice-summary">
      <h2 id="choice-summary">{t('appointments.page.summary')}</h2>
      <dl className="facts">
        {rows.map(([label, value, href]) => (
          <div className="facts-row" key={label}>
            <dt>{label}</dt>
            <dd>
              {value}{' '}
              {href && (
                <a href={href}>
                  {t('appointments.page.change')}
                  <span className="visually-hidden"> ({label})</span>
                </a>
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Step({ ctx, n, title, children }: { ctx: PageContext; n: number; title: string; children: React.ReactNode }) {
  return (
    <>
      <p className="step-counter">{ctx.t('appointments.page.step', { n })}</p>
      <h2>{title}</h2>
      {children}
    </>
  );
}

export function BookingStartView({ ctx, profile, services }: { ctx: PageContext; profile: AgencyProfile; services: Service[] }) {
  const { t, lang } = ctx;
  return (
    <>
      <h1>{t('appointments.page.title')}</h1>
      <p className="lead">{offersVideo(profile) ? t('appointments.page.intro') : t('appointments.page.introInPerson')}</p>
      <p>{profile.booking.description[lang]}</p>
      {profile.booking.minNoticeWorkingDays > 0 && <p className="notice">{t('appointments.page.minNotice', { days: profile.booking.minNoticeWorkingDays })}</p>}
      <Step ctx={ctx} n={1} title={t('appointments.page.chooseService')}>
        <form method="get" action={bookingPath(profile.slug)}>
          <Carry ctx={ctx} values={{}} />
          <RadioGroup
            name="service"
            legend={t('appointments.page.chooseService')}
            hiddenLegend
            options={services.map((s) => ({
              value: s.id,
              label: (
                <>
                  {s.name[lang]} <span className="muted">({t('appointments.page.duration', { minutes: s.durationMinutes })})</span>
                </>
              ),
            }))}
          />
          <button type="submit">{t('appointments.page.next')}</button>
        </form>
      </Step>
    </>
  );
}

export function ChoosePlaceView({ ctx, profile, service, places }: { ctx: PageContext; profile: AgencyProfile; service: Service; places: Place[] }) {
  const { t, lang } = ctx;
  const groups: Array<[string, Place[]]> = [
    [t('appointments.page.centres'), places.filter((p) => p.kind === 'centre')],
    [t('appointments.page.videoLocations'), places.filter((p) => p.kind === 'video')],
  ];
  return (
    <>
      <h1>{t('appointments.page.title')}</h1>
      <ChoiceSummary ctx={ctx} profile={profile} choice={{ service }} />
      <Step ctx={ctx} n={2} title={t('appointments.page.chooseCentre')}>
        <form method="get" action={bookingPath(profile.slug)}>
          <Carry ctx={ctx} values={{ service: service.id }} />
          {groups
            .filter(([, list]) => list.length > 0)
            .map(([legend, list]) => (
              <RadioGroup
                key={legend}
                name="centre"
                legend={legend}
                checked={places[0]?.id ?? null}
                options={list.map((p) => ({
                  value: p.id,
                  label: (
                    <>
                      {p.name[lang]}
                      <span className="muted"> — {p.address}</span>
                    </>
                  ),
                }))}
              />
            ))}
          <button type="submit">{t('appointments.page.next')}</button>
        </form>
      </Step>
    </>
  );
}

export type UnavailableDay = { date: string; availability: DayAvailability };

export function ChooseDayView({
  ctx,
  profile,
  choice,
  days,
  unavailable = [],
  window,
}: {
  ctx: PageContext;
  profile: AgencyProfile;
  choice: Choice;
  days: Array<{ date: string; free: number }>;
  unavailable?: UnavailableDay[];
  window?: { today: string; earliest: string; latest: string };
}) {
  const { t, lang } = ctx;
  // Days the place never opens are said once ("closed on Saturdays and Sundays"), every other day with its reason.
  const closedWeekdays = [...new Set(unavailable.flatMap((d) => (d.availability.kind === 'closed-weekday' ? [d.availability.weekday] : [])))];
  const listed = unavailable.filter((d) => d.availability.kind !== 'closed-weekday');
  const explanation = (window || unavailable.length > 0) && (
    <details className="day-reasons" open={days.length === 0}>
      <summary>{t('appointments.dayReasons.whyNotOthers')}</summary>
      {window && (
        <p>
          {t('appointments.dayReasons.window', { earliest: dateInSentence(window.earliest, window.today, ctx, 'genitive'), latest: dateInSentence(window.latest, window.today, ctx, 'dative') })}
        </p>
      )}
      {closedWeekdays.length > 0 && <p>{t('appointments.dayReasons.closedWeekdays', { weekdays: weekdayList(closedWeekdays, ctx) })}</p>}
      {listed.length > 0 && (
        <ul>
          {listed.map((d) => (
            <li key={d.date} data-day-reason={d.availability.kind}>
              <strong>{formatDate(d.date, lang, true)}</strong>: {dayReasonText(d.availability, ctx)}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
  return (
    <>
      <h1>{t('appointments.page.title')}</h1>
      <ChoiceSummary ctx={ctx} profile={profile} choice={choice} />
      <Step ctx={ctx} n={3} title={t('appointments.page.chooseDay')}>
        {days.length === 0 ? (
          <p className="notice">{t('appointments.page.noDays')}</p>
        ) : (
          <form method="get" action={bookingPath(profile.slug)}>
            <Carry ctx={ctx} values={{ service: choice.service?.id, centre: choice.place?.id }} />
            <RadioGroup name="day" legend={t('appointments.page.chooseDay')} hiddenLegend grid options={days.map((d) => ({ value: d.date, label: formatDate(d.date, lang, true) }))} />
            <button type="submit">{t('appointments.page.next')}</button>
          </form>
        )}
        {explanation}
      </Step>
    </>
  );
}

export function ChooseTimeView({
  ctx,
  profile,
  choice,
  times,
  takenNotice,
  action,
  carry,
  reason,
}: {
  ctx: PageContext;
  profile: AgencyProfile;
  choice: Choice;
  times: TimeOption[];
  takenNotice?: boolean;
  /** Why the day has no times (shown when `times` is empty). */
  reason?: DayAvailability | undefined;
  action?: { method: 'get' | 'post'; url: string };
  carry?: Record<string, string | undefined>;
}) {
  const { t } = ctx;
  const form = action ?? { method: 'get' as const, url: bookingPath(profile.slug) };
  return (
    <>
      <h1>{t('appointments.page.title')}</h1>
      <ChoiceSummary ctx={ctx} profile={profile} choice={choice} />
      <Step ctx={ctx} n={4} title={t('appointments.page.chooseTime')}>
        {takenNotice && (
          <p className="notice" role="alert">
            {t('appointments.page.slotTaken')}
          </p>
        )}
        {times.length === 0 ? (
          <DayReasonNotice ctx={ctx} reason={reason} />
        ) : (
          <form method={form.method} action={form.url}>
            {form.method === 'post' && <CsrfField ctx={ctx} />}
            <Carry ctx={ctx} values={carry ?? { service: choice.service?.id, centre: choice.place?.id, day: choice.day }} />
            <RadioGroup name="start" legend={t('appointments.page.chooseTime')} hiddenLegend grid options={times.map((slot) => ({ value: slot.start, label: slot.label }))} />
            <button type="submit">{t('appointments.page.next')}</button>
          </form>
        )}
      </Step>
    </>
  );
}

export function DetailsFormView({
  ctx,
  profile,
  choice,
  start,
  values,
  errors,
}: {
  ctx: PageContext;
  profile: AgencyProfile;
  choice: Choice;
  start: string;
  values: BookingFormValues;
  errors: FieldError[];
}) {
  const { t } = ctx;
  const err = (field: string) => errors.find((e) => e.field === field);
  const needsReason = profile.booking.requiresElectronicImpossibleReason;
  const companions: Array<[string, string]> = [
    ['none', t('appointments.page.companionNone')],
    ['assistant', t('appointments.page.companionAssistant')],
    ['interpreter', t('appointments.page.companionInterpreter')],
  ];
  return (
    <>
      <h1>{t('appointments.page.title')}</h1>
      <ErrorSummary ctx={ctx} errors={errors} />
      <ChoiceSummary ctx={ctx} profile={profile} choice={choice} />
      <Step ctx={ctx} n={5} title={t('appointments.page.details')}>
        <form method="post" action={hrefWith(bookingPath(profile.slug), ctx, {})} noValidate>
          <CsrfField ctx={ctx} />
          <input type="hidden" name="service" value={choice.service?.id ?? ''} />
          <input type="hidden" name="centre" value={choice.place?.id ?? ''} />
          <input type="hidden" name="start" value={start} />
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
          <TextField name="name" label={t('appointments.page.name')} value={values.name} error={err('name')} autoComplete="name" required />
          <TextField name="email" type="email" label={t('appointments.page.email')} hint={t('appointments.page.emailHint')} value={values.email} error={err('email')} autoComplete="email" />
          <TextField name="phone" type="tel" label={t('appointments.page.phone')} value={values.phone} error={err('phone')} autoComplete="tel" />
          <TextField name="personalCode" label={t('appointments.page.personalCode')} value={values.personalCode} error={err('personalCode')} />
          <RadioGroup name="assistant" legend={t('appointments.page.companion')} className="field" checked={values.assistant || 'none'} options={companions.map(([value, label]) => ({ value, label }))} />
          {needsReason && (
            <TextAreaField name="reason" label={t('appointments.page.reason')} hint={t('appointments.page.reasonHint')} value={values.reason} error={err('reason')} rows={4} required />
          )}
          {err('start') && (
            <p className="error-message" id="field-start">
              {err('start')?.message}
            </p>
          )}
          <p>{t('appointments.page.bring')}</p>
          <button type="submit">{t('appointments.page.book')}</button>
        </form>
      </Step>
    </>
  );
}
