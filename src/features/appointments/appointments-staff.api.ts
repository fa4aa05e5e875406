import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { AppointmentRow } from './appointments.repository.ts';
import {
  BookingCreatedSchema,
  CapacityChangeBodySchema,
  CapacityChangeResponseSchema,
  CheckInBodySchema,
  OutcomeBodySchema,
  StaffAgencyParamsSchema,
  StaffAppointmentParamsSchema,
  StaffAppointmentSchema,
  StaffBookingBodySchema,
  StaffCancelBodySchema,
  StaffScheduleQuerySchema,
  StaffScheduleResponseSchema,
  StaffUpdateBodySchema,
} from './appointments.schema.ts';
import { changeCapacity, staffAppointment, staffBook, staffCancel, staffCheckIn, staffOutcome, staffSchedule, staffUpdate } from './staff.service.ts';
import { sendBookingResult } from './appointments-public.api.ts';
import { rigaIso } from './time-format.ts';

export const scopeOf = (request: FastifyRequest) => request.scope as AgencyScope;

export function staffJson(row: AppointmentRow) {
  return {
    id: row.id,
    status: row.status,
    centre: row.centreId,
    service: row.serviceId,
    start: rigaIso(row.startsAt),
    end: rigaIso(row.endsAt),
    bookingCode: row.bookingCode,
    channel: row.channel,
    name: row.clientName,
    email: row.clientEmail,
    phone: row.clientPhone,
    personalCode: row.clientPersonalCode,
    reason: row.reason,
    companion: row.companion,
    specialist: row.specialistId,
    notes: row.notes,
    lateMinutes: row.lateMinutes,
    arrivedAt: row.arrivedAt ? rigaIso(row.arrivedAt) : null,
    identityDocument: row.identityDocument,
    cancelReason: row.cancelReason,
  };
}

const tags = ['appointments'];

/** /api/v1/staff/{agency}/appointments…: the day's work and the setup, behind the agency gate. */
export async function appointmentsStaffApi(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = scoped.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/staff/:agency/appointments';
  const work = { permission: 'appointments.work' as const };

  api.get(
    base,
    { config: { permission: 'appointments.read' }, schema: { tags, summary: 'Day or week schedule, per centre and specialist (audited)', params: StaffAgencyParamsSchema, querystring: StaffScheduleQuerySchema, response: { 200: StaffScheduleResponseSchema } } },
    async (request) => {
      const q = request.query;
      const rows = await staffSchedule(deps, scopeOf(request), originOf(request), { date: q.date, days: q.view === 'week' ? 7 : 1, centre: q.centre, specialist: q.specialist });
      return { appointments: rows.map(staffJson) };
    },
  );

  api.post(
    base,
    {
      config: work,
      schema: { tags, summary: 'Book on a client’s behalf (e.g. by phone); the same rules as the public booking', params: StaffAgencyParamsSchema, body: StaffBookingBodySchema, response: { 201: BookingCreatedSchema, 200: BookingCreatedSchema.omit({ manageToken: true }) } },
    },
    async (request, reply) => {
      return sendBookingResult(reply, await staffBook(deps, scopeOf(request), originOf(request), { ...request.body, language: request.lang }));
    },
  );

  api.post(
    `${base}/capacity-changes`,
    {
      config: { permission: 'appointments.configure' as const },
      schema: { tags, summary: 'Close a centre or change its capacity for a date range; appointments beyond the new capacity are moved (move: true) or cancelled, and the clients e-mailed', params: StaffAgencyParamsSchema, body: CapacityChangeBodySchema, response: { 201: CapacityChangeResponseSchema } },
    },
    async (request, reply) => {
      const { change, cancelled, moved } = await changeCapacity(deps, scopeOf(request), originOf(request), request.body);
      return reply.status(201).send({ id: change.id, cancelled: cancelled.map((c) => c.id), moved: moved.map((m) => m.id) });
    },
  );

  api.get(
    `${base}/:id`,
    { config: { permission: 'appointments.read' }, schema: { tags, summary: 'One appointment (audited)', params: StaffAppointmentParamsSchema, response: { 200: StaffAppointmentSchema } } },
    async (request) => staffJson(await staffAppointment(deps, scopeOf(request), originOf(request), request.params.id)),
  );

  api.patch(
    `${base}/:id`,
    { config: work, schema: { tags, summary: 'Notes and the specialist', params: StaffAppointmentParamsSchema, body: StaffUpdateBodySchema, response: { 200: StaffAppointmentSchema } } },
    async (request) => staffJson(await staffUpdate(deps, scopeOf(request), originOf(request), request.params.id, request.body)),
  );

  api.post(
    `${base}/:id/check-in`,
    { config: work, schema: { tags, summary: 'Check in on arrival, recording the identity document checked', params: StaffAppointmentParamsSchema, body: CheckInBodySchema, response: { 200: StaffAppointmentSchema } } },
    async (request) => staffJson(await staffCheckIn(deps, scopeOf(request), originOf(request), request.params.id, request.body.identityDocument)),
  );

  api.post(
    `${base}/:id/outcome`,
    { config: work, schema: { tags, summary: 'Served or no-show', params: StaffAppointmentParamsSchema, body: OutcomeBodySchema, response: { 200: StaffAppointmentSchema } } },
    async (request) => staffJson(await staffOutcome(deps, scopeOf(request), originOf(request), request.params.id, request.body.outcome, request.body.identityDocument)),
  );

  api.post(
    `${base}/:id/cancel`,
    { config: work, schema: { tags, summary: 'Cancel by the agency (the client is e-mailed)', params: StaffAppointmentParamsSchema, body: StaffCancelBodySchema, response: { 200: StaffAppointmentSchema } } },
    async (request) => staffJson(await staffCancel(deps, scopeOf(request), originOf(request), request.params.id, request.body.reason)),
  );
}
