import type { TicketStatus } from './figures.ts';

export const TICKET_ACTIONS = ['recall', 'served', 'no-show', 'transfer'] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

/** Staff act on the ticket a counter has called; everything else is a double press or a stale screen. */
export function canApply(status: TicketStatus): boolean {
  return status === 'called';
}

/** The status a ticket moves to. A transfer puts it back in the queue (for another service or counter). */
export function statusAfter(action: TicketAction): TicketStatus {
  switch (action) {
    case 'recall':
      return 'called';
    case 'served':
      return 'served';
    case 'no-show':
      return 'no-show';
    case 'transfer':
      return 'waiting';
  }
}

/** A ticket of an earlier day that nobody called is over: the queue starts empty every morning. */
export function isExpired(ticket: { status: TicketStatus; day: string }, today: string): boolean {
  return ticket.day < today && (ticket.status === 'waiting' || ticket.status === 'called');
}

/** A counter opened on an earlier day is closed today: staff open it again in the morning. */
export function isCounterOpenToday(counter: { open: boolean; openedDay: string | null }, today: string): boolean {
  return counter.open && counter.openedDay === today;
}
