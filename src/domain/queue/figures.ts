import { median, percentile } from './estimate.ts';

export const TICKET_STATUSES = ['waiting', 'called', 'served', 'no-show'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** One ticket of the day as the figures need it (epoch milliseconds). */
export type TicketFact = {
  serviceId: string;
  counter: number | null;
  status: TicketStatus;
  issuedAt: number;
  firstCalledAt: number | null;
  finishedAt: number | null;
};

export type Figures = {
  tickets: number;
  served: number;
  noShows: number;
  stillWaiting: number;
  waitMedianMinutes: number | null;
  waitP90Minutes: number | null;
  serviceMedianMinutes: number | null;
};

export type DailyFigures = Figures & {
  byService: Array<{ serviceId: string } & Figures>;
  byCounter: Array<{ counter: number } & Figures>;
};

const minutes = (ms: number) => Math.round((ms / 60_000) * 10) / 10;

/** Waiting time: issue → first call. Service time: first call → served. No-shows count, but have no service time. */
export function figuresOf(facts: readonly TicketFact[]): Figures {
  const waits = facts.filter((f) => f.firstCalledAt !== null).map((f) => minutes((f.firstCalledAt as number) - f.issuedAt));
  const services = facts
    .filter((f) => f.status === 'served' && f.firstCalledAt !== null && f.finishedAt !== null)
    .map((f) => minutes((f.finishedAt as number) - (f.firstCalledAt as number)));
  return {
    tickets: facts.length,
    served: facts.filter((f) => f.status === 'served').length,
    noShows: facts.filter((f) => f.status === 'no-show').length,
    stillWaiting: facts.filter((f) => f.status === 'waiting').length,
    waitMedianMinutes: median(waits),
    waitP90Minutes: percentile(waits, 90),
    serviceMedianMinutes: median(services),
  };
}

function groupBy<K>(facts: readonly TicketFact[], key: (f: TicketFact) => K | null): Map<K, TicketFact[]> {
  const groups = new Map<K, TicketFact[]>();
  for (const fact of facts) {
    const k = key(fact);
    if (k === null) continue;
    groups.set(k, [...(groups.get(k) ?? []), fact]);
  }
  return groups;
}

/** A centre's day: totals, per service (in the given order) and per counter (tickets it called). */
export function dailyFigures(facts: readonly TicketFact[], serviceOrder: readonly string[]): DailyFigures {
  const byService = groupBy(facts, (f) => f.serviceId);
  const byCounter = groupBy(facts, (f) => f.counter);
  const services = [...serviceOrder, ...[...byService.keys()].filter((s) => !serviceOrder.includes(s))];
  return {
    ...figuresOf(facts),
    byService: services.map((serviceId) => ({ serviceId, ...figuresOf(byService.get(serviceId) ?? []) })),
    byCounter: [...byCounter.keys()].sort((a, b) => a - b).map((counter) => ({ counter, ...figuresOf(byCounter.get(counter) ?? []) })),
  };
}
