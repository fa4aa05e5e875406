// The integrations' callbacks on /staff/outbox (issue 20: "visible in the outbox"), through the outbox's seam.
import { desc, eq, inArray } from 'drizzle-orm';
import { inquiries } from '../inquiries/inquiries.tables.ts';
import { targetHost, type OutboxSource } from '../outbox/index.ts';
import { integrationsMessages } from './integrations.messages.ts';
import { integrationCallbacks } from './integrations.tables.ts';

const { lv, en } = integrationsMessages;
type Kind = keyof typeof lv.callbackKind;
const kindOf = (kind: string) => (kind in lv.callbackKind ? { lv: lv.callbackKind[kind as Kind], en: en.callbackKind[kind as Kind] } : { lv: kind, en: kind });

export const integrationCallbacksOutboxSource: OutboxSource = {
  name: 'integration-callbacks',
  title: { lv: lv.outboxTitle, en: en.outboxTitle },
  async list(db, agencies, limit) {
    if (agencies.length === 0) return [];
    const rows = await db
      .select({
        id: integrationCallbacks.id,
        agency: integrationCallbacks.agency,
        createdAt: integrationCallbacks.createdAt,
        url: integrationCallbacks.url,
        kind: integrationCallbacks.kind,
        status: integrationCallbacks.status,
        attempts: integrationCallbacks.attempts,
        lastError: integrationCallbacks.lastError,
        sentAt: integrationCallbacks.sentAt,
        reference: inquiries.reference,
      })
      .from(integrationCallbacks)
      .leftJoin(inquiries, eq(inquiries.id, integrationCallbacks.inquiryId))
      .where(inArray(integrationCallbacks.agency, [...agencies]))
      .orderBy(desc(integrationCallbacks.createdAt))
      .limit(limit);
    return rows.map(({ url, kind, ...row }) => ({ ...row, target: targetHost(url), kind: kindOf(kind) }));
  },
};
