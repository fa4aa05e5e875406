import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { auditInsertIf, auditValues, type AuditEvent } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import { preparedStatement } from '../../platform/db/prepared.ts';
import { queueCounters, queueNumberCounters, queueTickets } from './queue.tables.ts';

export type TicketRow = typeof queueTickets.$inferSelect;
export type NewTicketRow = typeof queueTickets.$inferInsert;
export type CounterRow = typeof queueCounters.$inferSelect;

/** The NOTIFY channel every process LISTENs on. */
export const QUEUE_CHANNEL = 'apkalpe_queue';

type CentreKey = { agency: string; centreId: string };

/** The next running number of the service at the centre on the day: one row-locked upsert, never repeated. */
export async function nextRunningNumber(db: Database, key: CentreKey & { serviceId: string; day: string }): Promise<number> {
  const [row] = await db
    .insert(queueNumberCounters)
    .values({ ...key, last: 1 })
    .onConflictDoUpdate({
      target: [queueNumberCounters.agency, queueNumberCounters.centreId, queueNumberCounters.serviceId, queueNumberCounters.day],
      set: { last: sql`${queueNumberCounters.last} + 1` },
    })
    .returning({ last: queueNumberCounters.last });
  if (!row) throw new Error('queue number counter returned no row');
  return row.last;
}

export async function insertTicket(db: Database, row: NewTicketRow): Promise<TicketRow> {
  const [inserted] = await db.insert(queueTickets).values(row).returning();
  if (!inserted) throw new Error('insert into queue_tickets returned no row');
  return inserted;
}

export async function findTicket(db: Database, id: string): Promise<TicketRow | undefined> {
  const [row] = await db.select().from(queueTickets).where(eq(queueTickets.id, id));
  return row;
}

/** The ticket within one agency, locked for the change about to be made. */
export async function lockTicketInAgency(db: Database, agency: string, id: string): Promise<TicketRow | undefined> {
  const [row] = await db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.agency, agency), eq(queueTickets.id, id)))
    .for('update');
  return row;
}

/** The day's waiting tickets of a centre, in running order (a read: nothing locked). */
export async function listWaiting(db: Database, key: CentreKey, day: string): Promise<TicketRow[]> {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.agency, key.agency), eq(queueTickets.centreId, key.centreId), eq(queueTickets.day, day), eq(queueTickets.status, 'waiting')))
    .orderBy(asc(queueTickets.issuedAt), asc(queueTickets.runningNumber));
}

/**
 * Locks the first of the given tickets (in the given order) that is still waiting and not being taken by another
 * counter at this moment (FOR UPDATE SKIP LOCKED): only that one row, so other counters go on to the next.
 */
export async function lockFirstStillWaiting(db: Database, ids: string[]): Promise<string | null> {
  if (ids.length === 0) return null;
  const order = sql`array_position(array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}], ${queueTickets.id})`;
  const [row] = await db
    .select({ id: queueTickets.id })
    .from(queueTickets)
    .where(and(inArray(queueTickets.id, ids), eq(queueTickets.status, 'waiting')))
    .orderBy(order)
    .limit(1)
    .for('update', { skipLocked: true });
  return row?.id ?? null;
}

export async function updateTicket(db: Database, id: string, changes: PgUpdateSetSource<typeof queueTickets>): Promise<TicketRow> {
  const [row] = await db.update(queueTickets).set(changes).where(eq(queueTickets.id, id)).returning();
  if (!row) throw new Error('queue ticket vanished during update');
  return row;
}

export async function listCounters(db: Database, key: CentreKey): Promise<CounterRow[]> {
  return db
    .select()
    .from(queueCounters)
    .where(and(eq(queueCounters.agency, key.agency), eq(queueCounters.centreId, key.centreId)))
    .orderBy(asc(queueCounters.counterNo));
}

/**
 * The counter's row, created closed when first used, and locked (one statement: ON CONFLICT DO UPDATE locks the
 * existing row): two presses at one counter run one after the other.
 */
export async function lockCounter(db: Database, key: CentreKey & { counterNo: number }, now: Date): Promise<CounterRow> {
  const [row] = await db
    .insert(queueCounters)
    .values({ ...key, updatedAt: now })
    .onConflictDoUpdate({ target: [queueCounters.agency, queueCounters.centreId, queueCounters.counterNo], set: { updatedAt: sql`${queueCounters.updatedAt}` } })
    .returning();
  if (!row) throw new Error('queue counter upsert returned no row');
  return row;
}

export async function updateCounter(db: Database, key: CentreKey & { counterNo: number }, changes: Partial<typeof queueCounters.$inferInsert>): Promise<CounterRow> {
  const [row] = await db
    .update(queueCounters)
    .set(changes)
    .where(and(eq(queueCounters.agency, key.agency), eq(queueCounters.centreId, key.centreId), eq(queueCounters.counterNo, key.counterNo)))
    .returning();
  if (!row) throw new Error('queue counter vanished during update');
  return row;
}

