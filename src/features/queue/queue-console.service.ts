import { and, eq } from 'drizzle-orm';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { QueueCentre } from './queue-centre.ts';
import { findTicket } from './queue.repository.ts';

export type CalledAppointment = { start: Date; end: Date; name: string; companion: 'none' | 'assistant' | 'interpreter'; reason: string | null };

/** What the specialist needs about the client at the counter: the service, the booking if any, the ID prompt. */
export type CalledDetails = { serviceName: { lv: string; en: string }; identityDocument: boolean; appointment: CalledAppointment | null };

/**
 * The called ticket's details for the counter console. The booking holds personal data: reading it is recorded
 * in the audit log; another agency's ticket finds nothing.
 */
export async function calledTicketDetails(deps: Pick<AppDeps, 'db' | 'clock'>, scope: AgencyScope, origin: AuditOrigin, centre: QueueCentre, ticketId: string): Promise<CalledDetails | null> {
  const ticket = await findTicket(deps.db, ticketId);
  if (!ticket || ticket.agency !== scope.agency) return null;
  const service = centre.services.find((s) => s.id === ticket.serviceId);
  const profileService = centre.agency.services.find((s) => s.id === ticket.serviceId);
  let appointment: CalledAppointment | null = null;
  if (ticket.appointmentId) {
    const [row] = await deps.db
      .select({ start: appointments.startsAt, end: appointments.endsAt, name: appointments.clientName, companion: appointments.companion, reason: appointments.reason })
      .from(appointments)
      .where(and(eq(appointments.id, ticket.appointmentId), eq(appointments.agency, scope.agency)));
    if (row) {
      appointment = row;
      await recordAudit(deps.db, deps.clock, origin, { action: 'appointment.viewed-at-counter', recordType: 'appointment', recordId: ticket.appointmentId, agency: scope.agency, details: { ticket: ticket.id } });
    }
  }
  return {
    serviceName: service?.name ?? profileService?.name ?? { lv: ticket.serviceId, en: ticket.serviceId },
    identityDocument: profileService?.identityDocument ?? false,
    appointment,
  };
}
