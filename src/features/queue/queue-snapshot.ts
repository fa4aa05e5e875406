import { callOrder, estimateWaitMinutes, isCounterOpenToday, RECENT_SERVICES, type WaitingTicket } from '../../domain/queue/index.ts';
import type { Database } from '../../platform/db/client.ts';
import type { QueueCentre } from './queue-centre.ts';
import { listCounters, listWaiting, recentServiceMinutes, type CounterRow, type TicketRow } from './queue.repository.ts';

export function asWaitingTicket(row: TicketRow): WaitingTicket {
  return {
    id: row.id,
    serviceId: row.serviceId,
    issuedAt: row.issuedAt.getTime(),
    appointmentStart: row.appointmentStart?.getTime() ?? null,
    appointmentEnd: row.appointmentEnd?.getTime() ?? null,
    targetCounter: row.targetCounterNo,
  };
}

/** The centre's queue at one moment: who waits, which counters are open, how long service takes lately. */
export type QueueSnapshot = {
  waiting: TicketRow[];
  counters: CounterRow[];
  openCounters: CounterRow[];
  recentMinutes: Map<string, number[]>;
};

export async function loadSnapshot(db: Database, centre: QueueCentre, day: string): Promise<QueueSnapshot> {
  const key = { agency: centre.agency.slug, centreId: centre.centre.id };
  const [waiting, counters, ...recent] = await Promise.all([
    listWaiting(db, key, day),
    listCounters(db, key),
    ...centre.services.map((s) => recentServiceMinutes(db, key, s.id, RECENT_SERVICES)),
  ]);
  const openCounters = counters.filter((c) => isCounterOpenToday({ open: c.open, openedDay: c.openedDay }, day));
  return { waiting, counters, openCounters, recentMinutes: new Map(centre.services.map((s, i) => [s.id, recent[i] ?? []])) };
}

/** Place in the queue (1 = next) of a waiting ticket, by the same policy the counters call with. */
export function positionOf(snapshot: QueueSnapshot, ticket: TicketRow, now: number): number | null {
  const waiting = snapshot.waiting.map(asWaitingTicket);
  const counter = ticket.targetCounterNo !== null ? { number: ticket.targetCounterNo, services: [] } : { number: 0, services: [ticket.serviceId] };
  const index = callOrder(waiting, counter, now).findIndex((t) => t.id === ticket.id);
  return index < 0 ? null : index + 1;
}

export function openCountersFor(snapshot: QueueSnapshot, serviceId: string): number {
  return snapshot.openCounters.filter((c) => c.services.includes(serviceId)).length;
}

/** The one estimate the kiosk, the board and the ticket page show (null: no counter serves it now). */
export function estimateFor(snapshot: QueueSnapshot, centre: QueueCentre, serviceId: string, ahead: number): number | null {
  return estimateWaitMinutes({
    ahead,
    recentServiceMinutes: snapshot.recentMinutes.get(serviceId) ?? [],
    openCounters: openCountersFor(snapshot, serviceId),
    defaultServiceMinutes: centre.services.find((s) => s.id === serviceId)?.durationMinutes ?? 15,
  });
}

/** Waiting clients per service with the estimate for someone taking a ticket now. */
export function waitingByService(snapshot: QueueSnapshot, centre: QueueCentre) {
  return centre.services.map((service) => {
    const waiting = snapshot.waiting.filter((t) => t.serviceId === service.id && t.targetCounterNo === null).length;
    return { service: service.id, letter: service.letter, name: service.name, waiting, estimatedWaitMinutes: estimateFor(snapshot, centre, service.id, waiting) };
  });
}
