import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../platform/audit/audit.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, fieldErrorsFromIssues, fieldErrorsOf, type FieldError } from '../../platform/http/problem.ts';
import { withForbiddenCharacters } from '../../platform/http/form.ts';
import { pageContext } from '../../web/page-context.ts';
import { scopeOf } from './appointments-staff.api.ts';
import { recentCapacityChanges } from './appointments.repository.ts';
import { BookingBodySchema, CapacityChangeBodySchema, CheckInBodySchema, OutcomeBodySchema, StaffCancelBodySchema } from './appointments.schema.ts';
import { slotsOfDay, timeOptions } from './booking.pages.tsx';
import { sendAppointmentsPage } from './page-support.tsx';
import { findPlace, findService, placesOf } from './places.ts';
import { dayAvailabilityOf } from './slot-search.service.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { changeCapacity, staffAppointment, staffBook, staffCancel, staffCheckIn, staffOutcome, staffSchedule, staffUpdate } from './staff.service.ts';
import { ClosuresView, ScheduleView, StaffBookView, StaffDetailView, staffBase, type ScheduleFilters } from './staff.views.tsx';

type Params = { Params: { agency: string } };
type IdParams = { Params: { agency: string; id: string } };
const work = { config: { permission: 'appointments.work' as const } };
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

function formOf(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(Object.entries((request.body ?? {}) as Record<string, unknown>).filter(([k, v]) => k !== '_csrf' && typeof v === 'string').map(([k, v]) => [k, text(v)]));
}

function errorsOf(error: unknown, request: FastifyRequest): FieldError[] | undefined {
  if (error instanceof z.ZodError) return fieldErrorsFromIssues(error.issues, request.t, request.lang);
  if (!(error instanceof AppError) || error.status >= 500) return undefined;
  if (error.fieldErrors.length === 0) return [{ field: 'form', code: error.code, message: request.t(error.messageKey, error.values) }];
  return fieldErrorsOf(error, request.t, request.lang);
}

/** A schedule day: a real calendar date in the years the calendar covers. */
const SCHEDULE_DATE = z.iso.date().refine((d) => d >= '1990-01-01' && d <= '2100-12-31');

