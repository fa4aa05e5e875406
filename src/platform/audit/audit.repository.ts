import { and, count, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditLog, staffMemberships } from '../db/schema.ts';

export type AuditEvent = {
  at: Date;
  actorId: string | null;
  actorLabel: string;
  agency: string | null;
  action: string;
  recordType: string;
  recordId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
};

export type AuditRecord = AuditEvent & { id: number };

export async function insertAuditEvent(db: Database, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values(event);
}

/**
 * The event's INSERT as a part of a bigger statement, written only when the CTE named `cte` (an earlier part of
 * the same WITH) returned a row: a change and its audit row in one statement, so one round trip and no transaction.
 */
export function auditInsertIf(cte: string, event: AuditEvent): SQL {
  return sql`insert into ${auditLog} (at, actor_id, actor_label, agency, action, record_type, record_id, ip, details)
    select ${event.at.toISOString()}::timestamptz, ${event.actorId}::uuid, ${event.actorLabel}, ${event.agency}::text, ${event.action}, ${event.recordType},
      ${event.recordId}::text, ${event.ip}::text, ${JSON.stringify(event.details)}::jsonb
    where exists (select from ${sql.identifier(cte)})`;
}

/**
 * An agency's trail: events about its records, and the sign-in events of its
 * own staff (those carry no agency, as a person may serve several).
 */
export async function listAgencyAudit(db: Database, agency: string, limit: number, beforeId?: number): Promise<AuditRecord[]> {
  const members = db.select({ id: staffMemberships.userId }).from(staffMemberships).where(eq(staffMemberships.agency, agency));
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      and(
        or(eq(auditLog.agency, agency), and(isNull(auditLog.agency), inArray(auditLog.actorId, members))),
        beforeId ? lt(auditLog.id, beforeId) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, details: row.details ?? {} }));
}

export async function countRecentEvents(db: Database, action: string, detailKey: string, detailValue: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), gt(auditLog.at, since), sql`${auditLog.details}->>${detailKey} = ${detailValue}`));
  return row?.n ?? 0;
}
