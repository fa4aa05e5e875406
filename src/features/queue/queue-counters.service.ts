import { withTransaction } from '../../platform/db/transaction.ts';
import { callOrder, canApply, dailyFigures, isCounterOpenToday, queueDayOf, type DailyFigures, type TicketAction } from '../../domain/queue/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { auditEvent, recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { readsOf, type AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { requireCentre, requireCounterNumber, requireService, type QueueCentre } from './queue-centre.ts';
import { inviteToSurvey } from '../feedback/survey-invitations.service.ts';
import { checkIdentityOnServe, type IdentityDocumentKind } from '../registers/identity-check.ts';
import { recordAppointmentOutcome } from './queue-check-in.ts';
import { publishQueueChange, queueChangePayload } from './queue-events.ts';
import { asWaitingTicket } from './queue-snapshot.ts';
import {
  firstCallAt,
  listCalled,
  listCounters,
  listWaiting,
  lockCounter,
  lockFirstStillWaiting,
  lockTicketInAgency,
  markCounterCalled,
  nextRunningNumber,
  releaseCounterOf,
  ticketsOfDay,
  updateCounter,
  updateTicket,
  type CounterRow,
  type TicketRow,
} from './queue.repository.ts';

type Deps = Pick<AppDeps, 'db' | 'readDb' | 'clock' | 'agencies' | 'config'>;

export type CounterView = { counter: number; open: boolean; services: string[]; current: { id: string; number: string; service: string } | null };

/** The centre of the staff member's own agency (Treasury staff never reach VSAA's: the gate refuses them first). */
export function staffCentre(deps: Pick<AppDeps, 'agencies'>, scope: AgencyScope, centreId: string): QueueCentre {
  const profile = deps.agencies.get(scope.agency);
  if (!profile) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
  return requireCentre(profile, centreId);
}

async function inTransaction<T>(deps: Deps, work: (tx: Database, now: Date, day: string) => Promise<T>): Promise<T> {
  const instant = deps.clock();
  return withTransaction(deps.db, (transaction) => work(transaction, new Date(instant.epochMilliseconds), queueDayOf(instant)));
}

function counterView(row: CounterRow | undefined, counter: number, day: string, current: TicketRow | null): CounterView {
  const open = row ? isCounterOpenToday({ open: row.open, openedDay: row.openedDay }, day) : false;
  return { counter, open, services: open && row ? row.services : [], current: current ? { id: current.id, number: current.number, service: current.serviceId } : null };
}

/** Every counter of the centre with its state and the ticket it has called; a staff view (audited). */
export async function listCentreCounters(deps: Deps, scope: AgencyScope, origin: AuditOrigin, centre: QueueCentre): Promise<CounterView[]> {
  const day = queueDayOf(deps.clock());
  const key = { agency: scope.agency, centreId: centre.centre.id };
  const [rows, called] = await Promise.all([listCounters(deps.db, key), listCalled(deps.db, key, day)]);
  await recordAudit(deps.db, deps.clock, origin, { action: 'queue.counters-viewed', recordType: 'queue-centre', recordId: centre.centre.id, agency: scope.agency });
  return Array.from({ length: centre.centre.counters }, (_, i) => {
    const row = rows.find((r) => r.counterNo === i + 1);
    const current = row?.currentTicketId ? (called.find((t) => t.id === row.currentTicketId) ?? null) : null;
    return counterView(row, i + 1, day, current);
  });
}

/** Opens the counter (or changes its services while open): idempotent. */
export async function openCounter(deps: Deps, scope: AgencyScope, origin: AuditOrigin, centre: QueueCentre, counter: number, services: string[]): Promise<CounterView> {
  requireCounterNumber(centre, counter);
  if (services.length === 0) throw new AppError(400, 'services-required', 'queue.errors.servicesRequired', {}, [{ field: 'services', code: 'too_small', messageKey: 'queue.errors.servicesRequired' }]);
  services.forEach((s, i) => requireService(centre, s, `services.${i}`));
  const unique = [...new Set(services)];
  const key = { agency: scope.agency, centreId: centre.centre.id, counterNo: counter };
  return inTransaction(deps, async (tx, now, day) => {
    await lockCounter(tx, key, now);
    const row = await updateCounter(tx, key, { open: true, services: unique, openedDay: day, openedBy: scope.actor.id, updatedAt: now });
    await recordAudit(tx, deps.clock, origin, { action: 'queue.counter-opened', recordType: 'queue-counter', recordId: `${centre.centre.id}/${counter}`, agency: scope.agency, details: { services: unique } });
    await publishQueueChange(tx, { agency: scope.agency, centre: centre.centre.id, kind: 'counter' });
    return counterView(row, counter, day, null);
  });
}

