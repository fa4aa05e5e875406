import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { BoardHub } from './board-hub.ts';
import { requireWalkInCentre } from './queue-centre.ts';
import { boardState, findTicketView, issueTicket } from './queue-tickets.service.ts';
import { BoardSchema, CentreParamsSchema, TicketBodySchema, TicketCreatedSchema, TicketParamsSchema, TicketViewSchema } from './queue.schema.ts';

/** Tickets, the ticket's state and the display board, as JSON and Server-Sent Events. */
export async function queuePublicApi(app: FastifyInstance, deps: AppDeps, hub: BoardHub): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const centreOf = (params: { slug: string; centre: string }) => requireWalkInCentre(deps.agencies.require(params.slug), params.centre);

  api.post(
    '/api/v1/agencies/:slug/centres/:centre/tickets',
    {
      schema: {
        tags: ['queue'],
        summary: 'Take a queue ticket for a service at a centre (walk-in centres, during opening hours)',
        description: 'Errors: 404 unknown agency or centre; 409 walk-in-not-offered (appointment-only centre) or centre-closed; 400 service not offered at the centre.',
        params: CentreParamsSchema,
        body: TicketBodySchema,
        response: { 201: TicketCreatedSchema },
      },
      // An unknown or appointment-only centre answers so whatever the body holds.
      preValidation: async (request) => {
        centreOf(request.params as { slug: string; centre: string });
      },
    },
    async (request, reply) => {
      const ticket = await issueTicket(deps, originOf(request), centreOf(request.params), { service: request.body.service, channel: 'api' });
      reply.header('cache-control', 'no-store');
      return reply.status(201).send({
        id: ticket.id,
        number: ticket.number,
        service: ticket.service,
        position: ticket.position ?? 1,
        estimatedWaitMinutes: ticket.estimatedWaitMinutes,
        url: ticket.url,
      });
    },
  );

  api.get(
    '/api/v1/tickets/:id',
    {
      schema: {
        tags: ['queue'],
        summary: "A ticket's state: waiting (place and estimated wait), called (to which counter), served, no-show or expired",
        params: TicketParamsSchema,
        response: { 200: TicketViewSchema },
      },
    },
    async (request, reply) => {
      const { view } = await findTicketView(deps, request.params.id);
      reply.header('cache-control', 'no-store');
      return view;
    },
  );

  api.get(
    '/api/v1/agencies/:slug/centres/:centre/board',
    {
      schema: {
        tags: ['queue'],
        summary: "The display board: the latest calls and their counters, the counters, the waiting per service with estimates",
        params: CentreParamsSchema,
        response: { 200: BoardSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return boardState(deps, centreOf(request.params));
    },
  );

  api.get(
    '/api/v1/agencies/:slug/centres/:centre/board/events',
    {
      schema: {
        tags: ['queue'],
        summary: 'The display board as Server-Sent Events: an `event: board` with the board JSON at once and after every change',
        description: 'text/event-stream. Reconnect with EventSource; every event carries the whole board, so nothing is lost between connections.',
        params: CentreParamsSchema,
      },
    },
    async (request, reply) => {
      const centre = centreOf(request.params);
      const state = await boardState(deps, centre);
      reply.hijack();
      reply.raw.writeHead(200, {
        ...(reply.getHeaders() as OutgoingHttpHeaders),
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      await hub.connect(centre.agency.slug, centre.centre.id, reply.raw, state);
    },
  );
}
