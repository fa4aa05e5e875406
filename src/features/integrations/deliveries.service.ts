import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { auditWrite, recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import { inquiries } from '../inquiries/inquiries.tables.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { AttachmentInput } from '../inquiries/inquiries.schema.ts';
import { checkAttachments, fileInquiry } from '../inquiries/inquiries.service.ts';
import { examineAttachments } from '../signatures/signatures.service.ts';
import { attemptCallback, callbackWrite, type CallbackRow } from './callbacks.service.ts';
import type { IntegrationKeyRow } from './integration-keys.service.ts';
import type { DeliveryBody } from './integrations.schema.ts';
import { integrationDeliveries, integrationKeys, type IntegrationChannel } from './integrations.tables.ts';

const INQUIRY_CHANNEL: Record<IntegrationChannel, 'e-address' | 'national-portal'> = { 'e-address': 'e-address', 'latvija-lv': 'national-portal' };

export type DeliveryResult = { inquiryId: string; reference: string; deadline: string; duplicate: boolean; files: Array<{ fileName: string; signatureStatus: string }> };

async function existingDelivery(db: Database, agency: string, externalMessageId: string): Promise<DeliveryResult | null> {
  const [row] = await db
    .select({ inquiryId: inquiries.id, reference: inquiries.reference, deadline: inquiries.deadline })
    .from(integrationDeliveries)
    .innerJoin(inquiries, eq(inquiries.id, integrationDeliveries.inquiryId))
    .where(and(eq(integrationDeliveries.agency, agency), eq(integrationDeliveries.externalMessageId, externalMessageId)))
    .limit(1);
  return row ? { ...row, duplicate: true, files: [] } : null;
}

/** A delivery as the service takes it, from the JSON body (base64 decoded) or the multipart one alike. */
export type Delivery = Omit<DeliveryBody, 'files' | 'sender'> & { sender: { name: string; personalCode?: string | undefined; registrationNumber?: string | undefined; eAddress?: string | undefined }; files: AttachmentInput[] };

/**
 * One document from the agency's integration layer becomes an inquiry (or, for a repeated external message
 * id, the first one is returned). Files are checked and their signatures examined before the transaction;
 * the delivery row's unique (agency, external id) makes concurrent repeats wait for the first and find it.
 */
export async function deliverDocument(deps: AppDeps, key: IntegrationKeyRow, body: Delivery, ip: string | null): Promise<DeliveryResult> {
  if (!key.channels.includes(body.channel)) throw new AppError(403, 'channel-not-allowed', 'integrations.errors.channelNotAllowed');
  const origin: AuditOrigin = { actorId: null, actorLabel: `integration:${key.keyPrefix}`, ip };
  const now = new Date(deps.clock().epochMilliseconds);
  // The claim comes first: a new delivery costs no separate look-up; a repeat finds the first (or waits for it).
  const claimId = await claimDelivery(deps.db, key, body, now);
  if (!claimId) {
    const earlier = (await awaitFirstDelivery(deps.db, key.agency, body.externalMessageId)) ?? conflict();
    await recordAudit(deps.db, deps.clock, origin, { action: 'integration.document-repeated', recordType: 'inquiry', recordId: earlier.inquiryId, agency: key.agency, details: { keyId: key.id, externalMessageId: body.externalMessageId } });
    return earlier;
  }
  let kept;
  try {
    checkAttachments(body.files);
    ({ kept } = await examineAttachments(deps, body.files, 'reject'));
  } catch (error) {
    await releaseClaim(deps.db, claimId);
    throw error;
  }
  let receipt: CallbackRow | null = null;
  const name = body.sender.registrationNumber ? `${body.sender.name} (${body.sender.registrationNumber})` : body.sender.name;
  let filed;
  try {
    filed = await fileInquiry(
      deps,
      origin,
      { agency: key.agency, channel: INQUIRY_CHANNEL[body.channel], receivedAt: now, name: name.slice(0, 200), personalCode: body.sender.personalCode, subject: body.subject ?? '', text: body.text, attachments: kept, acknowledge: false },
      (db, inquiry) => {
        const callback = callbackWrite(db, key, { inquiryId: inquiry.id, kind: 'receipt', payload: { externalMessageId: body.externalMessageId, reference: inquiry.reference, deadline: inquiry.deadline, recipientEAddress: body.sender.eAddress ?? null } }, now);
        receipt = callback?.row ?? null;
        return [
          db.update(integrationDeliveries).set({ inquiryId: inquiry.id }).where(eq(integrationDeliveries.id, claimId)),
          auditWrite(db, deps.clock, origin, { action: 'integration.document-delivered', recordType: 'inquiry', recordId: inquiry.id, agency: key.agency, details: { keyId: key.id, channel: body.channel, externalMessageId: body.externalMessageId, files: kept.length } }),
          ...(callback ? [callback.write] : []),
        ];
      },
    );
  } catch (error) {
    await releaseClaim(deps.db, claimId);
    throw error;
  }
  await touchKey(deps.db, key, now);
  const queued = receipt as CallbackRow | null;
  if (queued) void attemptCallback(deps, queued).catch(() => undefined);
  const { inquiry } = filed;
  return { inquiryId: inquiry.id, reference: inquiry.reference, deadline: inquiry.deadline, duplicate: false, files: kept.map((f) => ({ fileName: f.fileName, signatureStatus: f.examined.verification.status })) };
}

/** A repeat that arrives while the first is being filed waits for it (briefly) and answers with its inquiry. */
async function awaitFirstDelivery(db: Database, agency: string, externalMessageId: string, timeoutMs = 10_000): Promise<DeliveryResult | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await existingDelivery(db, agency, externalMessageId);
    if (found || Date.now() > deadline) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A claim left without an inquiry this long (a crashed process) may be taken over by a repeat. */
const STALE_CLAIM_MS = 5 * 60_000;

async function claimDelivery(db: Database, key: IntegrationKeyRow, body: Delivery, now: Date): Promise<string | null> {
  const values = { agency: key.agency, externalMessageId: body.externalMessageId, channel: body.channel, keyId: key.id, senderEAddress: body.sender.eAddress ?? null, subAddressee: body.subAddressee ?? null, receivedAt: now };
  const [claimed] = await db.insert(integrationDeliveries).values(values).onConflictDoNothing().returning({ id: integrationDeliveries.id });
  if (claimed) return claimed.id;
  const [stale] = await db
    .update(integrationDeliveries)
    .set({ keyId: key.id, receivedAt: now })
    .where(and(eq(integrationDeliveries.agency, key.agency), eq(integrationDeliveries.externalMessageId, body.externalMessageId), isNull(integrationDeliveries.inquiryId), lt(integrationDeliveries.receivedAt, new Date(now.getTime() - STALE_CLAIM_MS))))
    .returning({ id: integrationDeliveries.id });
  return stale?.id ?? null;
}

/** A claim whose filing did not happen (refused files, a failed transaction) is removed: nothing stays written. */
async function releaseClaim(db: Database, claimId: string): Promise<void> {
  await db.delete(integrationDeliveries).where(and(eq(integrationDeliveries.id, claimId), isNull(integrationDeliveries.inquiryId)));
}

/**
 * "Last used" moves at most once a minute: the key's row is not a lock every delivery waits for, and when the
 * row just read shows a use within the minute no statement is sent at all.
 */
async function touchKey(db: Database, key: IntegrationKeyRow, now: Date): Promise<void> {
  if (key.lastUsedAt && key.lastUsedAt.getTime() > now.getTime() - 60_000) return;
  const id = key.id;
  await db
    .update(integrationKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(integrationKeys.id, id), or(isNull(integrationKeys.lastUsedAt), lt(integrationKeys.lastUsedAt, new Date(now.getTime() - 60_000)))));
}

function conflict(): never {
  throw new AppError(409, 'delivery-in-progress', 'integrations.errors.inProgress');
}
