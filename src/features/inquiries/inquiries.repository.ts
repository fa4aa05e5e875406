import { and, eq, sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { inquiries, inquiryAttachments, inquiryCounters, inquiryEvents, inquiryMessages } from './inquiries.tables.ts';

export type InquiryRow = typeof inquiries.$inferSelect;
export type NewInquiryRow = typeof inquiries.$inferInsert;
export type InquiryMessageRow = typeof inquiryMessages.$inferSelect;
export type InquiryEventRow = typeof inquiryEvents.$inferSelect;
export type InquiryAttachmentRow = typeof inquiryAttachments.$inferSelect;

/**
 * The next running number for the agency and year: one row-locked upsert, so numbers never repeat. Called
 * outside the filing transaction, it commits on its own and concurrent filings wait for each other only for
 * this one statement (like a sequence: a filing that fails afterwards leaves a gap). Inside a caller's
 * transaction (an opinion filed as an inquiry) it simply joins it.
 */
export async function nextReferenceNumber(db: Database, agency: string, year: number): Promise<number> {
  const [row] = await db
    .insert(inquiryCounters)
    .values({ agency, year, last: 1 })
    .onConflictDoUpdate({ target: [inquiryCounters.agency, inquiryCounters.year], set: { last: sql`${inquiryCounters.last} + 1` } })
    .returning({ last: inquiryCounters.last });
  if (!row) throw new Error('inquiry counter returned no row');
  return row.last;
}

/**
 * The inquiry and the writes that belong to it (its message, files, history, audit) in one statement: each write a
 * data-modifying WITH part of the inquiry's INSERT, so one round trip, atomic without a transaction.
 */
export async function insertInquiryWith(db: Database, row: NewInquiryRow & { id: string }, writes: readonly SQLWrapper[]): Promise<InquiryRow> {
  const parts = writes.map((write, i) => db.$with(`write_${i}`).as(write as never));
  const [inserted] = await db.with(...parts).insert(inquiries).values(row).returning();
  if (!inserted) throw new Error('insert into inquiries returned no row');
  return inserted;
}

export async function insertInquiryEvent(db: Database, event: typeof inquiryEvents.$inferInsert): Promise<void> {
  await inquiryEventWrite(db, event);
}

/** The inserts below, unsent: for writeTogether, which sends several in one statement. */
export function inquiryEventWrite(db: Database, event: typeof inquiryEvents.$inferInsert) {
  return db.insert(inquiryEvents).values(event);
}

export function inquiryMessageWrite(db: Database, message: typeof inquiryMessages.$inferInsert & { id: string }) {
  return db.insert(inquiryMessages).values(message);
}

export function inquiryAttachmentsWrite(db: Database, attachments: Array<typeof inquiryAttachments.$inferInsert>) {
  return db.insert(inquiryAttachments).values(attachments);
}

export async function insertInquiryMessage(db: Database, message: typeof inquiryMessages.$inferInsert): Promise<InquiryMessageRow> {
  const [inserted] = await db.insert(inquiryMessages).values(message).returning();
  if (!inserted) throw new Error('insert into inquiry_messages returned no row');
  return inserted;
}

/** Within one agency only: every staff read goes through a function that takes the agency. */
export async function findInquiryInAgency(db: Database, agency: string, id: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(and(eq(inquiries.agency, agency), eq(inquiries.id, id)));
  return row;
}

/** Within one agency: a reference of another agency finds nothing (client pages, staff merge). */
export async function findInquiryByReferenceInAgency(db: Database, agency: string, reference: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(and(eq(inquiries.agency, agency), eq(inquiries.reference, reference)));
  return row;
}

export async function findInquiryByReference(db: Database, reference: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.reference, reference));
  return row;
}

export async function listInquiryMessages(db: Database, inquiryId: string): Promise<InquiryMessageRow[]> {
  return db.select().from(inquiryMessages).where(eq(inquiryMessages.inquiryId, inquiryId)).orderBy(inquiryMessages.at);
}

export async function listInquiryEvents(db: Database, inquiryId: string): Promise<InquiryEventRow[]> {
  return db.select().from(inquiryEvents).where(eq(inquiryEvents.inquiryId, inquiryId)).orderBy(inquiryEvents.id);
}

export async function listInquiryAttachmentsMeta(db: Database, inquiryId: string) {
  return db
    .select({
      id: inquiryAttachments.id,
      messageId: inquiryAttachments.messageId,
      fileName: inquiryAttachments.fileName,
      contentType: inquiryAttachments.contentType,
      size: inquiryAttachments.size,
      createdAt: inquiryAttachments.createdAt,
      signatureStatus: inquiryAttachments.signatureStatus,
      signatures: inquiryAttachments.signatures,
      signatureProblems: inquiryAttachments.signatureProblems,
    })
    .from(inquiryAttachments)
    .where(eq(inquiryAttachments.inquiryId, inquiryId))
    .orderBy(inquiryAttachments.createdAt);
}

export async function touchInquiry(db: Database, id: string, changes: Partial<NewInquiryRow>, now: Date): Promise<void> {
  await db.update(inquiries).set({ ...changes, updatedAt: now }).where(eq(inquiries.id, id));
}
