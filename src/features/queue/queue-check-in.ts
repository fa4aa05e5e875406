import { Temporal } from 'temporal-polyfill';
import { queueDayOf } from '../../domain/queue/index.ts';
import type { AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { findAppointmentForCheckIn, markAppointmentArrived, markAppointmentOutcome } from '../appointments/appointment-checkin.ts';
import type { QueueCentre } from './queue-centre.ts';
import { issueTicket, type TicketView } from './queue-tickets.service.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;

function notFound(): AppError {
  return new AppError(404, 'booking-not-found', 'queue.errors.bookingNotFound', {}, [{ field: 'bookingCode', code: 'not_found', messageKey: 'queue.errors.bookingNotFound' }]);
}

function alreadyCheckedIn(): AppError {
  return new AppError(409, 'already-checked-in', 'queue.errors.alreadyCheckedIn', {}, [{ field: 'bookingCode', code: 'already_checked_in', messageKey: 'queue.errors.alreadyCheckedIn' }]);
}

/**
 * A client with an appointment today checks in with the booking code: the appointment is marked arrived and a
 * ticket joins the queue with the appointment's window, so counters call it first within that window.
 */
export async function checkInAtKiosk(deps: Deps, origin: AuditOrigin, centre: QueueCentre, bookingCode: string): Promise<TicketView> {
  if (!bookingCode.trim()) throw new AppError(400, 'booking-code-required', 'errors.field.required', {}, [{ field: 'bookingCode', code: 'required', messageKey: 'errors.field.required' }]);
  const appointment = await findAppointmentForCheckIn(deps.db, centre.agency.slug, centre.centre.id, bookingCode);
  const today = queueDayOf(deps.clock());
  if (!appointment || queueDayOf(Temporal.Instant.fromEpochMilliseconds(appointment.start.getTime())) !== today) throw notFound();
  if (appointment.status !== 'booked') {
    if (appointment.status === 'arrived') throw alreadyCheckedIn();
    throw notFound();
  }
  return issueTicket(deps, origin, centre, {
    service: appointment.serviceId,
    channel: 'check-in',
    appointment: { id: appointment.id, start: appointment.start, end: appointment.end },
    // Two presses of the same code: the second finds the appointment no longer 'booked'.
    alsoInTransaction: async (tx, now) => {
      if (!(await markAppointmentArrived(tx, appointment.id, now))) {
        throw alreadyCheckedIn();
      }
    },
  });
}

/** When a checked-in client's ticket ends, the appointment gets the same outcome (same transaction). */
export async function recordAppointmentOutcome(tx: Database, appointmentId: string | null, outcome: 'served' | 'no-show', at: Date): Promise<void> {
  if (appointmentId) await markAppointmentOutcome(tx, appointmentId, outcome, at);
}
