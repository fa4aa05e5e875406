import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inquiries, inquiryMessages } from '../inquiries.tables.ts';
import { mailOutbox } from '../../../platform/db/tables.ts';
import type { InquiryRow } from '../inquiries.repository.ts';

/**
 * The inquiry of the agency that a message with one of these Message-IDs belongs to: an incoming message
 * we stored, an outgoing one (its own `email_message_id`), or the outbox mail an outgoing message went out
 * as (its `Message-ID` header). The most recent match wins.
 */
export async function findInquiryByMessageIds(db: Database, agency: string, messageIds: readonly string[]): Promise<InquiryRow | undefined> {
  if (messageIds.length === 0) return undefined;
  const ids = [...messageIds];
  const [byMessage] = await db
    .select({ inquiry: inquiries })
    .from(inquiryMessages)
    .innerJoin(inquiries, eq(inquiries.id, inquiryMessages.inquiryId))
    .where(and(eq(inquiries.agency, agency), inArray(inquiryMessages.emailMessageId, ids)))
    .orderBy(desc(inquiryMessages.at))
    .limit(1);
  if (byMessage) return byMessage.inquiry;
  const [byOutbox] = await db
    .select({ inquiry: inquiries })
    .from(mailOutbox)
    .innerJoin(inquiryMessages, eq(inquiryMessages.outboxId, mailOutbox.id))
    .innerJoin(inquiries, eq(inquiries.id, inquiryMessages.inquiryId))
    .where(and(eq(inquiries.agency, agency), inArray(sql<string>`${mailOutbox.headers}->>'Message-ID'`, ids)))
    .orderBy(desc(inquiryMessages.at))
    .limit(1);
  return byOutbox?.inquiry;
}

/** Whether an incoming message with this Message-ID and subject is already on an inquiry of the agency (a retried delivery). */
export async function hasIncomingMessage(db: Database, agency: string, emailMessageId: string, subject: string): Promise<boolean> {
  const [row] = await db
    .select({ id: inquiryMessages.id })
    .from(inquiryMessages)
    .innerJoin(inquiries, eq(inquiries.id, inquiryMessages.inquiryId))
    .where(
      and(
        eq(inquiries.agency, agency),
        eq(inquiryMessages.emailMessageId, emailMessageId),
        eq(inquiryMessages.direction, 'in'),
        eq(inquiryMessages.subject, subject),
      ),
    )
    .limit(1);
  return row !== undefined;
}
