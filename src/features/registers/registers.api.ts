// JSON API of the registers: GET/POST …/incidents, GET/PATCH …/incidents/{id}, the same for service-errors and
// gifts, and POST …/service-errors/{id}/steps. Every route passes the agency gate; writes need registers.record.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { acknowledgeGift, declareGift, giftJson, listGifts, viewGift } from './gifts.service.ts';
import { changeIncident, incidentJson, listIncidents, recordIncident, viewIncident } from './incidents.service.ts';
import {
  AgencyParamsSchema,
  CreatedSchema,
  GiftBodySchema,
  GiftListQuerySchema,
  GiftPatchSchema,
  GiftSchema,
  IncidentBodySchema,
  IncidentListQuerySchema,
  IncidentPatchSchema,
  IncidentSchema,
  listOf,
  RecordParamsSchema,
  ServiceErrorBodySchema,
  ServiceErrorListQuerySchema,
  ServiceErrorPatchSchema,
  ServiceErrorSchema,
  StepBodySchema,
} from './registers.schema.ts';
import { changeServiceError, listServiceErrors, recordServiceError, serviceErrorJson, takeStep, viewServiceError } from './service-errors.service.ts';
import { z } from 'zod';
import { INCIDENT_KINDS, ERROR_STATUSES } from '../../domain/registers/index.ts';

const base = '/api/v1/staff/:agency';
const read = { permission: 'registers.read' as const };
const write = { permission: 'registers.record' as const };
const tags = ['registers', 'staff'];

