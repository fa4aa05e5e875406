import { withTransaction } from '../../platform/db/transaction.ts';
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { NewKey } from './integrations.schema.ts';
import { integrationKeys } from './integrations.tables.ts';

export type IntegrationKeyRow = typeof integrationKeys.$inferSelect;

export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A new key and callback secret: returned once, only their hash and the secret (to sign callbacks) are kept. */
export async function createIntegrationKey(deps: ServiceDeps, scope: AgencyScope, origin: AuditOrigin, input: NewKey) {
  const key = `apk_${randomBytes(32).toString('base64url')}`;
  const callbackSecret = randomBytes(32).toString('base64url');
  return withTransaction(deps.db, async (db) => {
    const [row] = await db
      .insert(integrationKeys)
      .values({
        agency: scope.agency,
        label: input.label,
        keyPrefix: key.slice(0, 12),
        keyHash: hashKey(key),
        channels: input.channels,
        callbackUrl: input.callbackUrl ?? null,
        callbackSecret,
        createdBy: scope.actor.id,
        createdAt: new Date(deps.clock().epochMilliseconds),
      })
      .returning();
    await recordAudit(db, deps.clock, origin, { action: 'integration.key-created', recordType: 'integration-key', recordId: row!.id, agency: scope.agency, details: { label: input.label, channels: input.channels } });
    return { row: row!, key, callbackSecret };
  });
}

export async function listIntegrationKeys(deps: ServiceDeps, scope: AgencyScope): Promise<IntegrationKeyRow[]> {
  return deps.db.select().from(integrationKeys).where(eq(integrationKeys.agency, scope.agency)).orderBy(desc(integrationKeys.createdAt));
}

export async function revokeIntegrationKey(deps: ServiceDeps, scope: AgencyScope, origin: AuditOrigin, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError(404, 'not-found', 'errors.notFoundTitle');
  await withTransaction(deps.db, async (db) => {
    const now = new Date(deps.clock().epochMilliseconds);
    const [row] = await db
      .update(integrationKeys)
      .set({ revokedAt: now, revokedBy: scope.actor.id })
      .where(and(eq(integrationKeys.id, id), eq(integrationKeys.agency, scope.agency), isNull(integrationKeys.revokedAt)))
      .returning({ id: integrationKeys.id });
    if (!row) throw new AppError(404, 'not-found', 'errors.notFoundTitle');
    await recordAudit(db, deps.clock, origin, { action: 'integration.key-revoked', recordType: 'integration-key', recordId: id, agency: scope.agency });
  });
}

export type KeyCheck = { ok: true; key: IntegrationKeyRow } | { ok: false; status: 401 | 403 };

/** The key of a request for an agency: unknown or revoked → 401; another agency's → 403. Writes nothing. */
export async function checkIntegrationKey(db: Database, agency: string, authorization: string | undefined): Promise<KeyCheck> {
  const presented = /^Bearer\s+(\S{10,200})$/i.exec(authorization ?? '')?.[1];
  if (!presented) return { ok: false, status: 401 };
  const [row] = await db.select().from(integrationKeys).where(eq(integrationKeys.keyHash, hashKey(presented))).limit(1);
  if (!row || row.revokedAt) return { ok: false, status: 401 };
  if (row.agency !== agency) return { ok: false, status: 403 };
  return { ok: true, key: row };
}
