import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { staffUsers } from '../staff/staff.tables.ts';
import { legalHolds } from './privacy.tables.ts';
import type { SetHoldInput } from './privacy.schema.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import { isRowKind } from './record-kind.ts';
import { rowsOf } from './sql-template.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
export type HoldRefusal = { ok: false; status: number; field: string; key: 'recordNotFound' | 'alreadyHeld' | 'holdNotFound' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record's id within the agency: an inquiry also by its reference number. */
async function resolveRecord(db: Database, agency: string, kind: string, record: string): Promise<string | null> {
  const declaration = RECORD_KINDS.filter(isRowKind).find((d) => d.kind === kind && d.agencySql !== null);
  if (!declaration?.agencySql) return null;
  const byId = UUID.test(record) ? sql`t.${sql.raw(declaration.idColumn)} = ${record.toLowerCase()}::uuid` : sql`false`;
  const byReference = declaration.subject ? sql`${sql.raw(declaration.subject.referenceSql)} = ${record}` : sql`false`;
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`select t.${sql.raw(declaration.idColumn)}::text as id from ${sql.raw(declaration.table)} t
        where ${sql.raw(declaration.agencySql)} = ${agency} and (${byId} or ${byReference}) limit 1`,
  );
  return row?.id ?? null;
}

export async function setHold(deps: Deps, scope: AgencyScope, origin: AuditOrigin, input: SetHoldInput): Promise<{ ok: true; id: string } | HoldRefusal> {
  return deps.db.transaction(async (tx) => {
    const recordId = await resolveRecord(tx, scope.agency, input.kind, input.record);
    if (!recordId) return { ok: false, status: 404, field: 'record', key: 'recordNotFound' } as const;
    const [held] = await tx
      .insert(legalHolds)
      .values({ agency: scope.agency, recordKind: input.kind, recordId, reason: input.reason, setBy: scope.actor.id, setAt: new Date(deps.clock().epochMilliseconds) })
      .onConflictDoNothing()
      .returning({ id: legalHolds.id });
    if (!held) return { ok: false, status: 409, field: 'record', key: 'alreadyHeld' } as const;
    await recordAudit(tx, deps.clock, origin, { action: 'privacy.hold-set', recordType: input.kind, recordId, agency: scope.agency, details: { holdId: held.id, reason: input.reason } });
    return { ok: true, id: held.id } as const;
  });
}

export async function liftHold(deps: Deps, scope: AgencyScope, origin: AuditOrigin, input: { hold: string; reason: string }): Promise<{ ok: true } | HoldRefusal> {
  return deps.db.transaction(async (tx) => {
    const [lifted] = await tx
      .update(legalHolds)
      .set({ liftedAt: new Date(deps.clock().epochMilliseconds), liftedBy: scope.actor.id, liftReason: input.reason })
      .where(and(eq(legalHolds.id, input.hold), eq(legalHolds.agency, scope.agency), isNull(legalHolds.liftedAt)))
      .returning({ kind: legalHolds.recordKind, recordId: legalHolds.recordId });
    if (!lifted) return { ok: false, status: 404, field: 'hold', key: 'holdNotFound' } as const;
    await recordAudit(tx, deps.clock, origin, { action: 'privacy.hold-lifted', recordType: lifted.kind, recordId: lifted.recordId, agency: scope.agency, details: { holdId: input.hold, reason: input.reason } });
    return { ok: true } as const;
  });
}

export async function activeHolds(deps: Pick<AppDeps, 'db'>, agency: string) {
  return deps.db
    .select({ id: legalHolds.id, kind: legalHolds.recordKind, recordId: legalHolds.recordId, reason: legalHolds.reason, setAt: legalHolds.setAt, setBy: staffUsers.name })
    .from(legalHolds)
    .leftJoin(staffUsers, eq(staffUsers.id, legalHolds.setBy))
    .where(and(eq(legalHolds.agency, agency), isNull(legalHolds.liftedAt)))
    .orderBy(desc(legalHolds.setAt))
    .limit(500);
}
