import { answerAsBuilt } from '../../platform/http/answer-serializer.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import {
  AgencySlugParamsSchema,
  AppointmentIdParamsSchema,
  BookingBodySchema,
  BookingCreatedSchema,
  CentresResponseSchema,
  ClientAppointmentSchema,
  ClientChangeBodySchema,
  ManageQuerySchema,
  SlotsQuerySchema,
  SlotsResponseSchema,
} from './appointments.schema.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import { bookAppointment, invalidField, type BookingResult } from './booking.service.ts';
import { announceLateness, auditClientView, cancelByClient, openWithToken, reschedule } from './client-manage.service.ts';
import { findPlace, findService, placesOf, servicesOf } from './places.ts';
import { freeSlots } from './slot-search.service.ts';
import { rigaIso } from './time-format.ts';

/** The manage token from `Authorization: Bearer …` or `?token=`. */
function manageTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const bearer = typeof header === 'string' && /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  return bearer || (request.query as { token?: string }).token || undefined;
}

/** 201 with the manage token; a repeated idempotency key answers 200 with the same appointment, but the token was shown only the first time. */
export function sendBookingResult(reply: FastifyReply, { appointment: a, manageToken, duplicate }: BookingResult) {
  const answer = { id: a.id, start: rigaIso(a.startsAt), end: rigaIso(a.endsAt), centre: a.centreId, bookingCode: a.bookingCode };
  if (duplicate) return reply.status(200).send(answer);
  return reply.status(201).send({ ...answer, manageToken: manageToken ?? '' });
}

function clientView(row: AppointmentRow) {
  return {
    id: row.id,
    status: row.status,
    service: row.serviceId,
    centre: row.centreId,
    start: rigaIso(row.startsAt),
    end: rigaIso(row.endsAt),
    bookingCode: row.bookingCode,
    name: row.clientName,
    lateMinutes: row.lateMinutes,
  };
}

export async function appointmentsPublicApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const agencyFirst = { preValidation: async (request: FastifyRequest) => void deps.agencies.require((request.params as { slug: string }).slug) };

  api.get(
    '/api/v1/agencies/:slug/centres',
    { schema: { tags: ['appointments'], summary: 'Client service centres and video-consultation locations with the services booked there', params: AgencySlugParamsSchema, response: { 200: CentresResponseSchema } } },
    async (request) => {
      const profile = deps.agencies.require(request.params.slug);
      const lang = request.lang;
      return {
        centres: placesOf(profile).map((place) => ({
          id: place.id,
          name: place.name[lang],
          address: place.address,
          services: servicesOf(profile)
            .filter((s) => place.services.includes(s.id))
            .map((s) => ({ id: s.id, name: s.name[lang], durationMinutes: s.durationMinutes })),
          video: place.kind === 'video',
        })),
      };
    },
  );

  api.get(
    '/api/v1/agencies/:slug/slots',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Free appointment slots of a service (working days, opening hours, minimum notice and horizon applied); `free` = seats left',
        params: AgencySlugParamsSchema,
        querystring: SlotsQuerySchema,
        response: { 200: SlotsResponseSchema },
      },
      // Thousands of slots built by our own typed code: the schema documents them (OpenAPI, and the tests check
      // answers against it), re-validating each one on every search would cost a third of the request.
      serializerCompiler: answerAsBuilt,
      ...agencyFirst,
    },
    async (request) => {
      const profile = deps.agencies.require(request.params.slug);
      const { service: serviceId, centre, from, to } = request.query;
      const service = findService(profile, serviceId);
      if (!service) throw invalidField('service', 'unknown-service', 'appointments.errors.unknownService');
      const place = centre ? findPlace(profile, centre) : undefined;
      if (centre && !place) throw invalidField('centre', 'unknown-centre', 'appointments.errors.unknownCentre');
      if (place && !place.services.includes(service.id)) throw invalidField('centre', 'service-not-offered', 'appointments.rejections.serviceNotOffered');
      const slots = await freeSlots(deps.db, await loadCalendar(deps), deps.clock(), profile, service, place ? [place] : placesOf(profile), { from, to });
      return { slots: slots.map((s) => ({ start: s.startIso, end: s.endIso, centre: s.centre, service: s.service, free: s.free })) };
    },
  );

  api.post(
    '/api/v1/agencies/:slug/appointments',
    {
      schema: {
        tags: ['appointments'],
        summary: 'Book an appointment. 409 problem+json with `nearestSlots` when the seat is gone; 422 with the field and reason when a rule forbids the time',
        params: AgencySlugParamsSchema,
        body: BookingBodySchema,
        response: { 201: BookingCreatedSchema, 200: BookingCreatedSchema.omit({ manageToken: true }) },
      },
      // Built field by field in sendBookingResult; checked against the schema by appointments.api.test.ts.
      serializerCompiler: answerAsBuilt,
      ...agencyFirst,
    },
    async (request, reply) => {
      const profile = deps.agencies.require(request.params.slug);
      const result = await bookAppointment(deps, originOf(request), profile, { ...request.body, channel: 'api', language: request.lang });
      reply.header('cache-control', 'no-store');
      return sendBookingResult(reply, result);
    },
  );

  const manageSchema = { params: AppointmentIdParamsSchema, querystring: ManageQuerySchema };
  api.get(
    '/api/v1/appointments/:id',
    { schema: { tags: ['appointments'], summary: 'The client’s appointment (manage token as `Authorization: Bearer` or `?token=`; a wrong token answers like an unknown id)', ...manageSchema, response: { 200: ClientAppointmentSchema } } },
    async (request, reply) => {
      const row = await openWithToken(deps, request.params.id, manageTokenOf(request));
      await auditClientView(deps, originOf(request), row);
      reply.header('cache-control', 'no-store');
      return clientView(row);
    },
  );

  api.patch(
    '/api/v1/appointments/:id',
    { schema: { tags: ['appointments'], summary: 'Reschedule to another free slot (`start`, optionally `centre`) or announce lateness (`lateMinutes`)', ...manageSchema, body: ClientChangeBodySchema, response: { 200: ClientAppointmentSchema } } },
    async (request, reply) => {
      const row = await openWithToken(deps, request.params.id, manageTokenOf(request), { forChange: true });
      const profile = deps.agencies.require(row.agency);
      let updated = row;
      if (request.body.start) updated = await reschedule(deps, originOf(request), profile, row, { start: request.body.start, centre: request.body.centre });
      if (request.body.lateMinutes) updated = await announceLateness(deps, originOf(request), updated, request.body.lateMinutes);
      reply.header('cache-control', 'no-store');
      return clientView(updated);
    },
  );

  api.delete(
    '/api/v1/appointments/:id',
    { schema: { tags: ['appointments'], summary: 'Cancel the appointment; the seat is free again at once', ...manageSchema, response: { 200: ClientAppointmentSchema } } },
    async (request, reply) => {
      const row = await openWithToken(deps, request.params.id, manageTokenOf(request), { forChange: true });
      reply.header('cache-control', 'no-store');
      return clientView(await cancelByClient(deps, originOf(request), row));
    },
  );
}