async function currentCalled(tx: Database, scope: AgencyScope, row: CounterRow, day: string): Promise<TicketRow | null> {
  if (!row.currentTicketId) return null;
  const ticket = await lockTicketInAgency(tx, scope.agency, row.currentTicketId);
  return ticket && ticket.status === 'called' && ticket.day === day ? ticket : null;
}

function counterBusy(ticket: TicketRow): AppError {
  return new AppError(409, 'counter-busy', 'queue.errors.counterBusy', { number: ticket.number }, [], { ticket: { id: ticket.id, number: ticket.number } });
}

/** Closes the counter; refused while it has a client called (mark them first). Closing a closed counter is a no-op. */
export async function closeCounter(deps: Deps, scope: AgencyScope, origin: AuditOrigin, centre: QueueCentre, counter: number): Promise<CounterView> {
  requireCounterNumber(centre, counter);
  const key = { agency: scope.agency, centreId: centre.centre.id, counterNo: counter };
  return inTransaction(deps, async (tx, now, day) => {
    const row = await lockCounter(tx, key, now);
    const called = await currentCalled(tx, scope, row, day);
    if (called) throw counterBusy(called);
    const closed = await updateCounter(tx, key, { open: false, currentTicketId: null, updatedAt: now });
    await recordAudit(tx, deps.clock, origin, { action: 'queue.counter-closed', recordType: 'queue-counter', recordId: `${centre.centre.id}/${counter}`, agency: scope.agency });
    await publishQueueChange(tx, { agency: scope.agency, centre: centre.centre.id, kind: 'counter' });
    return counterView(closed, counter, day, null);
  });
}

/** How many candidates one lock attempt considers: enough to step past those other counters are taking. */
const CALL_CANDIDATES = 10;

/**
 * Calls the next client to the counter by the centre's policy. The counter row is locked (two presses at one
 * counter run in turn: the second finds a client already called → 409), and the candidates are locked with
 * FOR UPDATE SKIP LOCKED (two counters pressing at once never get the same ticket). Null when nobody waits.
 */
export async function callNext(
  deps: Deps,
  scope: AgencyScope,
  origin: AuditOrigin,
  centre: QueueCentre,
  counter: number,
  onlyService?: string,
): Promise<TicketRow | null> {
  requireCounterNumber(centre, counter);
  if (onlyService !== undefined) requireService(centre, onlyService);
  const key = { agency: scope.agency, centreId: centre.centre.id };
  return inTransaction(deps, async (tx, now, day) => {
    const row = await lockCounter(tx, { ...key, counterNo: counter }, now);
    if (!isCounterOpenToday({ open: row.open, openedDay: row.openedDay }, day)) throw new AppError(409, 'counter-closed', 'queue.errors.counterClosed');
    if (onlyService !== undefined && !row.services.includes(onlyService)) {
      throw new AppError(409, 'service-not-served', 'queue.errors.serviceNotServed', {}, [{ field: 'service', code: 'service_not_served', messageKey: 'queue.errors.serviceNotServed' }]);
    }
    const busy = await currentCalled(tx, scope, row, day);
    if (busy) throw counterBusy(busy);
    const services = onlyService !== undefined ? [onlyService] : row.services;
    const order = callOrder((await listWaiting(tx, key, day)).map(asWaitingTicket), { number: counter, services }, now.getTime());
    for (let start = 0; start < order.length; start += CALL_CANDIDATES) {
      const chosen = await lockFirstStillWaiting(tx, order.slice(start, start + CALL_CANDIDATES).map((t) => t.id));
      if (!chosen) continue;
      const ticket = await updateTicket(tx, chosen, { status: 'called', counterNo: counter, targetCounterNo: null, calledAt: now, firstCalledAt: firstCallAt(now), updatedAt: now });
      await markCounterCalled(tx, { ...key, counterNo: counter }, {
        ticketId: ticket.id,
        now,
        audit: auditEvent(deps.clock, origin, { action: 'queue.ticket-called', recordType: 'queue-ticket', recordId: ticket.id, agency: scope.agency, details: { counter, number: ticket.number } }),
        payload: queueChangePayload({ agency: scope.agency, centre: centre.centre.id, kind: 'called' }),
      });
      return ticket;
    }
    return null;
  });
}

export type TicketActionInput =
  | { action: Exclude<TicketAction, 'transfer' | 'served'> }
  | { action: 'served'; identityDocument?: IdentityDocumentKind | undefined }
  | { action: 'transfer'; service?: string | undefined; counter?: number | undefined };

function transferChanges(centre: QueueCentre, ticket: TicketRow, input: { service?: string | undefined; counter?: number | undefined }) {
  if (input.service === undefined && input.counter === undefined) {
    throw new AppError(400, 'transfer-target', 'queue.errors.transferTarget', {}, [{ field: 'service', code: 'required', messageKey: 'queue.errors.transferTarget' }]);
  }
  const service = input.service !== undefined ? requireService(centre, input.service).id : ticket.serviceId;
  const counter = input.counter !== undefined ? requireCounterNumber(centre, input.counter) : null;
  if (counter !== null && counter === ticket.counterNo) {
    throw new AppError(400, 'transfer-same-counter', 'queue.errors.transferSameCounter', {}, [{ field: 'counter', code: 'same_counter', messageKey: 'queue.errors.transferSameCounter' }]);
  }
  return { serviceId: service, targetCounterNo: counter };
}

