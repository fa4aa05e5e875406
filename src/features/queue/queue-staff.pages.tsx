import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { calledTicketDetails } from './queue-console.service.ts';
import { z } from 'zod';
import { queueDayOf } from '../../domain/queue/index.ts';
import { roleAllows } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, type FieldError } from '../../platform/http/problem.ts';
import { hrefWith, pageContext } from '../../web/page-context.ts';
import { sendPage } from '../../web/send-page.tsx';
import { requireWalkInCentre, walkInCentres, type QueueCentre } from './queue-centre.ts';
import { actOnTicket, callNext, centreFigures, closeCounter, listCentreCounters, openCounter, staffCentre, type TicketActionInput } from './queue-counters.service.ts';
import { QUEUE_STYLESHEETS, refusal } from './queue-pages-support.tsx';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { ConsoleView, FiguresView, StaffCentresView, staffQueuePath } from './queue-staff.views.tsx';
import { boardState, issueTicket } from './queue-tickets.service.ts';
import { isIdentityDocumentKind } from '../registers/identity-check.ts';
import { viewTicket } from './queue-ticket.service.ts';
import { TicketDetailView } from './queue-ticket.views.tsx';

type CentreParams = { Params: { agency: string; centre: string } };
type CounterParams = { Params: { agency: string; centre: string; counter: string; action: string } };
type TicketParams = { Params: { agency: string; centre: string; id: string; action: string } };

const operate = { permission: 'queue.operate' as const };
const FormSchema = z.object({
  services: z.union([z.string(), z.array(z.string())]).optional(),
  service: z.string().optional(),
  counter: z.string().optional(),
  toCounter: z.string().optional(),
  identityDocument: z.string().optional(),
});

function formOf(request: FastifyRequest) {
  const parsed = FormSchema.safeParse(request.body ?? {});
  return parsed.success ? parsed.data : {};
}

function counterNumber(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}

function centreOf(deps: AppDeps, request: FastifyRequest<CentreParams>): QueueCentre {
  const centre = staffCentre(deps, scopeOf(request), request.params.centre);
  return requireWalkInCentre(centre.agency, centre.centre.id);
}

async function renderConsole(deps: AppDeps, request: FastifyRequest, reply: FastifyReply, centre: QueueCentre, counterNo: number, errors: FieldError[], status: number) {
  const ctx = pageContext(request, reply.generateCsrf());
  const counters = await listCentreCounters(deps, scopeOf(request), originOf(request), centre);
  const counter = counters.find((c) => c.counter === counterNo) ?? counters[0];
  if (!counter) throw new AppError(404, 'counter-not-found', 'queue.errors.counterNotFound');
  const board = await boardState(deps, centre);
  const details = counter.current ? await calledTicketDetails(deps, scopeOf(request), originOf(request), centre, counter.current.id) : null;
  const done = ctx.query.get('done');
  const number = ctx.query.get('number') ?? '';
  const notice = done === 'called' ? ctx.t('queue.console.called', { number }) : done === 'issued' ? ctx.t('queue.console.issued', { number }) : done === 'empty' ? ctx.t('queue.console.nobodyWaiting') : done ? ctx.t('queue.console.done') : null;
  const title = ctx.t('queue.console.title', { centre: centre.centre.name[ctx.lang] });
  return sendPage(reply, ctx, {
    stylesheets: QUEUE_STYLESHEETS,
    title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
    agency: centre.agency,
    status,
    body: <ConsoleView ctx={ctx} centre={centre} counters={counters} counter={counter} board={board} errors={errors} notice={errors.length ? null : notice} details={details} />,
  });
}

/** Runs a console form's change, then back to the console (post/redirect/get); a refusal shows the console with the error. */
async function consoleAction(
  deps: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  centre: QueueCentre,
  counterNo: number,
  field: string,
  change: () => Promise<Record<string, string>>,
) {
  try {
    const result = await change();
    return reply.redirect(hrefWith(staffQueuePath(centre.agency.slug, centre.centre.id), request, { counter: String(counterNo), ...result }), 303);
  } catch (error) {
    const refused = refusal(error, request, field);
    if (!refused) throw error;
    return renderConsole(deps, request, reply, centre, counterNo, refused.errors, refused.status);
  }
}

