// The one place where a register entry's link to another feature's record is resolved and checked.
import { and, eq, sql } from 'drizzle-orm';
import type { ConcernsKind } from '../../domain/registers/index.ts';
import type { Database } from '../../platform/db/client.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { inquiries } from '../inquiries/inquiries.tables.ts';
import { queueTickets } from '../queue/queue.tables.ts';
import { AppError } from '../../platform/http/problem.ts';

/** What a register needs of a linked record: where, when, who (for pre-filling and for the apology letter). */
export type LinkedRecord = {
  kind: ConcernsKind;
  id: string;
  centreId: string | null;
  at: Date | null;
  clientName: string | null;
  clientEmail: string | null;
  lang: 'lv' | 'en';
  label: string;
};

type Finder = (db: Database, id: string, agency: string) => Promise<LinkedRecord | undefined>;

const lang = (value: string | null | undefined): 'lv' | 'en' => (value === 'en' ? 'en' : 'lv');

async function findInquiry(db: Database, id: string, agency: string): Promise<LinkedRecord | undefined> {
  const [row] = await db
    .select({ id: inquiries.id, reference: inquiries.reference, name: inquiries.requesterName, email: inquiries.requesterEmail, receivedAt: inquiries.receivedAt })
    .from(inquiries)
    .where(and(eq(inquiries.id, id), eq(inquiries.agency, agency)));
  return row && { kind: 'inquiry', id: row.id, centreId: null, at: row.receivedAt, clientName: row.name || null, clientEmail: row.email, lang: 'lv', label: row.reference };
}

async function findAppointment(db: Database, id: string, agency: string): Promise<LinkedRecord | undefined> {
  const [row] = await db
    .select({ id: appointments.id, centreId: appointments.centreId, startsAt: appointments.startsAt, name: appointments.clientName, email: appointments.clientEmail, language: appointments.language, code: appointments.bookingCode })
    .from(appointments)
    .where(and(eq(appointments.id, id), eq(appointments.agency, agency)));
  return row && { kind: 'appointment', id: row.id, centreId: row.centreId, at: row.startsAt, clientName: row.name, clientEmail: row.email, lang: lang(row.language), label: row.code };
}

async function findTicket(db: Database, id: string, agency: string): Promise<LinkedRecord | undefined> {
  const [row] = await db
    .select({ id: queueTickets.id, centreId: queueTickets.centreId, issuedAt: queueTickets.issuedAt, number: queueTickets.number })
    .from(queueTickets)
    .where(and(eq(queueTickets.id, id), eq(queueTickets.agency, agency)));
  return row && { kind: 'ticket', id: row.id, centreId: row.centreId, at: row.issuedAt, clientName: null, clientEmail: null, lang: 'lv', label: row.number };
}

/**
 * THE SEAM FOR THE PHONE FEATURE. Logged calls live in `phone_calls` (id uuid, agency text, ...), built on
 * another branch. Until that table exists here, every call link answers "not found" (a clear field error at the
 * caller); once it does, the call is looked up within the agency like any other record. When the phone feature
 * lands, this may read its columns (time, caller) to pre-fill more — the link itself stays a plain uuid.
 */
async function findCall(db: Database, id: string, agency: string): Promise<LinkedRecord | undefined> {
  const exists = (await db.execute(sql`select to_regclass('public.phone_calls') is not null as present`)) as unknown as { rows: Array<{ present: boolean }> };
  if (!exists.rows[0]?.present) return undefined;
  const found = (await db.execute(sql`select id::text as id from phone_calls where id = ${id} and agency = ${agency}`)) as unknown as { rows: Array<{ id: string }> };
  const row = found.rows[0];
  return row && { kind: 'call', id: row.id, centreId: null, at: null, clientName: null, clientEmail: null, lang: 'lv', label: row.id.slice(0, 8) };
}

const FINDERS: Record<ConcernsKind, Finder> = { inquiry: findInquiry, appointment: findAppointment, ticket: findTicket, call: findCall };

/** The linked record of this kind in this agency, or undefined (another agency's record is not found either). */
export function findLinkedRecord(db: Database, kind: ConcernsKind, id: string, agency: string): Promise<LinkedRecord | undefined> {
  return FINDERS[kind](db, id, agency);
}

/** The linked record, or a 400 field error on `field` naming the kind of record that was not found. */
export async function requireLinkedRecord(db: Database, kind: ConcernsKind, id: string, agency: string, field: string): Promise<LinkedRecord> {
  const found = await findLinkedRecord(db, kind, id, agency);
  if (!found) {
    throw new AppError(400, 'link-not-found', 'registers.errors.linkTitle', {}, [{ field, code: 'not_found', messageKey: `registers.errors.link.${kind}` }]);
  }
  return found;
}
