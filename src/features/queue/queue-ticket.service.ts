import { and, eq } from 'drizzle-orm';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { withTransaction } from '../../platform/db/transaction.ts';
import { AppError } from '../../platform/http/problem.ts';
import { queueTickets } from './queue.tables.ts';

/**
 * One queue ticket as staff see it from the figures (the tickets that waited longest): when it was taken, called
 * and closed, where, for which service, at which counter and how it ended. Nothing about who: a ticket names no
 * one, and the client of a booked visit (appointment_id) is only a yes/no here.
 */
export type TicketDetail = {
  id: string;
  number: string;
  day: string;
  centreId: string;
  serviceId: string;
  status: (typeof queueTickets.$inferSelect)['status'];
  issuedAt: Date;
  firstCalledAt: Date | null;
  finishedAt: Date | null;
  counterNo: number | null;
  recalls: number;
  withAppointment: boolean;
  /** Whole minutes from taking the ticket to the first call (as the figures count it); null: never called. */
  waitedMinutes: number | null;
};

/** The ticket of the staff member's agency, read in one transaction with its audit event; 404 for any other. */
export async function viewTicket(deps: Pick<AppDeps, 'db' | 'clock'>, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<TicketDetail> {
  return withTransaction(deps.db, async (db) => {
    const [row] = await db
      .select({
        id: queueTickets.id,
        number: queueTickets.number,
        day: queueTickets.day,
        centreId: queueTickets.centreId,
        serviceId: queueTickets.serviceId,
        status: queueTickets.status,
        issuedAt: queueTickets.issuedAt,
        firstCalledAt: queueTickets.firstCalledAt,
        finishedAt: queueTickets.finishedAt,
        counterNo: queueTickets.counterNo,
        recalls: queueTickets.recalls,
        appointmentId: queueTickets.appointmentId,
      })
      .from(queueTickets)
      .where(and(eq(queueTickets.agency, scope.agency), eq(queueTickets.id, id)))
      .limit(1);
    if (!row) throw new AppError(404, 'ticket-not-found', 'queue.errors.ticketNotFound');
    await recordAudit(db, deps.clock, origin, { action: 'queue.ticket-viewed', recordType: 'queue-ticket', recordId: row.id, agency: scope.agency, details: { centre: row.centreId } });
    const { appointmentId, ...ticket } = row;
    const waitedMinutes = ticket.firstCalledAt ? Math.floor((ticket.firstCalledAt.getTime() - ticket.issuedAt.getTime()) / 60_000) : null;
    return { ...ticket, withAppointment: appointmentId !== null, waitedMinutes };
  });
}

export const ticketPath = (agency: string, id: string) => `/staff/${agency}/rinda/biletes/${id}`;
