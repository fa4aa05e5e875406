/** A waiting ticket as the call-next policy sees it (times in epoch milliseconds). */
export type WaitingTicket = {
  id: string;
  serviceId: string;
  issuedAt: number;
  /** Appointment time window when the client checked in with a booking, else null. */
  appointmentStart: number | null;
  appointmentEnd: number | null;
  /** Sent to one counter by a transfer: only that counter calls it, before anyone else. */
  targetCounter: number | null;
};

export type CallingCounter = { number: number; services: readonly string[] };

/** How early before its start an appointment takes priority (a client who arrives early waits a little). */
export const APPOINTMENT_EARLY_MINUTES = 10;

/** True while the appointment's window is on: from a little before its start to its end. */
export function isAppointmentDue(ticket: Pick<WaitingTicket, 'appointmentStart' | 'appointmentEnd'>, now: number): boolean {
  if (ticket.appointmentStart === null || ticket.appointmentEnd === null) return false;
  return now >= ticket.appointmentStart - APPOINTMENT_EARLY_MINUTES * 60_000 && now <= ticket.appointmentEnd;
}

/** Whether this counter may call the ticket at all. */
export function isCallableBy(ticket: WaitingTicket, counter: CallingCounter): boolean {
  if (ticket.targetCounter !== null) return ticket.targetCounter === counter.number;
  return counter.services.includes(ticket.serviceId);
}

function rank(ticket: WaitingTicket, counter: CallingCounter, now: number): [number, number, number] {
  if (ticket.targetCounter === counter.number) return [0, ticket.issuedAt, 0];
  if (isAppointmentDue(ticket, now)) return [1, ticket.appointmentStart ?? 0, ticket.issuedAt];
  return [2, ticket.issuedAt, 0];
}

function compareRanks(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/**
 * The centre's call-next policy, as the order in which this counter should call the waiting tickets:
 * tickets transferred to this counter first, then appointments within their window (earliest start first),
 * then the oldest ticket of the services the counter serves. Ties keep the input order (the running number).
 */
export function callOrder(waiting: readonly WaitingTicket[], counter: CallingCounter, now: number): WaitingTicket[] {
  return waiting
    .filter((t) => isCallableBy(t, counter))
    .map((ticket, index) => ({ ticket, index, rank: rank(ticket, counter, now) }))
    .sort((a, b) => compareRanks(a.rank, b.rank) || a.index - b.index)
    .map((entry) => entry.ticket);
}

/** The ticket the counter calls next, or null when nobody waits for it. */
export function chooseNext(waiting: readonly WaitingTicket[], counter: CallingCounter, now: number): WaitingTicket | null {
  return callOrder(waiting, counter, now)[0] ?? null;
}
