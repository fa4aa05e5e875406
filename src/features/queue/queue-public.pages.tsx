import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FieldError } from '../../platform/http/problem.ts';
import { AppError } from '../../platform/http/problem.ts';
import { renderDocument } from '../../web/layout.tsx';
import { pageContext, withLang } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { surveyLinkForContact, surveyQrSvg } from '../feedback/survey-invitations.service.ts';
import { BoardDocument } from './queue-board.views.tsx';
import { centreOpenNow, requireWalkInCentre, walkInCentres, type QueueCentre } from './queue-centre.ts';
import { checkInAtKiosk } from './queue-check-in.ts';
import { QUEUE_STYLESHEETS, refusal } from './queue-pages-support.tsx';
import { CentresView, KioskView, TicketPageView, type TicketSurvey } from './queue-public.views.tsx'
import { boardState, findTicketView, issueTicket, ticketPath } from './queue-tickets.service.ts';

type CentreParams = { Params: { agency: string; centre: string } };
const KioskFormSchema = z.object({ service: z.string().trim().max(64).default('') });
const CheckInFormSchema = z.object({ bookingCode: z.string().trim().max(64).default('') });

/** Seconds between reloads of a ticket page (state on a phone without any script). */

export async function renderKiosk(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, centre: QueueCentre, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  const [board, hours] = await Promise.all([boardState(deps, centre), centreOpenNow(deps.db, centre, deps.clock())]);
  const title = ctx.t('queue.kiosk.title', { centre: centre.centre.name[ctx.lang] });
  return sendPage(reply, ctx, {
    stylesheets: QUEUE_STYLESHEETS,
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    agency: centre.agency,
    status,
    body: <KioskView ctx={ctx} centre={centre} board={board} nextOpening={hours.nextOpening} errors={errors} checkIn={centre.centre.appointments} />,
  });
}

function walkInCentreOf(deps: AppDeps, params: { agency: string; centre: string }): QueueCentre {
  return requireWalkInCentre(deps.agencies.require(params.agency), params.centre);
}

/** /{agency}/rinda (centres), the kiosk, the ticket's page and the display board /{agency}/rinda/{centre}/tablo. */
/** The survey link of a served ticket, with its QR code; null before service or once answered or expired. */
async function ticketSurvey(deps: AppDeps, ticket: { agency: string; id: string; status: string }): Promise<TicketSurvey | null> {
  if (ticket.status !== 'served') return null;
  const link = await surveyLinkForContact(deps, ticket.agency, 'ticket', ticket.id);
  return link ? { url: link.url, qrSvg: await surveyQrSvg(`${deps.config.publicUrl}${link.url}`) } : null;
}

export async function queuePublicPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get<{ Params: { agency: string } }>('/:agency/rinda', async (request, reply) => {
    const profile = deps.agencies.require(request.params.agency);
    const ctx = pageContext(request);
    return sendPage(reply, ctx, { stylesheets: QUEUE_STYLESHEETS, title: ctx.t('queue.centres.title'), agency: profile, body: <CentresView ctx={ctx} centres={walkInCentres(profile)} /> });
  });

  app.get<CentreParams>('/:agency/rinda/:centre', async (request, reply) => renderKiosk(deps, request, reply, walkInCentreOf(deps, request.params), [], 200));

  app.post<CentreParams>('/:agency/rinda/:centre', async (request, reply) => {
    const centre = walkInCentreOf(deps, request.params);
    const form = KioskFormSchema.safeParse(request.body ?? {});
    try {
      const ticket = await issueTicket(deps, originOf(request), centre, { service: form.success ? form.data.service : '', channel: 'kiosk' });
      const ctx = pageContext(request);
      return reply.redirect(withLang(ticketPath({ agency: ticket.agency, centreId: ticket.centre, id: ticket.id }), ctx), 303);
    } catch (error) {
      const refused = refusal(error, request, 'service');
      if (!refused) throw error;
      return renderKiosk(deps, request, reply, centre, refused.errors, refused.status);
    }
  });

  app.post<CentreParams>('/:agency/rinda/:centre/pieraksts', async (request, reply) => {
    const centre = walkInCentreOf(deps, request.params);
    const form = CheckInFormSchema.safeParse(request.body ?? {});
    try {
      const ticket = await checkInAtKiosk(deps, originOf(request), centre, form.success ? form.data.bookingCode : '');
      return reply.redirect(withLang(ticketPath({ agency: ticket.agency, centreId: ticket.centre, id: ticket.id }), pageContext(request)), 303);
    } catch (error) {
      const refused = refusal(error, request, 'bookingCode');
      if (!refused) throw error;
      return renderKiosk(deps, request, reply, centre, refused.errors.map((e) => ({ ...e, field: 'bookingCode' })), refused.status);
    }
  });

  app.get<{ Params: { agency: string; centre: string; id: string } }>('/:agency/rinda/:centre/biletes/:id', async (request, reply) => {
    const { ticket, centre, view } = await findTicketView(deps, request.params.id);
    if (ticket.agency !== request.params.agency || ticket.centreId !== request.params.centre) throw new AppError(404, 'ticket-not-found', 'queue.errors.ticketNotFound');
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, {
      stylesheets: QUEUE_STYLESHEETS,
      title: ctx.t('queue.ticket.title', { number: view.number }),
      agency: centre.agency,
      body: <TicketPageView ctx={ctx} centre={centre} ticket={view} survey={await ticketSurvey(deps, ticket)} />,
    });
  });

  app.get<CentreParams>('/:agency/rinda/:centre/tablo', async (request, reply) => {
    const centre = walkInCentreOf(deps, request.params);
    const ctx = pageContext(request);
    const board = await boardState(deps, centre);
    reply.header('cache-control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(renderDocument(<BoardDocument ctx={ctx} centre={centre} board={board} />));
  });
}

