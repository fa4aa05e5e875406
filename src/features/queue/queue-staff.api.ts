import { scopeOf } from '../../platform/access/access.hook.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { queueDayOf } from '../../domain/queue/index.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { requireWalkInCentre } from './queue-centre.ts';
import { actOnTicket, callNext, centreFigures, closeCounter, listCentreCounters, openCounter, staffCentre, type TicketActionInput } from './queue-counters.service.ts';
import { issueTicket } from './queue-tickets.service.ts';
import { ServedBodySchema } from '../registers/identity-check.ts';
import type { TicketRow } from './queue.repository.ts';
import {
  CallNextBodySchema,
  CallNextResultSchema,
  CounterViewSchema,
  FiguresQuerySchema,
  FiguresSchema,
  OpenCounterBodySchema,
  StaffCentreParamsSchema,
  StaffCounterParamsSchema,
  StaffTicketParamsSchema,
  StaffTicketSchema,
  TicketBodySchema,
  TicketViewSchema,
  TransferBodySchema,
} from './queue.schema.ts';


export function staffTicketJson(t: TicketRow) {
  return {
    id: t.id,
    number: t.number,
    service: t.serviceId,
    status: t.status,
    counter: t.counterNo,
    targetCounter: t.targetCounterNo,
    issuedAt: t.issuedAt.toISOString(),
    calledAt: t.calledAt?.toISOString() ?? null,
    appointment: t.appointmentId !== null,
  };
}

const base = '/api/v1/staff/:agency/queue';

/** Counters, call next, ticket actions, staff-issued tickets and the day's figures (JSON). */
export async function queueStaffApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const operate = { permission: 'queue.operate' as const };
  const centreFor = (request: FastifyRequest, centre: string) => staffCentre(deps, scopeOf(request), centre);

  api.get(
    `${base}/centres/:centre/counters`,
    { config: operate, schema: { tags: ['queue', 'staff'], summary: "The centre's counters: open or closed, services, the client called", params: StaffCentreParamsSchema, response: { 200: CounterViewSchema.array() } } },
    async (request) => listCentreCounters(deps, scopeOf(request), originOf(request), centreFor(request, request.params.centre)),
  );

  api.post(
    `${base}/centres/:centre/counters/:counter/open`,
    { config: operate, schema: { tags: ['queue', 'staff'], summary: 'Open a counter for the chosen services (or change them); idempotent', params: StaffCounterParamsSchema, body: OpenCounterBodySchema, response: { 200: CounterViewSchema } } },
    async (request) => openCounter(deps, scopeOf(request), originOf(request), centreFor(request, request.params.centre), request.params.counter, request.body.services),
  );

  api.post(
    `${base}/centres/:centre/counters/:counter/close`,
    { config: operate, schema: { tags: ['queue', 'staff'], summary: 'Close a counter (409 while a client is called to it)', params: StaffCounterParamsSchema, response: { 200: CounterViewSchema } } },
    async (request) => closeCounter(deps, scopeOf(request), originOf(request), centreFor(request, request.params.centre), request.params.counter),
  );

  api.post(
    `${base}/centres/:centre/counters/:counter/call-next`,
    {
      config: operate,
      schema: {
        tags: ['queue', 'staff'],
        summary: 'Call the next client: appointments within their window first, then the oldest ticket of the services served',
        description: 'Safe when counters press at once (row locks, SKIP LOCKED). 409 counter-closed, counter-busy (a client is already called: a double press), service-not-served.',
        params: StaffCounterParamsSchema,
        body: CallNextBodySchema,
        response: { 200: CallNextResultSchema },
      },
    },
    async (request) => {
      const ticket = await callNext(deps, scopeOf(request), originOf(request), centreFor(request, request.params.centre), request.params.counter, request.body?.service);
      return { ticket: ticket ? staffTicketJson(ticket) : null };
    },
  );

  const action = (name: 'recall' | 'no-show', summary: string) =>
    api.post(
      `${base}/tickets/:id/${name}`,
      { config: operate, schema: { tags: ['queue', 'staff'], summary, description: '409 ticket-not-called when it is no longer called (a double press).', params: StaffTicketParamsSchema, response: { 200: StaffTicketSchema } } },
      async (request) => staffTicketJson(await actOnTicket(deps, scopeOf(request), originOf(request), request.params.id, { action: name })),
    );
  action('recall', 'Call the client again (shown again on the board)');
  action('no-show', 'The client did not come');

  api.post(
    `${base}/tickets/:id/served`,
    {
      config: operate,
      schema: {
        tags: ['queue', 'staff'],
        summary: 'The client was served (with the kind of identity document checked)',
        description: '409 ticket-not-called when it is no longer called (a double press). 400 identity-document-required when the service needs identification and no document was checked.',
        params: StaffTicketParamsSchema,
        body: ServedBodySchema,
        response: { 200: StaffTicketSchema },
      },
    },
    async (request) => staffTicketJson(await actOnTicket(deps, scopeOf(request), originOf(request), request.params.id, { action: 'served', identityDocument: request.body?.identityDocument })),
  );

  api.post(
    `${base}/tickets/:id/transfer`,
    {
      config: operate,
      schema: { tags: ['queue', 'staff'], summary: 'Transfer a called client to another service and/or counter (back into the queue, keeping their place)', params: StaffTicketParamsSchema, body: TransferBodySchema, response: { 200: StaffTicketSchema } },
    },
    async (request) => {
      const input: TicketActionInput = { action: 'transfer', service: request.body.service, counter: request.body.counter };
      return staffTicketJson(await actOnTicket(deps, scopeOf(request), originOf(request), request.params.id, input));
    },
  );

  api.post(
    `${base}/centres/:centre/tickets`,
    { config: operate, schema: { tags: ['queue', 'staff'], summary: 'Issue a ticket at the desk (for a client without the kiosk)', params: StaffCentreParamsSchema, body: TicketBodySchema, response: { 201: TicketViewSchema } } },
    async (request, reply) => {
      const centre = requireWalkInCentre(centreFor(request, request.params.centre).agency, request.params.centre);
      return reply.status(201).send(await issueTicket(deps, originOf(request), centre, { service: request.body.service, channel: 'staff' }));
    },
  );

  api.get(
    `${base}/centres/:centre/figures`,
    {
      config: { permission: 'queue.figures' },
      schema: { tags: ['queue', 'staff'], summary: "A centre's day: tickets, waiting time (median, 90th percentile), service time, no-shows, per service and counter", params: StaffCentreParamsSchema, querystring: FiguresQuerySchema, response: { 200: FiguresSchema } },
    },
    async (request) => {
      const centre = centreFor(request, request.params.centre);
      const day = request.query.day ?? queueDayOf(deps.clock());
      return { centre: centre.centre.id, day, ...(await centreFigures(deps, scopeOf(request), originOf(request), centre, day)) };
    },
  );
}
