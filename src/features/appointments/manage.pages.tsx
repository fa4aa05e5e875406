import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { bookingWindow } from '../../domain/booking/index.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { pageContext, type PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { appointmentIcs } from './appointment-mail.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { slotsOfDay, timeOptions } from './booking.pages.tsx';
import { announceLateness, auditClientView, cancelByClient, openAppointment, reschedule, sameToken, type ClientVia } from './client-manage.service.ts';
import { isReminderManageToken } from './manage-link.ts';
import { CancelConfirmView, ManageView, MessagePage, managePath } from './manage.views.tsx';
import { sendAppointmentsPage } from './page-support.tsx';
import { hrefWith } from '../../web/page-context.ts';
import { bookingRulesOf, findPlace, findService } from './places.ts';
import { dayAvailabilityOf } from './slot-search.service.ts';

type ManageParams = { Params: { agency: string; id: string } };
const text = (v: unknown) => (typeof v === 'string' ? v : '');
const isUuid = (id: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);

/**
 * Who may open an appointment's manage page and how the page carries that right from one request to the next.
 * Two exist: the manage link (its token in the query or the form, below) and the client's own signed-in session at
 * /{agency}/mani (client-access, through appointments.client-matters.ts), which never needs the token.
 */
export type ManageAccess = {
  /** The route of one appointment's page, with :agency and :id; its actions are under it. */
  route: string;
  /** The path of one appointment's page. */
  path: (slug: string, id: string) => string;
  /** Values every link and form of the page carries (the token; nothing for a session held in a cookie). */
  carry: (request: FastifyRequest) => Record<string, string>;
  /** Runs before the record is read: false when it has answered the request itself (e.g. "the session has ended"). */
  gate?: (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;
  /** Whether this request may see the appointment; false answers like an unknown id. */
  allows: (request: FastifyRequest, row: AppointmentRow, deps: AppDeps) => Promise<boolean> | boolean;
  /** How the client got in, for the audit events. */
  via: ClientVia;
  /** A link back to where the client came from (their own area), shown at the top of the page. */
  back?: (ctx: PageContext, slug: string) => { href: string; label: string };
};

const tokenOf = (request: FastifyRequest) => text((request.query as Record<string, unknown> | undefined)?.token) || text((request.body as Record<string, unknown> | undefined)?.token);

/** The manage link from the confirmation page and e-mail: /{agency}/pieraksts/mans/{id}?token=…. */
export const tokenAccess: ManageAccess = {
  route: '/:agency/pieraksts/mans/:id',
  path: managePath,
  carry: (request): Record<string, string> => {
    const token = tokenOf(request);
    return token ? { token } : {};
  },
  // The confirmation's token (its hash is stored) or the reminder's (an HMAC of the appointment, see manage-link.ts).
  allows: async (request, row, deps) => {
    const token = tokenOf(request);
    return Boolean(token) && (sameToken(row.manageTokenHash, token) || (await isReminderManageToken(deps, row, token)));
  },
  via: 'link',
};

/** The appointment this request may open, or the same "not found" page for an unknown id and a refused one. */
async function open(deps: AppDeps, access: ManageAccess, request: FastifyRequest<ManageParams>, reply: FastifyReply, forChange: boolean): Promise<{ profile: AgencyProfile; row: AppointmentRow } | undefined> {
  const profile = deps.agencies.require(request.params.agency);
  reply.header('cache-control', 'no-store');
  if (access.gate && !(await access.gate(request, reply))) return undefined;
  const ctx = pageContext(request);
  try {
    if (!isUuid(request.params.id)) throw new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');
    const row = await openAppointment(deps, request.params.id, async (r) => r.agency === profile.slug && (await access.allows(request, r, deps)), { forChange });
    return { profile, row };
  } catch (error) {
    if (!(error instanceof AppError) || (error.status !== 404 && error.status !== 410)) throw error;
    const title = ctx.t(error.status === 404 ? 'appointments.page.notFoundTitle' : 'appointments.page.expiredTitle');
    await sendAppointmentsPage(reply, ctx, { title, body: <MessagePage ctx={ctx} profile={profile} title={title} text={ctx.t(error.messageKey)} />, agency: profile, status: error.status });
    return undefined;
  }
}

/** The client's manage link pages: /{agency}/pieraksts/mans/{id}?token=…. */
export async function managePages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await registerManagePages(app, deps, tokenAccess);
}

/** The client's private page to cancel, reschedule or announce lateness, with its actions, under `access.route`. */
export async function registerManagePages(app: FastifyInstance, deps: AppDeps, access: ManageAccess): Promise<void> {
  app.get<ManageParams>(access.route, async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const found = await open(deps, access, request, reply, false);
    if (!found) return reply;
    const { profile, row } = found;
    await auditClientView(deps, originOf(request), row, access.via);
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
      body: <ManageView ctx={ctx} profile={profile} row={row} base={access.path(profile.slug, row.id)} carry={access.carry(request)} back={access.back?.(ctx, profile.slug)} done={text(query.done) || undefined} day={day} times={times} window={window} reason={reason} />,
      agency: profile,
    });
  });

  app.get<ManageParams>(`${access.route}/pieraksts.ics`, async (request, reply) => {
    const found = await open(deps, access, request, reply, false);
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
    app.post<ManageParams>(`${access.route}/${suffix}`, async (request, reply) => {
      const form = (request.body ?? {}) as Record<string, unknown>;
      const found = await open(deps, access, request, reply, true);
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
      return reply.redirect(hrefWith(access.path(found.profile.slug, found.row.id), pageContext(request), { ...access.carry(request), done }), 303);
    });

  // Cancelling asks first: GET shows the question (the appointment and what cancelling means), the form posts
  // `confirm=yes` with the CSRF token. A post without it (an old page, a script) gets the question, not a cancellation.
  const askToCancel = async (request: FastifyRequest<ManageParams>, reply: FastifyReply, found: Found) => {
    const ctx = pageContext(request, reply.generateCsrf());
    reply.header('cache-control', 'no-store');
    const view = <CancelConfirmView ctx={ctx} profile={found.profile} row={found.row} base={access.path(found.profile.slug, found.row.id)} carry={access.carry(request)} />;
    return sendAppointmentsPage(reply, ctx, { title: ctx.t('appointments.page.cancelConfirmTitle'), body: view, agency: found.profile });
  };
  app.get<ManageParams>(`${access.route}/atcelt`, async (request, reply) => {
    const found = await open(deps, access, request, reply, true);
    if (!found) return reply;
    return askToCancel(request, reply, found);
  });
  action('atcelt', async ({ row }, _form, request) => {
    await cancelByClient(deps, originOf(request), row, access.via);
    return 'cancelled';
  }, async (request, reply, found, form) => {
    if (text(form.confirm) === 'yes') return false;
    await askToCancel(request, reply, found);
    return true;
  });
  action('kavejums', async ({ row }, form, request) => {
    const minutes = Number(text(form.lateMinutes));
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 120) {
      throw new AppError(422, 'appointment-invalid', 'appointments.errors.invalid', {}, [{ field: 'lateMinutes', code: 'range', messageKey: 'errors.field.invalidFormat' }]);
    }
    await announceLateness(deps, originOf(request), row, minutes, access.via);
    return 'late';
  });
  action('parcelt', async ({ profile, row }, form, request) => {
    await reschedule(deps, originOf(request), profile, row, { start: text(form.start) }, access.via);
    return 'moved';
  });
}
