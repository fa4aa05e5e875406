import { withTransaction } from '../../platform/db/transaction.ts';
import { timingSafeEqual } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { appointmentById, releaseSeat, takeSeat, updateAppointment, type AppointmentRow } from './appointments.repository.ts';
import { SlotTakenError, allowedSlot, hashToken, resolvePlaceAndService, seatsCheckViolated, slotTaken } from './booking.service.ts';
import { rigaIso, toDate } from './time-format.ts';
import { isReminderManageToken } from './manage-link.ts';

const notFound = () => new AppError(404, 'appointment-not-found', 'appointments.errors.notFound');

/**
 * The appointment a manage link opens. A wrong or missing token answers exactly like an unknown id (404),
 * so the link cannot be probed; a right token on a finished or cancelled appointment gives 410.
 */
export async function openWithToken(deps: AppDeps, id: string, token: string | undefined, options: { forChange?: boolean } = {}): Promise<AppointmentRow> {
  const row = await appointmentById(deps.db, id);
  // The confirmation's token (its hash is stored) or the reminder's (an HMAC of the appointment, see manage-link.ts).
  if (!row || !token || !(sameHash(row.manageTokenHash, hashToken(token)) || (await isReminderManageToken(deps, row, token)))) throw notFound();
  if (options.forChange && (row.status !== 'booked' || row.endsAt.getTime() <= deps.clock().epochMilliseconds)) {
    throw new AppError(410, 'appointment-link-expired', 'appointments.errors.expired');
  }
  return row;
}

/** The client opened their appointment (page or API): a view of personal data, so it is audited. */
export async function auditClientView(deps: AppDeps, origin: AuditOrigin, row: AppointmentRow): Promise<void> {
  await recordAudit(deps.db, deps.clock, origin, { action: 'appointment.viewed', recordType: 'appointment', recordId: row.id, agency: row.agency, details: { by: 'client' } });
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client cancels: the seat goes back in the same transaction. */
export async function cancelByClient(deps: AppDeps, origin: AuditOrigin, row: AppointmentRow): Promise<AppointmentRow> {
  return withTransaction(deps.db, async (db) => {
    const updated = await updateAppointment(db, row.id, { status: 'cancelled', cancelledAt: toDate(deps.clock()), cancelReason: 'client' }, ['booked']);
    if (!updated) throw new AppError(409, 'appointment-not-changeable', 'appointments.errors.notChangeable');
    await releaseSeat(db, row.slotId);
    await recordAudit(db, deps.clock, origin, { action: 'appointment.cancelled', recordType: 'appointment', recordId: row.id, agency: row.agency, details: { by: 'client' } });
    return updated;
  });
}

/** The client announces being late. */
export async function announceLateness(deps: AppDeps, origin: AuditOrigin, row: AppointmentRow, minutes: number): Promise<AppointmentRow> {
  return withTransaction(deps.db, async (db) => {
    const updated = await updateAppointment(db, row.id, { lateMinutes: minutes }, ['booked']);
    if (!updated) throw new AppError(409, 'appointment-not-changeable', 'appointments.errors.notChangeable');
    await recordAudit(db, deps.clock, origin, { action: 'appointment.late', recordType: 'appointment', recordId: row.id, agency: row.agency, details: { minutes } });
    return updated;
  });
}

/**
 * Moves the appointment to another free slot (same service; same place unless another is named): the new seat
 * is taken and the old one given back in one transaction, so a failed move leaves the booking as it was.
 */
export async function reschedule(
  deps: AppDeps,
  origin: AuditOrigin,
  profile: AgencyProfile,
  row: AppointmentRow,
  change: { start: string; centre?: string | undefined },
): Promise<AppointmentRow> {
  const { place, service } = resolvePlaceAndService(profile, change.centre ?? row.centreId, row.serviceId);
  const request = { profile, place, service, start: Temporal.Instant.from(change.start), now: deps.clock(), calendar: await loadCalendar(deps) };
  const check = allowedSlot(request);
  const moved = await withTransaction(deps.db, async (db) => {
      const current = await appointmentById(db, row.id, true);
      if (!current || current.status !== 'booked') throw new AppError(409, 'appointment-not-changeable', 'appointments.errors.notChangeable');
      const key = { agency: profile.slug, centreId: place.id, serviceId: service.id, startsAt: toDate(check.slot.start) };
      const slotId = await takeSeat(db, key, toDate(check.slot.end), { profile: place.seatsFor(service.id), date: check.date });
      if (!slotId) throw new SlotTakenError();
      await releaseSeat(db, current.slotId);
      const updated = await updateAppointment(db, row.id, { slotId, centreId: place.id, startsAt: key.startsAt, endsAt: toDate(check.slot.end), reminderSentAt: null, lateMinutes: null });
      await recordAudit(db, deps.clock, origin, {
        action: 'appointment.rescheduled',
        recordType: 'appointment',
        recordId: row.id,
        agency: row.agency,
        details: { from: rigaIso(current.startsAt), to: rigaIso(check.slot.start), centre: place.id },
      });
      return updated;
    })
    .catch((error: unknown) => {
      // The seat is gone (or the slot is closed): answered below with the nearest free slots.
      if (error instanceof SlotTakenError || seatsCheckViolated(error)) return undefined;
      throw error;
    });
  if (!moved) throw await slotTaken(deps.db, request);
  return moved;
}
