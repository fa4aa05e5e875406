import { and, asc, eq, ne } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { inquiryAttachments, inquiryMessages } from './inquiries.tables.ts';

/** What the client may read: their own messages and what was sent to them; staff notes stay inside. */
export async function listClientMessages(db: Database, inquiryId: string) {
  return db
    .select({
      id: inquiryMessages.id,
      direction: inquiryMessages.direction,
      at: inquiryMessages.at,
      subject: inquiryMessages.subject,
      bodyText: inquiryMessages.bodyText,
    })
    .from(inquiryMessages)
    .where(and(eq(inquiryMessages.inquiryId, inquiryId), ne(inquiryMessages.medium, 'note')))
    .orderBy(asc(inquiryMessages.at), asc(inquiryMessages.id));
}

/** Names and sizes only: the client page never serves file contents. */
export async function listAttachmentNames(db: Database, inquiryId: string) {
  return db
    .select({ messageId: inquiryAttachments.messageId, fileName: inquiryAttachments.fileName, size: inquiryAttachments.size })
    .from(inquiryAttachments)
    .where(eq(inquiryAttachments.inquiryId, inquiryId))
    .orderBy(asc(inquiryAttachments.createdAt), asc(inquiryAttachments.fileName));
}
