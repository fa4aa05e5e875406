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
  // The confirmation's token (its hash is stored) or the reminder's (an HMAC of the appointment, see manage-link.ts).
  return openAppointment(deps, id, async (row) => Boolean(token) && (sameToken(row.manageTokenHash, token ?? '') || (await isReminderManageToken(deps, row, token ?? ''))), options);
}

/**
 * The appointment, when `allows` grants it (the manage link's token, or a client's own signed-in session): an
 * appointment not granted answers exactly like an unknown id (404); a finished or cancelled one, opened for a
 * change, gives 410.
 */
export async function openAppointment(deps: AppDeps, id: string, allows: (row: AppointmentRow) => boolean | Promise<boolean>, options: { forChange?: boolean } = {}): Promise<AppointmentRow> {
  const row = await appointmentById(deps.db, id);
  if (!row || !(await allows(row))) throw notFound();
  if (options.forChange && (row.status !== 'booked' || row.endsAt.getTime() <= deps.clock().epochMilliseconds)) {
    throw new AppError(410, 'appointment-link-expired', 'appointments.errors.expired');
  }
  return row;
}

/** How the client reached their appointment: the manage link (its token), or their own signed-in session (/{agency}/mani). */
export type ClientVia = 'link' | 'client-session';

/** Audit details of a client's own action: who, and (when not the manage link) how they got in. */
const byClient = (via: ClientVia) => (via === 'link' ? { by: 'client' } : { by: 'client', via });

/** The client opened their appointment (page or API): a view of personal data, so it is audited. */
export async function auditClientView(deps: AppDeps, origin: AuditOrigin, row: AppointmentRow, via: ClientVia = 'link'): Promise<void> {
  await recordAudit(deps.db, deps.clock, origin, { action: 'appointment.viewed', recordType: 'appointment', recordId: row.id, agency: row.agency, details: byClient(via) });
}

/** The manage link's token matches the stored hash (compared in constant time). */
export function sameToken(storedHash: string, token: string): boolean {
  return sameHash(storedHash, hashToken(token));
}

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The client cancels: the seat goes back in the same transaction. */
export async function cancelByClient(deps: AppDeps, origin: AuditOrigin, row: AppointmentRow, via: ClientVia = 'link'): Promise<AppointmentRow> {
  return withTransaction(deps.db, async (db) => {
    const updated = await updateAppointment(db, row.id, { status: 'cancelled', cancelledAt: toDate(deps.clock()), cancelReason: 'client' }, ['booked']);
    if (!updated) throw new AppError(409, 'appointment-not-changeable', 'appointments.errors.notChangeable');
    await releaseSeat(db, row.slotId);
    await recordAudit(db, deps.clock, origin, { action: 'appointment.cancelled', recordType: 'appointment', recordId: row.id, agency: row.agency, details: byClient(via) });
    return updated;
  });
}

/** The client announces being late. */
export async function announceLateness(deps: AppDeps, origin: AuditOrigin, row: AppointmentRow, minutes: number, via: ClientVia = 'link'): Promise<AppointmentRow> {
  return withTransaction(deps.db, async (db) => {
    const updated = await updateAppointment(db, row.id, { lateMinutes: minutes }, ['booked']);
    if (!updated) throw new AppError(409, 'appointment-not-changeable', 'appointments.errors.notChangeable');
    await recordAudit(db, deps.clock, origin, { action: 'appointment.late', recordType: 'appointment', recordId: row.id, agency: row.agency, details: { minutes, ...(via === 'link' ? {} : { via }) } });
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
  via: ClientVia = 'link',
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
        details: { from: rigaIso(current.startsAt), to: rigaIso(check.slot.start), centre: place.id, ...(via === 'link' ? {} : { via }) },
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
