import { z } from 'zod';
import { catalogMessage } from '../../platform/http/problem.ts';
import { RequesterSchema } from '../inquiries/inquiries.schema.ts';
import { APPOINTMENT_STATUSES, COMPANION_KINDS } from './appointments.tables.ts';

const isoDate = z.iso.date();
const offsetDateTime = z.iso.datetime({ offset: true }).describe('ISO 8601 with offset, e.g. 2026-11-19T09:05:00+02:00');

export const AgencySlugParamsSchema = z.object({ slug: z.string().min(1).max(40) });
export const AppointmentIdParamsSchema = z.object({ id: z.uuid() });

export const CentresResponseSchema = z.object({
  centres: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      address: z.string(),
      services: z.array(z.object({ id: z.string(), name: z.string(), durationMinutes: z.number().int() })),
      video: z.boolean().describe('A video-consultation location (VPVKAC), not an agency centre'),
    }),
  ),
});

export const SlotsQuerySchema = z
  .object({
    service: z.string().min(1).max(63),
    centre: z.string().min(1).max(63).optional().describe('One centre; all that offer the service when absent'),
    from: isoDate,
    to: isoDate,
  })
  .refine((q) => q.from <= q.to, { path: ['to'], ...catalogMessage('appointments.errors.endBeforeStart') })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 62 * 86_400_000, {
    path: ['to'],
    ...catalogMessage('appointments.errors.rangeTooLong'),
  });

export const SlotSchema = z.object({
  start: z.string(),
  end: z.string(),
  centre: z.string(),
  service: z.string(),
  free: z.number().int().describe('Seats left'),
});
export const SlotsResponseSchema = z.object({ slots: z.array(SlotSchema) });

/** POST /api/v1/agencies/{slug}/appointments (also what the booking form and staff booking send). */
export const BookingBodySchema = RequesterSchema.extend({
  service: z.string().min(1).max(63),
  centre: z.string().min(1).max(63),
  start: offsetDateTime,
  reason: z.string().trim().max(2000).optional().transform((r) => (r ? r : undefined)),
  assistant: z.enum(COMPANION_KINDS).optional().describe('Whether an assistant or an interpreter comes with the client'),
  idempotencyKey: z.string().trim().min(8).max(100).optional().describe('Repeat the same key to retry safely: the same appointment is answered'),
})
  .strict()
  .refine((b) => Boolean(b.email || b.phone), {
    path: ['email'],
    ...catalogMessage('appointments.errors.contactRequired'),
  });
export type BookingBody = z.infer<typeof BookingBodySchema>;

export const BookingCreatedSchema = z.object({
  id: z.uuid(),
  manageToken: z.string().describe('Shown once: with the id it lets the client see, change or cancel the appointment'),
  start: z.string(),
  end: z.string(),
  centre: z.string(),
  bookingCode: z.string().describe('Six characters to type at the queue kiosk on arrival'),
});

export const ManageQuerySchema = z.object({ token: z.string().max(200).optional() });

export const ClientAppointmentSchema = z.object({
  id: z.uuid(),
  status: z.enum(APPOINTMENT_STATUSES),
  service: z.string(),
  centre: z.string(),
  start: z.string(),
  end: z.string(),
  bookingCode: z.string(),
  name: z.string(),
  lateMinutes: z.number().int().nullable(),
});

export const ClientChangeBodySchema = z
  .object({
    start: offsetDateTime.optional().describe('Move the appointment to this free slot (same service and centre unless `centre` is given)'),
    centre: z.string().min(1).max(63).optional(),
    lateMinutes: z.number().int().min(1).max(120).optional().describe('Announce lateness'),
  })
  .strict()
  .refine((b) => b.start !== undefined || b.lateMinutes !== undefined, {
    path: ['start'],
    ...catalogMessage('appointments.errors.changeRequired'),
  });

// Staff API (/api/v1/staff/{agency}/appointments…).
export const StaffAgencyParamsSchema = z.object({ agency: z.string().min(1).max(40) });
export const StaffAppointmentParamsSchema = StaffAgencyParamsSchema.extend({ id: z.uuid() });

export const StaffScheduleQuerySchema = z.object({
  date: isoDate.describe('First day (Riga)'),
  view: z.enum(['day', 'week']).default('day'),
  centre: z.string().min(1).max(63).optional(),
  specialist: z.string().min(1).max(63).optional(),
});

export const StaffAppointmentSchema = z.object({
  id: z.uuid(),
  status: z.enum(APPOINTMENT_STATUSES),
  centre: z.string(),
  service: z.string(),
  start: z.string(),
  end: z.string(),
  bookingCode: z.string(),
  channel: z.string(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  personalCode: z.string().nullable(),
  reason: z.string().nullable(),
  companion: z.enum(COMPANION_KINDS),
  specialist: z.string().nullable(),
  notes: z.string(),
  lateMinutes: z.number().int().nullable(),
  arrivedAt: z.string().nullable(),
  identityDocument: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export const StaffScheduleResponseSchema = z.object({ appointments: z.array(StaffAppointmentSchema) });

export const StaffBookingBodySchema = BookingBodySchema;

export const IDENTITY_DOCUMENT_KINDS = ['passport', 'id-card', 'residence-permit', 'other'] as const;
export const CheckInBodySchema = z.object({ identityDocument: z.enum(IDENTITY_DOCUMENT_KINDS).describe('The identity document the staff member checked') }).strict();
export const OutcomeBodySchema = z
  .object({
    outcome: z.enum(['served', 'no-show']),
    identityDocument: z.enum(IDENTITY_DOCUMENT_KINDS).optional().describe('Served after a kiosk check-in: the identity document checked now (required when the service needs identification)'),
  })
  .strict();
export const StaffUpdateBodySchema = z
  .object({ notes: z.string().max(4000).optional(), specialist: z.string().min(1).max(63).nullable().optional() })
  .strict()
  // An empty change is the client's mistake (a 400 naming both fields), not an empty UPDATE reaching the database.
  .refine((b) => b.notes !== undefined || b.specialist !== undefined, {
    path: ['notes'],
    ...catalogMessage('appointments.errors.staffChangeRequired'),
  });
export const StaffCancelBodySchema = z.object({ reason: z.string().trim().min(1).max(500) }).strict();

export const CapacityChangeBodySchema = z
  .object({
    centre: z.string().min(1).max(63),
    service: z.string().min(1).max(63).optional().describe('One service; the whole centre when absent'),
    from: isoDate,
    to: isoDate,
    capacity: z.number().int().min(0).max(50).describe('0 closes the centre (or service) for the range'),
    reason: z.string().trim().min(1).max(500),
    move: z.boolean().default(false).describe('Move appointments beyond the new capacity to the nearest free time (±7 days) instead of cancelling them; cancelled when none is free'),
  })
  .strict()
  .refine((b) => b.from <= b.to, { path: ['to'], ...catalogMessage('appointments.errors.endBeforeStart') });
export const CapacityChangeResponseSchema = z.object({ id: z.uuid(), cancelled: z.array(z.uuid()), moved: z.array(z.uuid()) });