/** Frees the counter that had this ticket called (after a transfer, served or no-show). */
export async function releaseCounterOf(db: Database, key: CentreKey, ticketId: string, now: Date): Promise<void> {
  await db
    .update(queueCounters)
    .set({ currentTicketId: null, updatedAt: now })
    .where(and(eq(queueCounters.agency, key.agency), eq(queueCounters.centreId, key.centreId), eq(queueCounters.currentTicketId, ticketId)));
}

/** Service times (first call → served) of the latest served tickets of a service, in minutes, oldest first. */
export async function recentServiceMinutes(db: Database, key: CentreKey, serviceId: string, limit: number): Promise<number[]> {
  const rows = await db
    .select({ minutes: sql<number>`extract(epoch from (${queueTickets.finishedAt} - ${queueTickets.firstCalledAt})) / 60` })
    .from(queueTickets)
    .where(
      and(
        eq(queueTickets.agency, key.agency),
        eq(queueTickets.centreId, key.centreId),
        eq(queueTickets.serviceId, serviceId),
        eq(queueTickets.status, 'served'),
        isNotNull(queueTickets.firstCalledAt),
      ),
    )
    .orderBy(desc(queueTickets.finishedAt))
    .limit(limit);
  return rows.map((r) => Number(r.minutes)).reverse();
}

/** The latest calls of the day (called or finished), newest first: what the board shows. */
export async function recentCalls(db: Database, key: CentreKey, day: string, limit: number): Promise<TicketRow[]> {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.agency, key.agency), eq(queueTickets.centreId, key.centreId), eq(queueTickets.day, day), isNotNull(queueTickets.calledAt)))
    .orderBy(desc(queueTickets.calledAt))
    .limit(limit);
}

export async function ticketsOfDay(db: Database, key: CentreKey, day: string): Promise<TicketRow[]> {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.agency, key.agency), eq(queueTickets.centreId, key.centreId), eq(queueTickets.day, day)))
    .orderBy(asc(queueTickets.issuedAt));
}

/** Announces a change to every process (delivered when the transaction commits). */
export async function notifyQueueChange(db: Database, payload: string): Promise<void> {
  await db.execute(sql`select pg_notify(${QUEUE_CHANNEL}, ${payload})`);
}

const p = (name: string) => sql.placeholder(name);

// "Call next" ends with the counter pointing at the called ticket, the audit row and the NOTIFY: one prepared
// statement instead of three round trips inside the call's transaction (the call's latency is its round trips).
const counterCalled = preparedStatement<{ notified: unknown }>(
  'queue_counter_called',
  sql`with counter as (
      update ${queueCounters} set current_ticket_id = ${p('ticketId')}::uuid, updated_at = ${p('now')}::timestamptz
      where agency = ${p('agency')}::text and centre_id = ${p('centreId')}::text and counter_no = ${p('counterNo')}::int
      returning 1
    ), audited as (${auditInsertIf('counter')})
    select pg_notify(${QUEUE_CHANNEL}, ${p('payload')}::text) as notified from counter`,
);

/** Points the counter at the ticket it called, writes the audit event and announces the change, in one statement. */
export async function markCounterCalled(
  db: Database,
  key: CentreKey & { counterNo: number },
  call: { ticketId: string; now: Date; audit: AuditEvent; payload: string },
): Promise<void> {
  const rows = await counterCalled(db, [key, { ticketId: call.ticketId, now: call.now.toISOString(), payload: call.payload }, auditValues(call.audit)]);
  if (rows.length === 0) throw new Error('queue counter vanished during a call');
}

/** The tickets called to a counter right now (one per counter at most). */
export async function listCalled(db: Database, key: CentreKey, day: string): Promise<TicketRow[]> {
  return db
    .select()
    .from(queueTickets)
    .where(and(eq(queueTickets.agency, key.agency), eq(queueTickets.centreId, key.centreId), eq(queueTickets.day, day), eq(queueTickets.status, 'called')));
}

/** The first call ends the waiting time: a recall or a second counter's call keeps it. */
export const firstCallAt = (now: Date) => sql`coalesce(${queueTickets.firstCalledAt}, ${now.toISOString()}::timestamptz)`;

/** Clients waiting today in all of the agency's centres (the staff navigation's count). */
export async function countWaitingInAgency(db: Database, agency: string, day: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(queueTickets)
    .where(and(eq(queueTickets.agency, agency), eq(queueTickets.day, day), eq(queueTickets.status, 'waiting')));
  return row?.n ?? 0;
}
