import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailOutbox } from '../db/schema.ts';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;

export async function insertOutboxMail(db: Database, row: NewOutboxRow): Promise<OutboxRow> {
  const [inserted] = await db.insert(mailOutbox).values(row).returning();
  if (!inserted) throw new Error('insert into mail_outbox returned no row');
  return inserted;
}

export async function markOutboxMail(db: Database, id: string, result: { sentAt: Date | null; error: string | null }): Promise<void> {
  await db.update(mailOutbox).set(result).where(eq(mailOutbox.id, id));
}

export async function listOutbox(db: Database, agencies: string[], limit: number): Promise<OutboxRow[]> {
  if (agencies.length === 0) return [];
  return db.select().from(mailOutbox).where(inArray(mailOutbox.agency, agencies)).orderBy(desc(mailOutbox.createdAt)).limit(limit);
}

export async function findOutboxMail(db: Database, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row;
}

export async function listUnsentSmtpMail(db: Database, limit: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(and(eq(mailOutbox.transport, 'smtp'), isNull(mailOutbox.sentAt)))
    .orderBy(mailOutbox.createdAt)
    .limit(limit);
}
