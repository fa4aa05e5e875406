import { isConstraintViolation, violatedConstraint } from '../../platform/db/constraint-violation.ts';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { BOOKING_CODE_LENGTH, bookingCodeFrom, checkRequestedSlot, type SlotCheck, type SlotRejection } from '../../domain/booking/index.ts';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import type { AuditOrigin } from '../../platform/audit/audit.ts';
import { auditEvent } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { Database } from '../../platform/db/client.ts';
import { outboxRowFor } from '../../platform/mail/mail.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { confirmationMail } from './appointment-mail.ts';
import { appointmentByIdempotencyKey, bookSeat, type AppointmentRow, type NewBooking } from './appointments.repository.ts';
import type { BookingBody } from './appointments.schema.ts';
import { bookingRulesOf, findPlace, findService, type Place, type Service } from './places.ts';
import { nearestFreeSlots } from './slot-search.service.ts';
import { rigaIso, toDate } from './time-format.ts';

export type BookingRequest = {
  [K in keyof BookingBody]?: BookingBody[K] | undefined;
} & Pick<BookingBody, 'service' | 'centre' | 'start' | 'name'> & { channel: 'web' | 'api' | 'staff'; language: 'lv' | 'en'; createdBy?: string | null };
export type BookingResult = { appointment: AppointmentRow; manageToken: string | undefined; duplicate: boolean };

const MANAGE_TOKEN_BYTES = 24;

const REJECTION_MESSAGES: Record<SlotRejection, MessageKey> = {
  past: 'appointments.rejections.past',
  'non-working-day': 'appointments.rejections.nonWorkingDay',
  'outside-hours': 'appointments.rejections.outsideHours',
  'not-slot-start': 'appointments.rejections.notSlotStart',
  'min-notice': 'appointments.rejections.minNotice',
  'beyond-horizon': 'appointments.rejections.beyondHorizon',
  'service-not-offered': 'appointments.rejections.serviceNotOffered',
};

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A 422 naming the one field that is wrong and why. */
export function invalidField(field: string, code: string, messageKey: MessageKey, values: Record<string, unknown> = {}): AppError {
  return new AppError(422, 'appointment-invalid', 'appointments.errors.invalid', {}, [{ field, code, messageKey, values }]);
}

/** The place and service a request names, or a 422 on the field that is wrong. */
export function resolvePlaceAndService(profile: AgencyProfile, centreId: string, serviceId: string): { place: Place; service: Service } {
  const service = findService(profile, serviceId);
  if (!service) throw invalidField('service', 'unknown-service', 'appointments.errors.unknownService');
  const place = findPlace(profile, centreId);
  if (!place) throw invalidField('centre', 'unknown-centre', 'appointments.errors.unknownCentre');
  return { place, service };
}

type SlotRequest = { profile: AgencyProfile; place: Place; service: Service; start: Temporal.Instant; now: Temporal.Instant; calendar: LatvianCalendar };

/** The requested start as a slot the booking rules allow, or a 422 on `start` with the reason. */
export function allowedSlot({ profile, place, service, start, now, calendar }: SlotRequest): Extract<SlotCheck, { ok: true }> {
  const check = checkRequestedSlot({ place, service, start, now, rules: bookingRulesOf(profile), calendar });
  if (!check.ok) throw invalidField('start', check.reason, REJECTION_MESSAGES[check.reason], { days: profile.booking.minNoticeWorkingDays });
  return check;
}

/** The 409 for a seat that is gone, with the nearest free slots of the service at the place. */
export async function slotTaken(db: Database, { profile, place, service, start, now, calendar }: SlotRequest): Promise<AppError> {
  const nearest = await nearestFreeSlots(db, calendar, now, profile, service, place, start);
  return new AppError(409, 'slot-taken', 'appointments.errors.slotTaken', {}, [], {
    nearestSlots: nearest.map((s) => ({ start: s.startIso, end: s.endIso, centre: s.centre, service: s.service, free: s.free })),
  });
}

/**
 * Books a seat: rules checked first (422 with the reason on `start`), then one statement takes the seat in
 * the database (409 with the nearest free slots when it is gone) and stores the appointment, the audit event and
 * the confirmation e-mail. A repeated idempotency key answers the first appointment (duplicate: true).
 */
