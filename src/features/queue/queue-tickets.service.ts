import { withTransaction } from '../../platform/db/transaction.ts';
import { formatTicketNumber, isCounterOpenToday, isExpired, queueDayOf, type TicketStatus } from '../../domain/queue/index.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { centreOpenNow, queueCentreOf, requireOpenCentre, requireService, type QueueCentre } from './queue-centre.ts';
import { publishQueueChange } from './queue-events.ts';
import { estimateFor, loadSnapshot, positionOf, waitingByService } from './queue-snapshot.ts';
import { findTicket, insertTicket, listCalled, nextRunningNumber, recentCalls, type TicketRow } from './queue.repository.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;
export type TicketChannel = 'kiosk' | 'api' | 'staff' | 'check-in';
export type ClientTicketStatus = TicketStatus | 'expired';

export type TicketView = {
  id: string;
  number: string;
  agency: string;
  centre: string;
  service: string;
  status: ClientTicketStatus;
  position: number | null;
  estimatedWaitMinutes: number | null;
  counter: number | null;
  day: string;
  issuedAt: string;
  calledAt: string | null;
  appointment: boolean;
  url: string;
};

export type AppointmentLink = { id: string; start: Date; end: Date };

export function ticketPath(ticket: Pick<TicketRow, 'agency' | 'centreId' | 'id'>): string {
  return `/${ticket.agency}/rinda/${ticket.centreId}/biletes/${ticket.id}`;
}

/**
 * Takes a ticket: the next running number of the service for today (a row-locked counter in the database),
 * one transaction with the audit event and the NOTIFY for the boards.
 */
export async function issueTicket(
  deps: Deps,
  origin: AuditOrigin,
  centre: QueueCentre,
  input: { service: string; channel: TicketChannel; appointment?: AppointmentLink; alsoInTransaction?: (tx: Database, now: Date) => Promise<void> },
): Promise<TicketView> {
  const service = requireService(centre, input.service);
  const instant = deps.clock();
  await requireOpenCentre(deps.db, centre, instant);
  const now = new Date(instant.epochMilliseconds);
  const day = queueDayOf(instant);
  const key = { agency: centre.agency.slug, centreId: centre.centre.id };
  const ticket = await withTransaction(deps.db, async (tx) => {
    await input.alsoInTransaction?.(tx, now);
    const runningNumber = await nextRunningNumber(tx, { ...key, serviceId: service.id, day });
    const row = await insertTicket(tx, {
      ...key,
      serviceId: service.id,
      day,
      runningNumber,
      number: formatTicketNumber(service.letter, runningNumber),
      channel: input.channel,
      issuedAt: now,
      issuedBy: origin.actorId,
      appointmentId: input.appointment?.id ?? null,
      appointmentStart: input.appointment?.start ?? null,
      appointmentEnd: input.appointment?.end ?? null,
      updatedAt: now,
    });
    await recordAudit(tx, deps.clock, origin, {
      action: 'queue.ticket-issued',
      recordType: 'queue-ticket',
      recordId: row.id,
      agency: key.agency,
      details: { centre: key.centreId, service: service.id, number: row.number, channel: input.channel },
    });
    await publishQueueChange(tx, { agency: key.agency, centre: key.centreId, kind: 'issued' });
    return row;
  });
  return describeTicket(deps, centre, ticket);
}

/** The ticket as its holder sees it: status, place in the queue, estimated wait, counter when called. */
export async function describeTicket(deps: Deps, centre: QueueCentre, ticket: TicketRow): Promise<TicketView> {
  const instant = deps.clock();
  const today = queueDayOf(instant);
  const expired = isExpired({ status: ticket.status, day: ticket.day }, today);
  let position: number | null = null;
  let estimate: number | null = null;
  if (ticket.status === 'waiting' && !expired) {
    const snapshot = await loadSnapshot(deps.db, centre, today);
    position = positionOf(snapshot, ticket, instant.epochMilliseconds);
    estimate = position === null ? null : estimateFor(snapshot, centre, ticket.serviceId, position - 1);
  }
  return {
    id: ticket.id,
    number: ticket.number,
    agency: ticket.agency,
    centre: ticket.centreId,
    service: ticket.serviceId,
    status: expired ? 'expired' : ticket.status,
    position,
    estimatedWaitMinutes: estimate,
    counter: ticket.status === 'called' || ticket.status === 'served' ? ticket.counterNo : null,
    day: ticket.day,
    issuedAt: ticket.issuedAt.toISOString(),
    calledAt: ticket.calledAt?.toISOString() ?? null,
    appointment: ticket.appointmentId !== null,
    url: `${deps.config.publicUrl}${ticketPath(ticket)}`,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A ticket by its id (anything that is not a known ticket id is 404). */
export async function findTicketView(deps: Deps, id: string): Promise<{ ticket: TicketRow; centre: QueueCentre; view: TicketView }> {
  const ticket = UUID.test(id) ? await findTicket(deps.db, id) : undefined;
  const profile = ticket ? deps.agencies.get(ticket.agency) : undefined;
  const centre = ticket && profile ? queueCentreOf(profile, ticket.centreId) : null;
  if (!ticket || !centre) throw new AppError(404, 'ticket-not-found', 'queue.errors.ticketNotFound');
  return { ticket, centre, view: await describeTicket(deps, centre, ticket) };
}

export type BoardState = {
  agency: string;
  centre: string;
  centreName: { lv: string; en: string };
  day: string;
  open: boolean;
  calls: Array<{ number: string; counter: number | null; service: string; status: TicketStatus; calledAt: string }>;
  counters: Array<{ counter: number; open: boolean; services: string[]; current: string | null }>;
  waiting: Array<{ service: string; letter: string; name: { lv: string; en: string }; waiting: number; estimatedWaitMinutes: number | null }>;
  generatedAt: string;
};

export const BOARD_CALLS = 8;

/** What the display board shows: the latest calls and where to go, the counters, the waiting and estimates. */
export async function boardState(deps: Pick<Deps, 'db' | 'clock'>, centre: QueueCentre): Promise<BoardState> {
  const instant = deps.clock();
  const day = queueDayOf(instant);
  const key = { agency: centre.agency.slug, centreId: centre.centre.id };
  const [snapshot, calls, called, open] = await Promise.all([
    loadSnapshot(deps.db, centre, day),
    recentCalls(deps.db, key, day, BOARD_CALLS),
    listCalled(deps.db, key, day),
    centreOpenNow(deps.db, centre, instant),
  ]);
  const byNumber = new Map(snapshot.counters.map((c) => [c.counterNo, c]));
  const numberOf = new Map(called.map((t) => [t.id, t.number]));
  return {
    agency: key.agency,
    centre: key.centreId,
    centreName: centre.centre.name,
    day,
    open: open.open,
    calls: calls.map((t) => ({ number: t.number, counter: t.counterNo, service: t.serviceId, status: t.status, calledAt: (t.calledAt as Date).toISOString() })),
    counters: Array.from({ length: centre.centre.counters }, (_, i) => {
      const row = byNumber.get(i + 1);
      const isOpen = row ? isCounterOpenToday({ open: row.open, openedDay: row.openedDay }, day) : false;
      const current = isOpen && row?.currentTicketId ? (numberOf.get(row.currentTicketId) ?? null) : null;
      return { counter: i + 1, open: isOpen, services: isOpen && row ? row.services : [], current };
    }),
    waiting: waitingByService(snapshot, centre),
    generatedAt: instant.toString(),
  };
}
