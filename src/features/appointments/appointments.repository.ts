import { and, asc, eq, gte, inArray, isNull, lt, lte, sql } from 'drizzle-orm';
import { auditInsertIf, auditValues, type AuditEvent } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import { preparedStatement } from '../../platform/db/prepared.ts';
import { outboxInsertIf, outboxValues, type NewOutboxRow } from '../../platform/mail/mail.repository.ts';
import { appointmentCapacityChanges, appointments, appointmentSlots, type AppointmentStatus } from './appointments.tables.ts';

export type AppointmentRow = typeof appointments.$inferSelect;
export type NewAppointmentRow = typeof appointments.$inferInsert;
export type CapacityChangeRow = typeof appointmentCapacityChanges.$inferSelect;
export type SlotKey = { agency: string; centreId: string; serviceId: string; startsAt: Date };

type SeatValue = 'agency' | 'centreId' | 'serviceId' | 'startsAt' | 'endsAt' | 'seatDate' | 'profileSeats';
type BookingValue = keyof NewBooking | SeatValue;
/** p('agency'): the placeholder a seat's or a booking's value fills. */
const p = (name: BookingValue) => sql.placeholder(name);

/**
 * Takes one seat of the slot, creating its seat row on first use: `INSERT … ON CONFLICT DO UPDATE SET taken =
 * taken + 1 WHERE taken < capacity RETURNING id`. The database locks the row and re-checks `taken < capacity` after
 * any concurrent booking commits, so there is no check-then-insert race (and the CHECK constraint `taken <=
 * capacity` backs it: a new row of a closed slot, capacity 0, is refused with a check violation). A new row gets
 * the capacity of the latest closure or capacity change covering the date, else the profile's.
 */
function seatUpsert() {
  const s = appointmentSlots;
  const c = appointmentCapacityChanges;
  const capacity = sql`coalesce((select ${c.capacity} from ${c} where ${c.agency} = ${p('agency')} and ${c.centreId} = ${p('centreId')}
    and (${c.serviceId} is null or ${c.serviceId} = ${p('serviceId')}) and ${c.fromDate} <= ${p('seatDate')}::date and ${c.toDate} >= ${p('seatDate')}::date
    order by ${c.createdAt} desc limit 1), ${p('profileSeats')}::int)`;
  return sql`insert into ${s} (agency, centre_id, service_id, starts_at, ends_at, capacity, taken)
    values (${p('agency')}, ${p('centreId')}, ${p('serviceId')}, ${p('startsAt')}::timestamptz, ${p('endsAt')}::timestamptz, ${capacity}, 1)
    on conflict (agency, centre_id, service_id, starts_at) do update set taken = ${s}.taken + 1 where ${s}.taken < ${s}.capacity
    returning id`;
}

const takeSeatStatement = preparedStatement<{ id: string }>('appointments_take_seat', seatUpsert());

/** The placeholder values of seatUpsert for a slot (named one by one: `key` may be a whole booking). */
function seatValues(key: SlotKey, endsAt: Date, seats: { profile: number; date: string }): Record<SeatValue, unknown> {
  return {
    agency: key.agency, centreId: key.centreId, serviceId: key.serviceId, startsAt: key.startsAt.toISOString(), endsAt: endsAt.toISOString(),
    seatDate: seats.date, profileSeats: seats.profile,
  };
}

/** Takes one seat of the slot (see seatUpsert). Returns the slot id, or undefined when every seat is taken. */
export async function takeSeat(db: Database, key: SlotKey, endsAt: Date, seats: { profile: number; date: string }): Promise<string | undefined> {
  return (await takeSeatStatement(db, seatValues(key, endsAt, seats)))[0]?.id;
}

export type NewBooking = Pick<
  AppointmentRow,
  'id' | 'agency' | 'centreId' | 'serviceId' | 'startsAt' | 'endsAt' | 'bookingCode' | 'manageTokenHash' | 'idempotencyKey' | 'channel' | 'clientName'
  | 'clientEmail' | 'clientPhone' | 'clientPersonalCode' | 'reason' | 'companion' | 'language' | 'createdBy' | 'createdAt'
