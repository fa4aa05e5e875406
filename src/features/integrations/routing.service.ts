import { and, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { inquiryAttachments } from '../inquiries/inquiries.tables.ts';
import { queueCallback, type CallbackRow } from './callbacks.service.ts';
import type { IntegrationKeyRow } from './integration-keys.service.ts';
import { integrationDeliveries, integrationKeys, inquiryForwardings } from './integrations.tables.ts';

/** The delivery an inquiry came by, with its key, when that key is still active and has a callback URL. */
async function deliveryRoute(db: Database, inquiryId: string): Promise<{ key: IntegrationKeyRow; externalMessageId: string; senderEAddress: string | null; channel: string } | null> {
  const [row] = await db
    .select({ key: integrationKeys, externalMessageId: integrationDeliveries.externalMessageId, senderEAddress: integrationDeliveries.senderEAddress, channel: integrationDeliveries.channel })
    .from(integrationDeliveries)
    .innerJoin(integrationKeys, eq(integrationKeys.id, integrationDeliveries.keyId))
    .where(and(eq(integrationDeliveries.inquiryId, inquiryId), isNull(integrationKeys.revokedAt), isNotNull(integrationKeys.callbackUrl)))
    .limit(1);
  return row ?? null;
}

/**
 * A reply or notice to an inquiry that came through the integration goes back the same way: queued as a
 * callback in the caller's transaction (sent by the job with retries), instead of e-mail. Null: not such an inquiry.
 */
export async function replyThroughIntegration(db: Database, inquiry: { id: string; reference: string }, notice: { subject: string; text: string }, at: Date): Promise<{ callback: CallbackRow; medium: 'e-address' | 'portal' } | null> {
  const route = await deliveryRoute(db, inquiry.id);
  if (!route) return null;
  const callback = await queueCallback(
    db,
    route.key,
    { inquiryId: inquiry.id, kind: 'reply', payload: { channel: route.channel, inReplyTo: route.externalMessageId, recipientEAddress: route.senderEAddress, reference: inquiry.reference, subject: notice.subject, text: notice.text } },
    at,
  );
  return callback ? { callback, medium: route.channel === 'e-address' ? 'e-address' : 'portal' } : null;
}

/** The agency's active key that may send on the e-address and has a callback URL (the gateway that sends). */
async function eAddressGateway(db: Database, agency: string): Promise<IntegrationKeyRow | null> {
  const [key] = await db
    .select()
    .from(integrationKeys)
    .where(and(eq(integrationKeys.agency, agency), isNull(integrationKeys.revokedAt), isNotNull(integrationKeys.callbackUrl), sql`${integrationKeys.channels} @> '["e-address"]'::jsonb`))
    .orderBy(desc(integrationKeys.createdAt))
    .limit(1);
  return key ?? null;
}

/**
 * Forwards the submission and its files to the competent institution's official e-address through the
 * agency's e-address gateway (a 'forward' callback, retried by the job). Null when the agency has no gateway.
 */
export async function forwardThroughIntegration(
  db: Database,
  inquiry: { id: string; agency: string; reference: string },
  to: { eAddress: string; name: string },
  content: { subject: string; text: string },
  at: Date,
): Promise<CallbackRow | null> {
  const key = await eAddressGateway(db, inquiry.agency);
  if (!key) return null;
  const files = await db
    .select({ fileName: inquiryAttachments.fileName, contentType: inquiryAttachments.contentType, content: inquiryAttachments.content })
    .from(inquiryAttachments)
    .where(eq(inquiryAttachments.inquiryId, inquiry.id));
  return queueCallback(
    db,
    key,
    {
      inquiryId: inquiry.id,
      kind: 'forward',
      payload: {
        channel: 'e-address',
        recipientEAddress: to.eAddress,
        recipientName: to.name,
        reference: inquiry.reference,
        subject: content.subject,
        text: content.text,
        files: files.map((f) => ({ fileName: f.fileName, contentType: f.contentType, contentBase64: Buffer.from(f.content).toString('base64') })),
      },
    },
    at,
  );
}

/** The record of a forwarding: where, how, when and with which message id. */
export async function recordForwarding(db: Database, row: typeof inquiryForwardings.$inferInsert): Promise<void> {
  await db.insert(inquiryForwardings).values(row);
}