/** The counter console /staff/{agency}/rinda/{centre} and the figures /staff/{agency}/rinda/{centre}/skaitli. */
export async function queueStaffPages(app: FastifyInstance, deps: AppDeps): Promise<void> {
  // Any staff member of the agency sees the centres; the links follow what their role may open.
  app.get<{ Params: { agency: string } }>('/staff/:agency/rinda', { config: { permission: 'workplace.view' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const profile = deps.agencies.get(scope.agency);
    if (!profile) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
    const ctx = pageContext(request);
    const may = { operate: roleAllows(scope.role, 'queue.operate'), figures: roleAllows(scope.role, 'queue.figures') };
    return sendPage(reply, ctx, { stylesheets: QUEUE_STYLESHEETS, title: ctx.t('queue.console.centresTitle'), agency: profile, body: <StaffCentresView ctx={ctx} agency={scope.agency} centres={walkInCentres(profile)} may={may} /> });
  });

  app.get<CentreParams>('/staff/:agency/rinda/:centre', { config: operate }, async (request, reply) => {
    const counter = counterNumber(new URL(request.url, 'http://x').searchParams.get('counter') ?? undefined);
    return renderConsole(deps, request, reply, centreOf(deps, request), counter, [], 200);
  });

  app.post<CounterParams>('/staff/:agency/rinda/:centre/lodzini/:counter/:action', { config: operate }, async (request, reply) => {
    const centre = centreOf(deps, request);
    const counterNo = counterNumber(request.params.counter);
    const scope = scopeOf(request);
    const origin = originOf(request);
    const { action } = request.params;
    const form = formOf(request);
    if (action === 'atvert') {
      const services = form.services === undefined ? [] : Array.isArray(form.services) ? form.services : [form.services];
      return consoleAction(deps, request, reply, centre, counterNo, 'services', async () => (await openCounter(deps, scope, origin, centre, counterNo, services), { done: 'opened' }));
    }
    if (action === 'slegt') return consoleAction(deps, request, reply, centre, counterNo, 'counter', async () => (await closeCounter(deps, scope, origin, centre, counterNo), { done: 'closed' }));
    if (action === 'izsaukt') {
      return consoleAction(deps, request, reply, centre, counterNo, 'counter', async () => {
        const ticket = await callNext(deps, scope, origin, centre, counterNo);
        return ticket ? { done: 'called', number: ticket.number } : ({ done: 'empty' } as Record<string, string>);
      });
    }
    throw new AppError(404, 'not-found', 'errors.notFoundTitle');
  });

  app.post<TicketParams>('/staff/:agency/rinda/:centre/biletes/:id/:action', { config: operate }, async (request, reply) => {
    const centre = centreOf(deps, request);
    const form = formOf(request);
    const counterNo = counterNumber(form.counter);
    const { action } = request.params;
    let input: TicketActionInput;
    if (action === 'served') input = { action, identityDocument: isIdentityDocumentKind(form.identityDocument) ? form.identityDocument : undefined };
    else if (action === 'recall' || action === 'no-show') input = { action };
    else if (action === 'transfer') input = { action, service: form.service || undefined, counter: form.toCounter ? Number(form.toCounter) : undefined };
    else throw new AppError(404, 'not-found', 'errors.notFoundTitle');
    if (!z.uuid().safeParse(request.params.id).success) throw new AppError(404, 'ticket-not-found', 'queue.errors.ticketNotFound');
    return consoleAction(deps, request, reply, centre, counterNo, action === 'served' ? 'identityDocument' : 'service', async () => (await actOnTicket(deps, scopeOf(request), originOf(request), request.params.id, input), { done: action }));
  });

  app.post<CentreParams>('/staff/:agency/rinda/:centre/biletes', { config: operate }, async (request, reply) => {
    const centre = centreOf(deps, request);
    const form = formOf(request);
    return consoleAction(deps, request, reply, centre, counterNumber(form.counter), 'issue-service', async () => {
      const ticket = await issueTicket(deps, originOf(request), centre, { service: form.service ?? '', channel: 'staff' });
      return { done: 'issued', number: ticket.number };
    });
  });

  // One ticket (opened from the tickets that waited longest behind a queue figure): audited, agency-bound, no person.
  app.get<{ Params: { agency: string; id: string } }>('/staff/:agency/rinda/biletes/:id', { config: { permission: 'queue.tickets.view' } }, async (request, reply) => {
    if (!z.uuid().safeParse(request.params.id).success) throw new AppError(404, 'ticket-not-found', 'queue.errors.ticketNotFound');
    const scope = scopeOf(request);
    const profile = deps.agencies.require(scope.agency);
    const ticket = await viewTicket(deps, scope, originOf(request), request.params.id);
    const ctx = pageContext(request);
    reply.header('cache-control', 'no-store');
    return sendPage(reply, ctx, {
      stylesheets: QUEUE_STYLESHEETS,
      title: ctx.t('queue.ticketDetail.title', { number: ticket.number }),
      agency: profile,
      body: <TicketDetailView ctx={ctx} profile={profile} ticket={ticket} mayFigures={roleAllows(scope.role, 'queue.figures')} />,
    });
  });

  app.get<CentreParams>('/staff/:agency/rinda/:centre/skaitli', { config: { permission: 'queue.figures' } }, async (request, reply) => {
    const scope = scopeOf(request);
    const centre = staffCentre(deps, scope, request.params.centre);
    const ctx = pageContext(request);
    const asked = ctx.query.get('day');
    const valid = asked === null || asked === '' || z.iso.date().safeParse(asked).success;
    const day = valid && asked ? asked : queueDayOf(deps.clock());
    const errors: FieldError[] = valid ? [] : [{ field: 'day', code: 'invalid_date', message: ctx.t('queue.errors.dayInvalid') }];
    const figures = valid ? await centreFigures(deps, scope, originOf(request), centre, day) : null;
    const title = ctx.t('queue.figures.title', { centre: centre.centre.name[ctx.lang] });
    return sendPage(reply, ctx, {
      stylesheets: QUEUE_STYLESHEETS,
      title: errors.length ? `${ctx.t('errors.summaryTitle')}: ${title}` : title,
      agency: centre.agency,
      status: valid ? 200 : 400,
      body: <FiguresView ctx={ctx} centre={centre} day={valid ? day : (asked ?? '')} figures={figures} errors={errors} />,
    });
  });
}