>;

/** What one booking statement stores besides the appointment: its audit event and, when there is one, the client's mail. */
export type BookingRecords = { audit: AuditEvent; mail: NewOutboxRow | undefined };

/**
 * The seat upsert (as takeSeat), the appointment from the seat row it returned, and the audit row (and mail) only
 * when the appointment was stored: one statement, atomic without a transaction.
 */
export function bookingStatement(withMail: boolean) {
  return sql`
    with seat as (${seatUpsert()}), booked as (
      insert into ${appointments} (id, agency, centre_id, service_id, slot_id, starts_at, ends_at, booking_code, manage_token_hash, idempotency_key,
        channel, client_name, client_email, client_phone, client_personal_code, reason, companion, language, created_by, created_at)
      select ${p('id')}::uuid, ${p('agency')}::text, ${p('centreId')}::text, ${p('serviceId')}::text, seat.id, ${p('startsAt')}::timestamptz, ${p('endsAt')}::timestamptz,
        ${p('bookingCode')}::text, ${p('manageTokenHash')}::text, ${p('idempotencyKey')}::text, ${p('channel')}::text, ${p('clientName')}::text, ${p('clientEmail')}::text,
        ${p('clientPhone')}::text, ${p('clientPersonalCode')}::text, ${p('reason')}::text, ${p('companion')}::text, ${p('language')}::text, ${p('createdBy')}::uuid,
        ${p('createdAt')}::timestamptz
      from seat
      returning slot_id
    ), audited as (${auditInsertIf('booked')})${withMail ? sql`, mailed as (${outboxInsertIf('booked')})` : sql``}
    select slot_id from booked`;
}

// Prepared: parsing and planning this statement cost the database more than running it.
const bookWithoutMail = preparedStatement<{ slot_id: string }>('appointments_book_seat', bookingStatement(false));
const bookWithMail = preparedStatement<{ slot_id: string }>('appointments_book_seat_mail', bookingStatement(true));

/**
 * Takes a seat (as takeSeat) and stores the appointment holding it, its audit event and the confirmation mail,
 * in ONE prepared statement (one round trip, atomic without a transaction): the appointment is inserted only from
 * the seat row the upsert returned, the audit row and the mail only when the appointment was. Returns the stored
 * row, or undefined when every seat is taken (then nothing is written).
 */
export async function bookSeat(db: Database, booking: NewBooking, seats: { profile: number; date: string }, records: BookingRecords): Promise<AppointmentRow | undefined> {
  const values: Array<Record<string, unknown>> = [appointmentValues(booking), seatValues(booking, booking.endsAt, seats), auditValues(records.audit)];
  if (records.mail) values.push(outboxValues(records.mail));
  const rows = await (records.mail ? bookWithMail : bookWithoutMail)(db, values);
  const slotId = rows[0]?.slot_id;
  return slotId ? bookedRow(booking, slotId) : undefined;
}

// No `{ ...booking, more }` here: spreading an object and then adding properties made V8 build a new hidden class
// each time (about 40 µs and 7 KB a booking for the stored row; docs/performance.md). Object.assign onto a literal
// and literals written out cost 1–4 µs. The statement's values stay four records (preparedStatement reads them in
// order): merged into one, the record became a dictionary of about 4 KB a booking.

/** The booking statement's values for the appointment's own columns (the seat's come from seatValues). */
function appointmentValues(b: NewBooking): Record<Exclude<keyof NewBooking, SeatValue>, unknown> {
  return {
    id: b.id, bookingCode: b.bookingCode, manageTokenHash: b.manageTokenHash, idempotencyKey: b.idempotencyKey, channel: b.channel,
    clientName: b.clientName, clientEmail: b.clientEmail, clientPhone: b.clientPhone, clientPersonalCode: b.clientPersonalCode, reason: b.reason,
    companion: b.companion, language: b.language, createdBy: b.createdBy, createdAt: b.createdAt.toISOString(),
  };
}

