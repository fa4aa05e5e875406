import { countFlowStep } from '../standard-figures/flow-counter.ts';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Temporal } from 'temporal-polyfill';
import { bookingWindow, rigaDate } from '../../domain/booking/index.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, fieldErrorsFromIssues, fieldErrorsOf, type FieldError } from '../../platform/http/problem.ts';
import { withForbiddenCharacters } from '../../platform/http/form.ts';
import { pageContext, type PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { appointmentById } from './appointments.repository.ts';
import { BookingBodySchema } from './appointments.schema.ts';
import { bookAppointment } from './booking.service.ts';
import { BookingStartView, ChooseDayView, ChoosePlaceView, ChooseTimeView, DetailsFormView, freeSeatsText, type BookingFormValues, type Choice, type TimeOption } from './booking.views.tsx';
import { ConfirmationView, MessagePage } from './manage.views.tsx';
import { formatTime } from '../../web/format.ts';
import { bookingPath, sendAppointmentsPage } from './page-support.tsx';
import { hrefWith } from '../../web/page-context.ts';
import { bookingRulesOf, findPlace, findService, placesOf, servicesOf, type Place, type Service } from './places.ts';
import { dayAvailabilities, dayAvailabilityOf, freeSlots, type FreeSlot } from './slot-search.service.ts';

type AgencyParams = { Params: { agency: string } };
const CONFIRMATION_COOKIE = 'apkalpe_appointment';

const text = (v: unknown) => (typeof v === 'string' ? v : '');

/** YYYY-MM-DD naming a real day of the calendar. */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  try {
    Temporal.PlainDate.from(value, { overflow: 'reject' });
    return true;
  } catch {
    return false;
  }
}

/** The client's choices so far, from the query; anything unknown is dropped (the step is asked again). */
function choiceFrom(profile: AgencyProfile, query: Record<string, unknown>): Choice & { startText?: string } {
  // A day that is no day at all (2026-13-45, 2026-12-32) is a bad request, never a search (and never a 500).
  if (text(query.day) !== '' && !isCalendarDate(text(query.day))) throw new AppError(400, 'invalid-day', 'errors.badRequestTitle', {}, [{ field: 'day', code: 'invalid_date', messageKey: 'errors.field.invalidDate' }]);
  const service = findService(profile, text(query.service));
  const place = service ? findPlace(profile, text(query.centre)) : undefined;
  const usable = place && service && place.services.includes(service.id) ? place : undefined;
  const day = usable && /^\d{4}-\d{2}-\d{2}$/.test(text(query.day)) ? text(query.day) : undefined;
  const startText = day ? text(query.start) : '';
  return { service, place: usable, day, ...(startText ? { startText } : {}) };
}

/** The free slots of one day at one place; pass the calendar when the request has already loaded it. */
export async function slotsOfDay(deps: AppDeps, profile: AgencyProfile, service: Service, place: Place, day: string, calendar?: LatvianCalendar): Promise<FreeSlot[]> {
  return freeSlots(deps.db, calendar ?? (await loadCalendar(deps)), deps.clock(), profile, service, [place], { from: day, to: day });
}

export function timeOptions(slots: FreeSlot[], ctx: PageContext): TimeOption[] {
  return slots.map((s) => ({
    start: s.startIso,
    label: `${formatTime(s.startIso)}–${formatTime(s.endIso)}${s.free > 1 ? ` (${freeSeatsText(s.free, ctx)})` : ''}`,
    free: s.free,
  }));
}

function emptyValues(): BookingFormValues {
  return { name: '', email: '', phone: '', personalCode: '', assistant: 'none', reason: '', idempotencyKey: randomBytes(16).toString('base64url') };
}