export async function registersApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const now = () => new Date(deps.clock().epochMilliseconds);

  api.get(
    `${base}/incidents`,
    { config: read, schema: { tags, summary: "The agency's incidents, newest first (a specialist: their own); filters kind, status, centre, period", params: AgencyParamsSchema, querystring: IncidentListQuerySchema, response: { 200: listOf(IncidentSchema) } } },
    async (request) => {
      const result = await listIncidents(deps, scopeOf(request), originOf(request), request.query);
      return { ...result, items: result.items.map(incidentJson) };
    },
  );
  api.post(
    `${base}/incidents`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Record an incident on the premises, on the phone or video',
        description: 'Links (appointmentId, ticketId, callId) must be records of this agency. 400 with field errors otherwise; nothing is written.',
        params: AgencyParamsSchema,
        body: IncidentBodySchema,
        response: { 201: CreatedSchema({ status: z.literal('open'), kind: z.enum(INCIDENT_KINDS), occurredAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const row = await recordIncident(deps, scopeOf(request), originOf(request), request.body);
      return reply.status(201).send({ id: row.id, status: 'open' as const, kind: row.kind, occurredAt: incidentJson(row).occurredAt });
    },
  );
  api.get(
    `${base}/incidents/:id`,
    { config: read, schema: { tags, summary: 'One incident (a specialist: only their own, otherwise 403)', params: RecordParamsSchema, response: { 200: IncidentSchema } } },
    async (request) => incidentJson(await viewIncident(deps, scopeOf(request), originOf(request), request.params.id)),
  );
  api.patch(
    `${base}/incidents/:id`,
    { config: write, schema: { tags, summary: 'Correct an open incident; review note and closing: supervisor or administrator (403 otherwise)', params: RecordParamsSchema, body: IncidentPatchSchema, response: { 200: IncidentSchema } } },
    async (request) => incidentJson(await changeIncident(deps, scopeOf(request), originOf(request), request.params.id, request.body)),
  );

  api.get(
    `${base}/service-errors`,
    { config: read, schema: { tags, summary: 'Service errors, newest first, each with its steps and days open; open=yes: not yet closed', params: AgencyParamsSchema, querystring: ServiceErrorListQuerySchema, response: { 200: listOf(ServiceErrorSchema) } } },
    async (request) => {
      const result = await listServiceErrors(deps, scopeOf(request), originOf(request), request.query);
      return { ...result, items: result.items.map((r) => serviceErrorJson(r, r.steps, now())) };
    },
  );
  api.post(
    `${base}/service-errors`,
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a service error about an inquiry, appointment, ticket or call of this agency',
        params: AgencyParamsSchema,
        body: ServiceErrorBodySchema,
        response: { 201: CreatedSchema({ status: z.enum(ERROR_STATUSES), createdAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const row = await recordServiceError(deps, scopeOf(request), originOf(request), request.body);
      return reply.status(201).send({ id: row.id, status: row.status, createdAt: serviceErrorJson(row, [], now()).createdAt });
    },
  );
  api.get(
    `${base}/service-errors/:id`,
    { config: read, schema: { tags, summary: 'One service error with its steps (and the apology letter as sent)', params: RecordParamsSchema, response: { 200: ServiceErrorSchema } } },
    async (request) => {
      const row = await viewServiceError(deps, scopeOf(request), originOf(request), request.params.id);
      return serviceErrorJson(row, row.steps, now());
    },
  );
  api.patch(
    `${base}/service-errors/:id`,
    { config: write, schema: { tags, summary: 'Correct the description or consequences of an error not yet closed', params: RecordParamsSchema, body: ServiceErrorPatchSchema, response: { 200: ServiceErrorSchema } } },
    async (request) => {
      const row = await changeServiceError(deps, scopeOf(request), originOf(request), request.params.id, request.body);
      return serviceErrorJson(row, row.steps, now());
    },
  );
  api.post(
    `${base}/service-errors/:id/steps`,
    {
      config: write,
      schema: {
        tags,
        summary: 'The next step: acknowledged, apology-sent (letter from the agency template, through the outbox), remedied (text required), closed (supervisor)',
        description: '409 with a field error on `step` when out of order (e.g. remedied before acknowledged).',
        params: RecordParamsSchema,
        body: StepBodySchema,
        response: { 201: ServiceErrorSchema },
      },
    },
    async (request, reply) => {
      const row = await takeStep(deps, scopeOf(request), originOf(request), request.params.id, request.body);
      return reply.status(201).send(serviceErrorJson(row, row.steps, now()));
    },
  );

  api.get(
    `${base}/gifts`,
    { config: read, schema: { tags, summary: 'Declared offers of gifts and benefits (a specialist: their own); filters kind, status, period', params: AgencyParamsSchema, querystring: GiftListQuerySchema, response: { 200: listOf(GiftSchema) } } },
    async (request) => {
      const result = await listGifts(deps, scopeOf(request), originOf(request), request.query);
      return { ...result, items: result.items.map(giftJson) };
    },
  );
  api.post(
    `${base}/gifts`,
    {
      config: write,
      schema: { tags, summary: 'Declare an offer: declined, or exceptionally accepted with the reason', params: AgencyParamsSchema, body: GiftBodySchema, response: { 201: CreatedSchema({ declined: z.boolean(), offeredOn: z.string() }) } },
    },
    async (request, reply) => {
      const row = await declareGift(deps, scopeOf(request), originOf(request), request.body);
      return reply.status(201).send({ id: row.id, declined: row.declined, offeredOn: row.offeredOn });
    },
  );
  api.get(
    `${base}/gifts/:id`,
    { config: read, schema: { tags, summary: 'One declaration', params: RecordParamsSchema, response: { 200: GiftSchema } } },
    async (request) => giftJson(await viewGift(deps, scopeOf(request), originOf(request), request.params.id)),
  );
  api.patch(
    `${base}/gifts/:id`,
    { config: write, schema: { tags, summary: "A supervisor's acknowledgement of the declaration", params: RecordParamsSchema, body: GiftPatchSchema, response: { 200: GiftSchema } } },
    async (request) => giftJson(await acknowledgeGift(deps, scopeOf(request), originOf(request), request.params.id)),
  );
}
