import { and, desc, eq, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { mailOutbox } from '../db/tables.ts';

export type OutboxRow = typeof mailOutbox.$inferSelect;
export type NewOutboxRow = typeof mailOutbox.$inferInsert;

export async function insertOutboxMail(db: Database, row: NewOutboxRow): Promise<OutboxRow> {
  const [inserted] = await db.insert(mailOutbox).values(row).returning();
  if (!inserted) throw new Error('insert into mail_outbox returned no row');
  return inserted;
}

type OutboxField = 'agency' | 'toAddress' | 'fromAddress' | 'subject' | 'bodyText' | 'headers' | 'attachments' | 'transport' | 'createdAt';

/** The outbox INSERT as a part of a bigger prepared statement, written only when the CTE named `cte` returned a row (as auditInsertIf). */
export function outboxInsertIf(cte: string): SQL {
  const p = (name: OutboxField) => sql.placeholder(`mail_${name}`);
  return sql`insert into ${mailOutbox} (agency, to_address, from_address, subject, body_text, headers, attachments, transport, created_at)
    select ${p('agency')}::text, ${p('toAddress')}::text, ${p('fromAddress')}::text, ${p('subject')}::text, ${p('bodyText')}::text, ${p('headers')}::jsonb,
      ${p('attachments')}::jsonb, ${p('transport')}::text, ${p('createdAt')}::timestamptz
    where exists (select from ${sql.identifier(cte)})`;
}

/** The placeholder values of outboxInsertIf for one mail. */
export function outboxValues(row: NewOutboxRow): Record<`mail_${OutboxField}`, unknown> {
  return {
    mail_agency: row.agency ?? null,
    mail_toAddress: row.toAddress,
    mail_fromAddress: row.fromAddress,
    mail_subject: row.subject,
    mail_bodyText: row.bodyText,
    mail_headers: JSON.stringify(row.headers ?? {}),
    mail_attachments: JSON.stringify(row.attachments ?? []),
    mail_transport: row.transport,
    mail_createdAt: (row.createdAt ?? new Date()).toISOString(),
  };
}

export type DeliveryResult = { sentAt: Date; error: null } | { sentAt: null; error: string; attempts: number; nextAttemptAt: Date | null };

export async function markOutboxMail(db: Database, id: string, result: DeliveryResult): Promise<void> {
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

/** SMTP mail not yet delivered whose next attempt is due, and not given up. */
export async function listUnsentSmtpMail(db: Database, limit: number, now: Date, maxAttempts: number): Promise<OutboxRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(
      and(
        eq(mailOutbox.transport, 'smtp'),
        isNull(mailOutbox.sentAt),
        lt(mailOutbox.attempts, maxAttempts),
        or(isNull(mailOutbox.nextAttemptAt), lte(mailOutbox.nextAttemptAt, now)),
      ),
    )
    .orderBy(mailOutbox.createdAt)
    .limit(limit);
}
