import { createHmac, randomUUID } from 'node:crypto';
import { and, asc, desc, eq, lte } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { nextDeliveryAttempt } from '../../platform/mail/retry-policy.ts';
import { integrationCallbacks, integrationKeys } from './integrations.tables.ts';
import type { IntegrationKeyRow } from './integration-keys.service.ts';

export type CallbackRow = typeof integrationCallbacks.$inferSelect;
const TIMEOUT_MS = 10_000;

/** The signature header: hex HMAC-SHA256 of `timestamp.body` with the key's callback secret. */
export function signCallback(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/** Queues one callback in the caller's transaction; the job (and an immediate try after commit) sends it. */
type CallbackInput = { inquiryId: string | null; kind: string; payload: Record<string, unknown> };

export async function queueCallback(db: Database, key: IntegrationKeyRow, input: CallbackInput, now: Date): Promise<CallbackRow | null> {
  const planned = callbackWrite(db, key, input, now);
  if (!planned) return null;
  await planned.write;
  return planned.row;
}

/** The callback's insert unsent (to go with the change it reports) and the row it writes; none without a callback URL. */
export function callbackWrite(db: Database, key: IntegrationKeyRow, input: CallbackInput, now: Date) {
  if (!key.callbackUrl) return null;
  const row: CallbackRow = {
    id: randomUUID(),
    agency: key.agency,
    keyId: key.id,
    inquiryId: input.inquiryId,
    kind: input.kind,
    url: key.callbackUrl,
    payload: input.payload,
    status: 'pending',
    attempts: 0,
    lastStatus: null,
    lastError: null,
    createdAt: now,
    sentAt: null,
    nextAttemptAt: now,
  };
  return { row, write: db.insert(integrationCallbacks).values(row) };
}

async function post(url: string, secret: string, row: CallbackRow, now: Date): Promise<{ ok: boolean; status: number | null; error: string | null }> {
  const body = JSON.stringify({ id: row.id, kind: row.kind, ...row.payload });
  const timestamp = String(Math.floor(now.getTime() / 1000));
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-apkalpe-timestamp': timestamp, 'x-apkalpe-signature': `sha256=${signCallback(secret, timestamp, body)}`, 'x-apkalpe-callback-id': row.id },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: 'error',
    });
    await response.arrayBuffer().catch(() => undefined);
    return { ok: response.ok, status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, status: null, error: cause ?? (error instanceof Error ? error.name : 'failed') };
  }
}

/** One attempt: sent, or the next attempt scheduled with back-off, or after the last attempt marked failed. */
export async function attemptCallback(deps: ServiceDeps, row: CallbackRow): Promise<CallbackRow['status']> {
  const [key] = await deps.db.select().from(integrationKeys).where(eq(integrationKeys.id, row.keyId)).limit(1);
  const now = new Date(deps.clock().epochMilliseconds);
  const result = key ? await post(row.url, key.callbackSecret, row, now) : { ok: false, status: null, error: 'key-missing' };
  const attempts = row.attempts + 1;
  const next = result.ok ? null : nextDeliveryAttempt(attempts, now);
  const status = result.ok ? 'sent' : next ? 'pending' : 'failed';
  await deps.db
    .update(integrationCallbacks)
    .set({ attempts, status, lastStatus: result.status, lastError: result.error, sentAt: result.ok ? now : null, ...(next ? { nextAttemptAt: next } : {}) })
    .where(and(eq(integrationCallbacks.id, row.id), eq(integrationCallbacks.status, 'pending')));
  return status;
}

/** The job: every pending callback whose time has come (oldest first, a bounded batch). */
export async function deliverDueCallbacks(deps: ServiceDeps, limit = 50): Promise<{ sent: number; pending: number; failed: number }> {
  const now = new Date(deps.clock().epochMilliseconds);
  const due = await deps.db
    .select()
    .from(integrationCallbacks)
    .where(and(eq(integrationCallbacks.status, 'pending'), lte(integrationCallbacks.nextAttemptAt, now)))
    .orderBy(asc(integrationCallbacks.nextAttemptAt))
    .limit(limit);
  const counts = { sent: 0, pending: 0, failed: 0 };
  for (const row of due) counts[await attemptCallback(deps, row)] += 1;
  return counts;
}

export async function listCallbacks(db: Database, agency: string, limit = 100): Promise<CallbackRow[]> {
  return db.select().from(integrationCallbacks).where(eq(integrationCallbacks.agency, agency)).orderBy(desc(integrationCallbacks.createdAt)).limit(limit);
}
