import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bookingWindow } from '../../domain/booking/index.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { pageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { appointmentIcs } from './appointment-mail.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { slotsOfDay, timeOptions } from './booking.pages.tsx';
import { announceLateness, auditClientView, cancelByClient, openWithToken, reschedule } from './client-manage.service.ts';
import { CancelConfirmView, ManageView, MessagePage, managePath } from './manage.views.tsx';
import { hrefWith, sendAppointmentsPage } from './page-support.tsx';
import { bookingRulesOf, findPlace, findService } from './places.ts';
import { dayAvailabilityOf } from './slot-search.service.ts';

type ManageParams = { Params: { agency: string; id: string } };
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/** The appointment behind a manage link, or the same "not found" page for an unknown id and a wrong token. */
async function open(deps: AppDeps, request: FastifyRequest<ManageParams>, reply: FastifyReply, token: string, forChange: boolean): Promise<{ profile: AgencyProfile; row: AppointmentRow } | undefined> {
  const profile = deps.agencies.require(request.params.agency);
  const ctx = pageContext(request);
  reply.header('cache-control', 'no-store');
  try {
    if (!isUuid(request.params.id)) throw new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');
    const row = await openWithToken(deps, request.params.id, token, { forChange });
    if (row.agency !== profile.slug) throw new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');
    return { profile, row };
  } catch (error) {
    if (!(error instanceof AppError) || (error.status !== 404 && error.status !== 410)) throw error;
    const title = ctx.t(error.status === 404 ? 'appointments.page.notFoundTitle' : 'appointments.page.expiredTitle');
    await sendAppointmentsPage(reply, ctx, { title, body: <MessagePage ctx={ctx} profile={profile} title={title} text={ctx.t(error.messageKey)} />, agency: profile, status: error.status });
    return undefined;
  }
}

/** /{agency}/pieraksts/mans/{id}?token=…: the client's private page to cancel, reschedule or announce lateness. */
export async function managePages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<ManageParams>('/:agency/pieraksts/mans/:id', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const token = text(query.token);
    const found = await open(deps, request, reply, token, false);
    if (!found) return reply;
    const { profile, row } = found;
    await auditClientView(deps, originOf(request), row);
    const ctx = pageContext(request, reply.generateCsrf());
    const calendar = await loadCalendar(deps);
    const window = bookingWindow(deps.clock(), bookingRulesOf(profile), calendar);
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text(query.day)) ? text(query.day) : undefined;
    const service = findService(profile, row.serviceId);
    const place = findPlace(profile, row.centreId);
    const times = day && service && place ? timeOptions(await slotsOfDay(deps, profile, service, place, day, calendar), ctx) : [];
    const reason = day && service && place && times.length === 0 ? await dayAvailabilityOf(deps.db, calendar, deps.clock(), profile, service, place, day) : undefined;
    return sendAppointmentsPage(reply, ctx, {
      title: ctx.t('appointments.page.manageTitle'),
      body: <ManageView ctx={ctx} profile={profile} row={row} token={token} done={text(query.done) || undefined} day={day} times={times} window={window} reason={reason} />,
      agency: profile,
    });
  });

  app.get<ManageParams>('/:agency/pieraksts/mans/:id/pieraksts.ics', async (request, reply) => {
    const found = await open(deps, request, reply, text((request.query as Record<string, unknown>).token), false);
    if (!found) return reply;
    // A cancelled appointment offers no calendar file: 410, the page says why.
    if (found.row.status === 'cancelled') {
      const ctx = pageContext(request);
      const title = ctx.t('appointments.page.noCalendarTitle');
      return sendAppointmentsPage(reply, ctx, { title, body: <MessagePage ctx={ctx} profile={found.profile} title={title} text={ctx.t('appointments.page.noCalendarCancelled')} />, agency: found.profile, status: 410 });
    }
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', 'attachment; filename="pieraksts.ics"')
      .send(appointmentIcs(found.profile, found.row, request.lang, new Date(deps.clock().epochMilliseconds)));
  });

  type Found = { profile: AgencyProfile; row: AppointmentRow };
  const action = (
    suffix: string,
    run: (found: Found, form: Record<string, unknown>, request: FastifyRequest) => Promise<string>,
    /** Answers instead of running (e.g. a confirmation still to be given): true when it has sent the reply. */
    before?: (request: FastifyRequest<ManageParams>, reply: FastifyReply, found: Found, form: Record<string, unknown>) => Promise<boolean>,
  ) =>
    app.post<ManageParams>(`/:agency/pieraksts/mans/:id/${suffix}`, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, unknown>;
      const token = text(form.token);
      const found = await open(deps, request, reply, token, true);
      if (!found) return reply;
      if (before && (await before(request, reply, found, form))) return reply;
      let done: string;
      try {
        done = await run(found, form, request);
      } catch (error) {
        // A slot taken meanwhile or a time the rules forbid: back to the page with the day to choose again.
        if (!(error instanceof AppError) || (error.status !== 409 && error.status !== 422)) throw error;
        const ctx = pageContext(request, reply.generateCsrf());
        const title = ctx.t('appointments.page.manageTitle');
        const message = error.status === 409 ? ctx.t('appointments.page.slotTaken') : ctx.t(error.fieldErrors[0]?.messageKey ?? error.messageKey, { days: found.profile.booking.minNoticeWorkingDays });
        return sendAppointmentsPage(reply, ctx, {
          title,
          body: <MessagePage ctx={ctx} profile={found.profile} title={title} text={message} />,
          agency: found.profile,
          status: error.status,
        });
      }
      return reply.redirect(hrefWith(managePath(found.profile.slug, found.row.id), pageContext(request), { token, done }), 303);
    });

  // Cancelling asks first: GET shows the question (the appointment and what cancelling means), the form posts
  // `confirm=yes` with the CSRF token. A post without it (an old page, a script) gets the question, not a cancellation.
  const askToCancel = async (request: FastifyRequest<ManageParams>, reply: FastifyReply, found: { profile: AgencyProfile; row: AppointmentRow }, token: string) => {
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    return sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.page.cancelConfirmTitle'), body: <CancelConfirmView ctx={ctx} profile={found.profile} row={found.row} token={token} />, agency: found.profile });
  };
  app.get<ManageParams>('/:agency/pieraksts/mans/:id/atcelt', async (request, reply) => {
    const token = text((request.query as Record<string, unknown>).token);
    const found = await open(deps, request, reply, token, true);
    if (!found) return reply;
    return askToCancel(request, reply, found, token);
  });
  action('atcelt', async ({ row }, _form, request) => {
    await cancelByClient(deps, originOf(request), row);
    return 'cancelled';
  }, async (request, reply, found, form) => {
    if (text(form.confirm) === 'yes') return false;
    await askToCancel(request, reply, found, text(form.token));
    return true;
  });
  action('kavejums', async ({ row }, form, request) => {
    const minutes = Number(text(form.lateMinutes));
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
      throw new AppError(422, 'appointment-invalid', 'appointments.errors.invalid', {}, [{ field: 'lateMinutes', code: 'range', messageKey: 'errors.field.invalidFormat' }]);
    }
    await announceLateness(deps, originOf(request), row, minutes);
    return 'late';
  });
  action('parcelt', async ({ profile, row }, form, request) => {
    await reschedule(deps, originOf(request), profile, row, { start: text(form.start) });
    return 'moved';
  });
}