/** The stored appointment as the statement wrote it. */
function bookedRow(booking: NewBooking, slotId: string): AppointmentRow {
  const stored = {
    slotId, status: 'booked', specialistId: null, notes: '', lateMinutes: null, arrivedAt: null, identityDocument: null, outcomeAt: null,
    cancelledAt: null, cancelReason: null, reminderSentAt: null,
  } satisfies Omit<AppointmentRow, keyof NewBooking>;
  return Object.assign(stored, booking);
}

/** Gives a seat back (cancel, reschedule, closure). */
export async function releaseSeat(db: Database, slotId: string): Promise<void> {
  await db
    .update(appointmentSlots)
    .set({ taken: sql`${appointmentSlots.taken} - 1` })
    .where(and(eq(appointmentSlots.id, slotId), sql`${appointmentSlots.taken} > 0`));
}

function slotKeyIs(key: SlotKey) {
  return and(
    eq(appointmentSlots.agency, key.agency),
    eq(appointmentSlots.centreId, key.centreId),
    eq(appointmentSlots.serviceId, key.serviceId),
    eq(appointmentSlots.startsAt, key.startsAt),
  );
}

/**
 * Seats left per slot of a service at some places in [from, to): place id → slot start (epoch minutes: small
 * integers make fast map keys) → seats left.
 * Read as one text row per place ("epoch seconds:seats,…"): a month of a busy service is thousands of rows, and
 * a few long rows parse much faster; date_part (double) rather than extract (numeric) keeps the database quick.
 */
export async function seatsLeft(db: Database, agency: string, serviceId: string, centreIds: string[], from: Date, to: Date): Promise<Map<string, Map<number, number>>> {
  const seats = new Map<string, Map<number, number>>();
  if (centreIds.length === 0) return seats;
  const s = appointmentSlots;
  const result = await db.execute(sql`
    select ${s.centreId} as centre, string_agg(date_part('epoch', ${s.startsAt})::bigint || ':' || (${s.capacity} - ${s.taken}), ',') as seats
    from ${s}
    where ${s.agency} = ${agency} and ${s.serviceId} = ${serviceId} and ${inArray(s.centreId, centreIds)}
      and ${s.startsAt} >= ${from.toISOString()} and ${s.startsAt} < ${to.toISOString()}
    group by ${s.centreId}`);
  for (const row of (result as unknown as { rows: Array<{ centre: string; seats: string }> }).rows) seats.set(row.centre, parseSeats(row.seats));
  return seats;
}

/** "1795420800:0,1795422900:2" → epoch minute → seats, read digit by digit: no string per item (less garbage per search). */
function parseSeats(text: string): Map<number, number> {
  const byStart = new Map<number, number>();
  let seconds = 0;
  let value = 0;
  let inValue = false;
  let negative = false;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 44; // a ',' after the last item
    if (code === 44) {
      byStart.set(seconds / 60, negative ? -value : value);
      seconds = value = 0;
      inValue = negative = false;
    } else if (code === 58) inValue = true; // ':'
    else if (code === 45) negative = true; // '-' (never stored, but read right)
    else if (inValue) value = value * 10 + (code - 48);
    else seconds = seconds * 10 + (code - 48);
  }
  return byStart;
}

/** Closures and capacity changes touching [fromDate, toDate] at some places. */
export async function capacityChanges(db: Database, agency: string, centreIds: string[], fromDate: string, toDate: string): Promise<CapacityChangeRow[]> {
  if (centreIds.length === 0) return [];
  return db
    .select()
    .from(appointmentCapacityChanges)
    .where(
      and(
        eq(appointmentCapacityChanges.agency, agency),
        inArray(appointmentCapacityChanges.centreId, centreIds),
        lte(appointmentCapacityChanges.fromDate, toDate),
        gte(appointmentCapacityChanges.toDate, fromDate),
      ),
    )
    .orderBy(asc(appointmentCapacityChanges.createdAt));
}

export async function insertCapacityChange(db: Database, row: typeof appointmentCapacityChanges.$inferInsert): Promise<CapacityChangeRow> {
  const [inserted] = await db.insert(appointmentCapacityChanges).values(row).returning();
  if (!inserted) throw new Error('capacity change not inserted');
  return inserted;
}