/**
 * Recall, served, no-show or transfer of a called ticket. The ticket row is locked; a ticket that is no longer
 * called (a double press, another screen was quicker) is a clear 409, never a second change.
 */
export async function actOnTicket(deps: Deps, scope: AgencyScope, origin: AuditOrigin, ticketId: string, input: TicketActionInput): Promise<TicketRow> {
  return inTransaction(deps, async (tx, now, day) => {
    const ticket = await lockTicketInAgency(tx, scope.agency, ticketId);
    if (!ticket) throw new AppError(404, 'ticket-not-found', 'queue.errors.ticketNotFound');
    const centre = staffCentre(deps, scope, ticket.centreId);
    if (!canApply(ticket.status) || ticket.day !== day) {
      throw new AppError(409, 'ticket-not-called', 'queue.errors.ticketNotCalled', { number: ticket.number, status: ticket.day !== day ? 'expired' : ticket.status }, [], { ticketStatus: ticket.status });
    }
    const key = { agency: scope.agency, centreId: ticket.centreId };
    let updated: TicketRow;
    if (input.action === 'recall') {
      updated = await updateTicket(tx, ticket.id, { calledAt: now, recalls: ticket.recalls + 1, updatedAt: now });
    } else if (input.action === 'transfer') {
      const changes = transferChanges(centre, ticket, input);
      // The client keeps the number on their slip (P-001 stays P-001). Running numbers are unique per service
      // and day, so a ticket moving to another service takes that service's next one: two services' "001"
      // never collide (queue_tickets_number_key).
      const runningNumber = changes.serviceId !== ticket.serviceId ? await nextRunningNumber(tx, { ...key, serviceId: changes.serviceId, day }) : ticket.runningNumber;
      updated = await updateTicket(tx, ticket.id, { ...changes, runningNumber, status: 'waiting', counterNo: null, calledAt: null, updatedAt: now });
      await releaseCounterOf(tx, key, ticket.id, now);
    } else {
      // Identity-document check (registers feature): required for a service the profile marks, never a number.
      if (input.action === 'served') await checkIdentityOnServe(tx, centre.agency, ticket, input.identityDocument, { agency: scope.agency, staffId: scope.actor.id, at: now });
      updated = await updateTicket(tx, ticket.id, { status: input.action, finishedAt: now, updatedAt: now });
      await releaseCounterOf(tx, key, ticket.id, now);
      await recordAppointmentOutcome(tx, ticket.appointmentId, input.action, now);
      // A served client can rate the service: the ticket page shows the survey link and its QR code.
      if (input.action === 'served') {
        await inviteToSurvey(
          deps,
          { agency: scope.agency, contactKind: 'ticket', contactRef: ticket.id, centreId: ticket.centreId, staffId: scope.actor.id, lang: 'lv' },
          { db: tx, origin },
        );
      }
    }
    const details = input.action === 'transfer' ? { from: { service: ticket.serviceId, counter: ticket.counterNo }, to: { service: updated.serviceId, counter: updated.targetCounterNo } } : { counter: ticket.counterNo };
    await recordAudit(tx, deps.clock, origin, { action: `queue.ticket-${input.action}`, recordType: 'queue-ticket', recordId: ticket.id, agency: scope.agency, details: { number: ticket.number, ...details, ...(input.action === 'served' && input.identityDocument ? { identityDocument: input.identityDocument } : {}) } });
    await publishQueueChange(tx, { agency: scope.agency, centre: ticket.centreId, kind: input.action });
    return updated;
  });
}

/** The centre's figures for a day (a staff view, audited). */
export async function centreFigures(deps: Deps, scope: AgencyScope, origin: AuditOrigin, centre: QueueCentre, day: string): Promise<DailyFigures> {
  const tickets = await ticketsOfDay(readsOf(deps), { agency: scope.agency, centreId: centre.centre.id }, day);
  await recordAudit(deps.db, deps.clock, origin, { action: 'queue.figures-viewed', recordType: 'queue-centre', recordId: centre.centre.id, agency: scope.agency, details: { day } });
  const facts = tickets.map((t) => ({
    serviceId: t.serviceId,
    counter: t.counterNo,
    status: t.status,
    issuedAt: t.issuedAt.getTime(),
    firstCalledAt: t.firstCalledAt?.getTime() ?? null,
    finishedAt: t.finishedAt?.getTime() ?? null,
  }));
  return dailyFigures(facts, centre.services.map((s) => s.id));
}