export async function bookAppointment(deps: AppDeps, origin: AuditOrigin, profile: AgencyProfile, request: BookingRequest): Promise<BookingResult> {
  const { place, service } = resolvePlaceAndService(profile, request.centre, request.service);
  if (profile.booking.requiresElectronicImpossibleReason && !request.reason) {
    throw invalidField('reason', 'required', 'appointments.errors.reasonRequired');
  }
  if (request.idempotencyKey) {
    const earlier = await appointmentByIdempotencyKey(deps.db, profile.slug, request.idempotencyKey);
    if (earlier) return { appointment: earlier, manageToken: undefined, duplicate: true };
  }
  const now = deps.clock();
  const calendar = await loadCalendar(deps);
  const start = Temporal.Instant.from(request.start);
  const check = allowedSlot({ profile, place, service, start, now, calendar });

  for (let attempt = 0; ; attempt++) {
    try {
      // One draw for the manage token and the booking code: each randomBytes call has a fixed cost (issue 18).
      const random = randomBytes(MANAGE_TOKEN_BYTES + BOOKING_CODE_LENGTH);
      const manageToken = random.subarray(0, MANAGE_TOKEN_BYTES).toString('base64url');
      const stamp = { manageTokenHash: hashToken(manageToken), codeBytes: random.subarray(MANAGE_TOKEN_BYTES), createdAt: toDate(now) };
      const booking = newBooking(profile, place, service, check.slot, request, stamp);
      const audit = auditEvent(deps.clock, origin, {
        action: 'appointment.booked',
        recordType: 'appointment',
        recordId: booking.id,
        agency: profile.slug,
        details: { centre: place.id, service: service.id, start: rigaIso(check.slot.start), channel: request.channel },
      });
      const mail = confirmationMail(deps, profile, booking, manageToken);
      const seats = { profile: place.seatsFor(service.id), date: check.date };
      const appointment = await bookSeat(deps.db, booking, seats, { audit, mail: mail && outboxRowFor(deps, mail) });
      if (!appointment) throw new SlotTakenError();
      return { appointment, manageToken, duplicate: false };
    } catch (error) {
      if (error instanceof SlotTakenError || seatsCheckViolated(error)) {
        // The same form submitted twice at once: the first took the seat, the second answers with it.
        const earlier = request.idempotencyKey ? await appointmentByIdempotencyKey(deps.db, profile.slug, request.idempotencyKey) : undefined;
        if (earlier) return { appointment: earlier, manageToken: undefined, duplicate: true };
        throw await slotTaken(deps.db, { profile, place, service, start, now, calendar });
      }
      const constraint = uniqueViolation(error);
      if (constraint === 'appointments_idempotency_key' && request.idempotencyKey) {
        const earlier = await appointmentByIdempotencyKey(deps.db, profile.slug, request.idempotencyKey);
        if (earlier) return { appointment: earlier, manageToken: undefined, duplicate: true };
      }
      // A booking code already taken (n in 244 million with n codes of the agency stored): draw again.
      if (constraint === 'appointments_booking_code_key' && attempt < 3) continue;
      throw error;
    }
  }
}

/** The appointment row a request books, with a fresh id and booking code. */
function newBooking(
  profile: AgencyProfile,
  place: Place,
  service: Service,
  slot: { start: Temporal.Instant; end: Temporal.Instant },
  request: BookingRequest,
  stamp: { manageTokenHash: string; codeBytes: Uint8Array; createdAt: Date },
): NewBooking {
  return {
    id: randomUUID(),
    agency: profile.slug,
    centreId: place.id,
    serviceId: service.id,
    startsAt: toDate(slot.start),
    endsAt: toDate(slot.end),
    bookingCode: bookingCodeFrom(stamp.codeBytes),
    manageTokenHash: stamp.manageTokenHash,
    idempotencyKey: request.idempotencyKey ?? null,
    channel: request.channel,
    clientName: request.name,
    clientEmail: request.email ?? null,
    clientPhone: request.phone ?? null,
    clientPersonalCode: request.personalCode ?? null,
    reason: request.reason ?? null,
    companion: request.assistant ?? 'none',
    language: request.language,
    createdBy: request.createdBy ?? null,
    createdAt: stamp.createdAt,
  };
}

export class SlotTakenError extends Error {}

/** A new seat row for a closed slot (capacity 0) is refused by the seats CHECK constraint. */
export function seatsCheckViolated(error: unknown): boolean {
  return isConstraintViolation(error, 'check', 'appointment_slots_seats_check');
}

/** The unique constraint a PostgreSQL error broke. */
export function uniqueViolation(error: unknown): string | undefined {
  return violatedConstraint(error, 'unique');
}