function renderDetails(request: FastifyRequest, reply: FastifyReply, profile: AgencyProfile, choice: Choice, start: string, values: BookingFormValues, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  reply.header('cache-control', 'no-store');
  return sendAppointmentsPage(reply, ctx, {
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${ctx.t('appointments.page.title')}` : ctx.t('appointments.page.title'),
    body: <DetailsFormView ctx={ctx} profile={profile} choice={choice} start={start} values={values} errors={errors} />,
    agency: profile,
    status,
  });
}

/** /{agency}/pieraksts: service → place → day → time → details, each step a GET form (works without JavaScript). */
export async function bookingPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<AgencyParams>('/:agency/pieraksts', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const query = request.query as Record<string, unknown>;
    const choice = choiceFrom(profile, query);
    const ctx = pageContext(request);
    const page = (body: React.ReactNode) => sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.page.title'), body, agency: profile });
    if (!choice.service) await countFlowStep(deps, profile.slug, 'booking', 'started');
    if (!choice.service) return page(<BookingStartView ctx={ctx} profile={profile} services={servicesOf(profile).filter((s) => placesOf(profile).some((p) => p.services.includes(s.id)))} />);
    if (!choice.place) {
      const service = choice.service;
      return page(<ChoosePlaceView ctx={ctx} profile={profile} service={service} places={placesOf(profile).filter((p) => p.services.includes(service.id))} />);
    }
    if (!choice.day) {
      const calendar = await loadCalendar(deps);
      const window = bookingWindow(deps.clock(), bookingRulesOf(profile), calendar);
      const all = await dayAvailabilities(deps.db, calendar, deps.clock(), profile, choice.service, choice.place, { from: window.today, to: window.latest });
      const days = all.flatMap(({ date, availability: a }) => (a.kind === 'available' ? [{ date, free: a.free }] : []));
      const unavailable = all.filter(({ availability: a }) => a.kind !== 'available');
      return page(<ChooseDayView ctx={ctx} profile={profile} choice={choice} days={days} unavailable={unavailable} window={window} />);
    }
    const calendar = await loadCalendar(deps);
    const slots = await slotsOfDay(deps, profile, choice.service, choice.place, choice.day, calendar);
    const chosen = slots.find((s) => s.startIso === choice.startText);
    if (!chosen) {
      const reason = slots.length === 0 ? await dayAvailabilityOf(deps.db, calendar, deps.clock(), profile, choice.service, choice.place, choice.day) : undefined;
      return page(<ChooseTimeView ctx={ctx} profile={profile} choice={choice} times={timeOptions(slots, ctx)} reason={reason} />);
    }
    const full = { ...choice, start: new Date(chosen.start.epochMilliseconds), end: new Date(chosen.end.epochMilliseconds) };
    return renderDetails(request, reply, profile, full, chosen.startIso, emptyValues(), [], 200);
  });

  app.post<AgencyParams>('/:agency/pieraksts', { config: { form: true } }, async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const form = (request.body ?? {}) as Record<string, unknown>;
    const values: BookingFormValues = {
      name: text(form.name),
      email: text(form.email),
      phone: text(form.phone),
      personalCode: text(form.personalCode),
      assistant: text(form.assistant) || 'none',
      reason: text(form.reason),
      idempotencyKey: text(form.idempotencyKey) || randomBytes(16).toString('base64url'),
    };
    const service = findService(profile, text(form.service));
    const place = findPlace(profile, text(form.centre));
    const startText = text(form.start);
    const startInstant = (() => {
      try {
        return Temporal.Instant.from(startText);
      } catch {
        return undefined;
      }
    })();
    const day = startInstant ? rigaDate(startInstant) : undefined;
    const endDate = startInstant && service ? new Date(startInstant.add({ minutes: service.durationMinutes }).epochMilliseconds) : undefined;
    const choice: Choice = { service, place, day, start: startInstant ? new Date(startInstant.epochMilliseconds) : undefined, end: endDate };
    if (!service || !place || !startInstant) return reply.redirect(hrefWith(bookingPath(profile.slug), pageContext(request), {}), 303);

    const parsed = BookingBodySchema.safeParse({
      service: service.id,
      centre: place.id,
      start: startText,
      name: values.name,
      email: values.email,
      phone: values.phone,
      personalCode: values.personalCode,
      reason: values.reason,
      assistant: values.assistant,
      idempotencyKey: values.idempotencyKey,
    });
    const errors = withForbiddenCharacters(parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues, request.t, request.lang), request);
    if (!parsed.success || errors.length > 0) return renderDetails(request, reply, profile, choice, startText, values, errors, 400);
    try {
      const result = await bookAppointment(deps, originOf(request), profile, { ...parsed.data, channel: 'web', language: request.lang });
      if (result.manageToken) await countFlowStep(deps, profile.slug, 'booking', 'finished');
      if (result.manageToken) {
        reply.setCookie(CONFIRMATION_COOKIE, `${result.appointment.id}~${result.manageToken}`, {
          path: bookingPath(profile.slug),
          signed: true,
          httpOnly: true,
          sameSite: 'strict',
          secure: request.protocol === 'https',
          maxAge: 600,
        });
      }
      return reply.redirect(hrefWith(`${bookingPath(profile.slug)}/apstiprinats`, pageContext(request), { id: result.appointment.id }), 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.status === 409) {
        const ctx = pageContext(request);
        const slots = await slotsOfDay(deps, profile, service, place, day ?? '');
        return sendAppointmentsPage(reply, ctx, {
          title: ctx.t('appointments.page.title'),
          body: <ChooseTimeView ctx={ctx} profile={profile} choice={{ service, place, day }} times={timeOptions(slots, ctx)} takenNotice />,
          agency: profile,
          status: 409,
        });
      }
      const errors = fieldErrorsOf(error, request.t, request.lang);
      return renderDetails(request, reply, profile, choice, startText, values, errors, error.status);
    }
  });

  app.get<AgencyParams>('/:agency/pieraksts/apstiprinats', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    const raw = request.cookies[CONFIRMATION_COOKIE];
    const unsigned = raw ? request.unsignCookie(raw) : undefined;
    const [id = '', token = ''] = unsigned?.valid && unsigned.value ? unsigned.value.split('~') : [];
    const wanted = text((request.query as Record<string, unknown>).id);
    const row = /^[0-9a-f-]{36}$/.test(id) ? await appointmentById(deps.db, id) : undefined;
    if (row && row.agency === profile.slug && (!wanted || wanted === id)) {
      return sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.page.confirmedTitle'), body: <ConfirmationView ctx={ctx} profile={profile} row={row} token={token} />, agency: profile });
    }
    const title = wanted ? ctx.t('appointments.page.confirmedTitle') : ctx.t('appointments.page.expiredTitle');
    const message = wanted ? ctx.t('appointments.page.duplicateLead') : ctx.t('appointments.page.confirmationExpired');
    return sendAppointmentsPage(reply, ctx, { title, body: <MessagePage ctx={ctx} profile={profile} title={title} text={message} />, agency: profile });
  });
}