/** /staff/{agency}/pieraksti: schedule, one appointment's work, booking for a client, closures. */
export async function appointmentsStaffPages(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  scoped.get<Params>('/staff/:agency/pieraksti', { config: { permission: 'appointments.read' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const profile = deps.agencies.require(scope.agency);
    const q = request.query as Record<string, unknown>;
    const date = text(q.date) === '' ? rigaToday(deps.clock) : text(q.date);
    if (!SCHEDULE_DATE.safeParse(date).success) {
      throw new AppError(400, 'validation', 'errors.validation', {}, [{ field: 'date', code: 'invalid_date', messageKey: 'errors.field.invalidDate' }]);
    }
    const centre = findPlace(profile, text(q.centre)) ? text(q.centre) : '';
    const filters: ScheduleFilters = { centre, date, view: text(q.view) === 'week' ? 'week' : 'day', specialist: text(q.specialist) };
    const rows = await staffSchedule(deps, scope, originOf(request), { date, days: filters.view === 'week' ? 7 : 1, centre: centre || undefined, specialist: filters.specialist || undefined });
    const ctx = pageContext(request);
    return sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.staff.title'), body: <ScheduleView ctx={ctx} scope={scope} profile={profile} filters={filters} rows={rows} /> });
  });

  const renderBook = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number, bookedCode?: string) => {
    const scope = scopeOf(request);
    const profile = deps.agencies.require(scope.agency);
    const service = findService(profile, values.service ?? '') ?? findService(profile, profile.services[0]?.id ?? '');
    const place = findPlace(profile, values.centre ?? '') ?? placesOf(profile).find((p) => service && p.services.includes(service.id));
    const day = /^\d{4}-\d{2}-\d{2}$/.test(values.day ?? '') ? (values.day as string) : '';
    const ctx = pageContext(request, reply.generateCsrf());
    const calendar = await loadCalendar(deps);
    const times = service && place && day ? timeOptions(await slotsOfDay(deps, profile, service, place, day, calendar), ctx) : [];
    // A day without times says why (holiday, too soon, beyond the horizon, closed, fully booked), as on the public page.
    const reason = service && place && day && times.length === 0 ? await dayAvailabilityOf(deps.db, calendar, deps.clock(), profile, service, place, day) : undefined;
    return sendAppointmentsPage(reply, ctx, {
      title: ctx.t('appointments.staff.bookForClient'),
      status,
      body: <StaffBookView ctx={ctx} scope={scope} profile={profile} choice={{ service: service?.id ?? '', centre: place?.id ?? '', day }} times={times} values={{ idempotencyKey: randomBytes(16).toString('base64url'), ...values }} errors={errors} bookedCode={bookedCode} reason={reason} />,
    });
  };

  scoped.get<Params>('/staff/:agency/pieraksti/jauns', work, async (request, reply) => {
    const q = Object.fromEntries(Object.entries(request.query as Record<string, unknown>).map(([k, v]) => [k, text(v)]));
    return renderBook(request, reply, { ...q, idempotencyKey: randomBytes(16).toString('base64url') }, [], 200, q.code || undefined);
  });

  scoped.post<Params>('/staff/:agency/pieraksti/jauns', { config: { ...work.config, form: true } }, async (request, reply) => {
    const values = formOf(request);
    const day = values.start?.slice(0, 10) ?? '';
    const parsed = BookingBodySchema.safeParse({ ...values, reason: values.reason || undefined, email: values.email ?? '', phone: values.phone ?? '', personalCode: values.personalCode ?? '' });
    const errors = withForbiddenCharacters(parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues, request.t, request.lang), request);
    if (!parsed.success || errors.length > 0) return renderBook(request, reply, { ...values, day }, errors, 400);
    try {
      const { appointment } = await staffBook(deps, scopeOf(request), originOf(request), { ...parsed.data, language: request.lang });
      return reply.redirect(`${staffBase(scopeOf(request).agency)}/jauns?service=${appointment.serviceId}&centre=${appointment.centreId}&day=${day}&code=${appointment.bookingCode}`, 303);
    } catch (error) {
      const errors = errorsOf(error, request);
      if (!errors) throw error;
      return renderBook(request, reply, { ...values, day }, errors, (error as AppError).status);
    }
  });

  const renderClosures = async (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: FieldError[], status: number, done?: { cancelled: number; moved: number }) => {
    const scope = scopeOf(request);
    const profile = deps.agencies.require(scope.agency);
    const ctx = pageContext(request, reply.generateCsrf());
    const changes = await recentCapacityChanges(deps.db, scope.agency);
    return sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.staff.closures'), status, body: <ClosuresView ctx={ctx} scope={scope} profile={profile} changes={changes} values={values} errors={errors} done={done} /> });
  };
  const configure = { config: { permission: 'appointments.configure' as const } };
  scoped.get<Params>('/staff/:agency/pieraksti/slegsana', configure, async (request, reply) => {
    const q = request.query as Record<string, unknown>;
    const done = /^\d+$/.test(text(q.done)) ? { cancelled: Number(text(q.done)), moved: Number(text(q.moved) || '0') } : undefined;
    return renderClosures(request, reply, {}, [], 200, done);
  });
  scoped.post<Params>('/staff/:agency/pieraksti/slegsana', configure, async (request, reply) => {
    const values = formOf(request);
    const parsed = CapacityChangeBodySchema.safeParse({ ...values, service: values.service || undefined, capacity: values.capacity === '' ? undefined : Number(values.capacity), move: values.move === 'yes' });
    if (!parsed.success) return renderClosures(request, reply, values, fieldErrorsFromIssues(parsed.error.issues, request.t, request.lang), 400);
    try {
      const { cancelled, moved } = await changeCapacity(deps, scopeOf(request), originOf(request), parsed.data);
      return reply.redirect(`${staffBase(scopeOf(request).agency)}/slegsana?done=${cancelled.length}&moved=${moved.length}`, 303);
    } catch (error) {
      const errors = errorsOf(error, request);
      if (!errors) throw error;
      return renderClosures(request, reply, values, errors, (error as AppError).status);
    }
  });

  const renderDetail = async (request: FastifyRequest<IdParams>, reply: FastifyReply, errors: FieldError[], status: number) => {
    const scope = scopeOf(request);
    const profile = deps.agencies.require(scope.agency);
    if (!isUuid(request.params.id)) throw new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');
    const row = await staffAppointment(deps, scope, originOf(request), request.params.id);
    const ctx = pageContext(request, reply.generateCsrf());
    const saved = text((request.query as Record<string, unknown>).saved) === '1';
    return sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.staff.detailTitle', { code: row.bookingCode }), status, body: <StaffDetailView ctx={ctx} scope={scope} profile={profile} row={row} saved={saved} errors={errors} /> });
  };
  scoped.get<IdParams>('/staff/:agency/pieraksti/:id', { config: { permission: 'appointments.read' } }, async (request, reply) => renderDetail(request, reply, [], 200));

  const action = (suffix: string, run: (request: FastifyRequest<IdParams>, form: Record<string, string>) => Promise<unknown>) =>
    scoped.post<IdParams>(`/staff/:agency/pieraksti/:id/${suffix}`, work, async (request, reply) => {
      if (!isUuid(request.params.id)) throw new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');
      try {
        await run(request, formOf(request));
      } catch (error) {
        const errors = errorsOf(error, request);
        if (!errors || (error instanceof AppError && error.status === 404)) throw error;
        return renderDetail(request, reply, errors, error instanceof AppError ? error.status : 400);
      }
      return reply.redirect(`${staffBase(scopeOf(request).agency)}/${request.params.id}?saved=1`, 303);
    });
  action('ierasanas', (request, form) => staffCheckIn(deps, scopeOf(request), originOf(request), request.params.id, CheckInBodySchema.parse(form).identityDocument));
  action('rezultats', (request, form) => {
    const body = OutcomeBodySchema.parse({ outcome: form.outcome, ...(form.identityDocument ? { identityDocument: form.identityDocument } : {}) });
    return staffOutcome(deps, scopeOf(request), originOf(request), request.params.id, body.outcome, body.identityDocument);
  });
  action('piezimes', (request, form) => staffUpdate(deps, scopeOf(request), originOf(request), request.params.id, { notes: form.notes ?? '', specialist: form.specialist ? form.specialist : form.specialist === '' ? null : undefined }));
  action('atcelt', (request, form) => staffCancel(deps, scopeOf(request), originOf(request), request.params.id, StaffCancelBodySchema.parse(form).reason));
}
