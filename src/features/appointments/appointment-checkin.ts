import { normalizeBookingCode } from '../../domain/booking/index.ts';
import type { Database } from '../../platform/db/client.ts';
import { appointmentByCode, updateAppointment } from './appointments.repository.ts';
import type { AppointmentStatus } from './appointments.tables.ts';

// The queue's way in: kiosk and staff check-in of a booked client, and the outcome when the ticket ends.

export type CheckInAppointment = {
  id: string;
  agency: string;
  centreId: string;
  serviceId: string;
  start: Date;
  end: Date;
  clientName: string;
  bookingCode: string;
  status: AppointmentStatus;
};

/** The appointment with this booking code at this centre, whatever its status; undefined when there is none. */
export async function findAppointmentForCheckIn(db: Database, agency: string, centreId: string, bookingCode: string): Promise<CheckInAppointment | undefined> {
  const code = normalizeBookingCode(bookingCode);
  if (!code) return undefined;
  const row = await appointmentByCode(db, agency, centreId, code);
  if (!row) return undefined;
  return {
    id: row.id,
    agency: row.agency,
    centreId: row.centreId,
    serviceId: row.serviceId,
    start: row.startsAt,
    end: row.endsAt,
    clientName: row.clientName,
    bookingCode: row.bookingCode,
    status: row.status,
  };
}

/** Marks a booked appointment as arrived (kiosk or staff check-in); returns false if it was not in 'booked' state. Audited by the caller. */
export async function markAppointmentArrived(db: Database, appointmentId: string, at: Date): Promise<boolean> {
  return (await updateAppointment(db, appointmentId, { status: 'arrived', arrivedAt: at }, ['booked'])) !== undefined;
}

/** Marks an arrived appointment served or no-show (the queue calls this when the linked ticket ends). */
export async function markAppointmentOutcome(db: Database, appointmentId: string, outcome: 'served' | 'no-show', at: Date): Promise<boolean> {
  return (await updateAppointment(db, appointmentId, { status: outcome, outcomeAt: at }, ['arrived'])) !== undefined;
}