/** Sets the capacity of existing seat rows of a place (optionally one service) between two instants. */
export async function setSeatCapacity(db: Database, agency: string, centreId: string, serviceId: string | null, from: Date, to: Date, capacity: number): Promise<void> {
  await db
    .update(appointmentSlots)
    .set({ capacity })
    .where(
      and(
        eq(appointmentSlots.agency, agency),
        eq(appointmentSlots.centreId, centreId),
        serviceId ? eq(appointmentSlots.serviceId, serviceId) : undefined,
        gte(appointmentSlots.startsAt, from),
        lt(appointmentSlots.startsAt, to),
      ),
    );
}

export async function appointmentById(db: Database, id: string, forUpdate = false): Promise<AppointmentRow | undefined> {
  const query = db.select().from(appointments).where(eq(appointments.id, id));
  const rows = forUpdate ? await query.for('update') : await query;
  return rows[0];
}

export async function appointmentByIdempotencyKey(db: Database, agency: string, key: string): Promise<AppointmentRow | undefined> {
  const rows = await db.select().from(appointments).where(and(eq(appointments.agency, agency), eq(appointments.idempotencyKey, key)));
  return rows[0];
}

export async function appointmentByCode(db: Database, agency: string, centreId: string, code: string): Promise<AppointmentRow | undefined> {
  const rows = await db
    .select()
    .from(appointments)
    .where(and(eq(appointments.agency, agency), eq(appointments.centreId, centreId), eq(appointments.bookingCode, code)));
  return rows[0];
}

export async function updateAppointment(db: Database, id: string, values: Partial<NewAppointmentRow>, onlyIfStatus?: AppointmentStatus[]): Promise<AppointmentRow | undefined> {
  const [row] = await db
    .update(appointments)
    .set(values)
    .where(and(eq(appointments.id, id), onlyIfStatus ? inArray(appointments.status, onlyIfStatus) : undefined))
    .returning();
  return row;
}

/** Appointments of an agency in [from, to), optionally at one place and of one specialist, in time order. */
export async function appointmentsBetween(db: Database, agency: string, from: Date, to: Date, only: { centreId?: string | undefined; specialistId?: string | undefined } = {}): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.agency, agency),
        only.centreId ? eq(appointments.centreId, only.centreId) : undefined,
        only.specialistId ? eq(appointments.specialistId, only.specialistId) : undefined,
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.clientName));
}

/** Booked appointments at a place (optionally one service) in [from, to), latest booked first (they yield first on a closure). */
export async function bookedAt(db: Database, agency: string, centreId: string, serviceId: string | null, from: Date, to: Date): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.agency, agency),
        eq(appointments.centreId, centreId),
        serviceId ? eq(appointments.serviceId, serviceId) : undefined,
        eq(appointments.status, 'booked'),
        gte(appointments.startsAt, from),
        lt(appointments.startsAt, to),
      ),
    )
    .orderBy(asc(appointments.startsAt), sql`${appointments.createdAt} desc`);
}

/** Booked appointments starting in [from, to) whose reminder has not gone (every agency). */
export async function appointmentsToRemind(db: Database, from: Date, to: Date): Promise<AppointmentRow[]> {
  return db
    .select()
    .from(appointments)
    .where(and(eq(appointments.status, 'booked'), isNull(appointments.reminderSentAt), gte(appointments.startsAt, from), lt(appointments.startsAt, to)))
    .orderBy(asc(appointments.startsAt));
}

/** Marks the reminder sent; false when another worker already did (so each reminder goes once). */
export async function claimReminder(db: Database, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(appointments)
    .set({ reminderSentAt: at })
    .where(and(eq(appointments.id, id), isNull(appointments.reminderSentAt), eq(appointments.status, 'booked')))
    .returning({ id: appointments.id });
  return rows.length === 1;
}

export async function recentCapacityChanges(db: Database, agency: string, limit = 20): Promise<CapacityChangeRow[]> {
  return db
    .select()
    .from(appointmentCapacityChanges)
    .where(eq(appointmentCapacityChanges.agency, agency))
    .orderBy(sql`${appointmentCapacityChanges.createdAt} desc`)
    .limit(limit);
}
