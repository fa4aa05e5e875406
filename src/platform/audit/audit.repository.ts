import { and, count, eq, gt, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditLog } from '../db/tables.ts';

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
  await auditEventWrite(db, event);
}

export function auditEventWrite(db: Database, event: AuditEvent) {
  return db.insert(auditLog).values(event);
}

/**
 * The audit INSERT as a part of a bigger prepared statement, written only when the CTE named `cte` (an earlier part
 * of the same WITH) returned a row: a change and its audit row in one statement, so one round trip and no
 * transaction. Its values are the placeholders of auditValues.
 */
export function auditInsertIf(cte: string): SQL {
  const p = (name: keyof AuditEvent) => sql.placeholder(`audit_${name}`);
  return sql`insert into ${auditLog} (at, actor_id, actor_label, agency, action, record_type, record_id, ip, details)
    select ${p('at')}::timestamptz, ${p('actorId')}::uuid, ${p('actorLabel')}::text, ${p('agency')}::text, ${p('action')}::text, ${p('recordType')}::text,
      ${p('recordId')}::text, ${p('ip')}::text, ${p('details')}::jsonb
    where exists (select from ${sql.identifier(cte)})`;
}

/** The placeholder values of auditInsertIf for one event. */
export function auditValues(event: AuditEvent): Record<`audit_${keyof AuditEvent}`, unknown> {
  return {
    audit_at: event.at.toISOString(),
    audit_actorId: event.actorId,
    audit_actorLabel: event.actorLabel,
    audit_agency: event.agency,
    audit_action: event.action,
    audit_recordType: event.recordType,
    audit_recordId: event.recordId,
    audit_ip: event.ip,
    audit_details: JSON.stringify(event.details),
  };
}

export async function countRecentEvents(db: Database, action: string, detailKey: string, detailValue: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), gt(auditLog.at, since), sql`${auditLog.details}->>${detailKey} = ${detailValue}`));
  return row?.n ?? 0;
}
