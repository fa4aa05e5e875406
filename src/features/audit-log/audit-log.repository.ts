import { and, asc, desc, eq, gte, inArray, isNull, lt, or, type SQL } from 'drizzle-orm';
import type { AuditRecord } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/tables.ts';
import { staffMemberships, staffUsers } from '../staff/staff.tables.ts';

export type AuditFilter = { actor?: string; recordType?: string; recordId?: string; start?: Date; end?: Date; beforeId?: number };

/**
 * An agency's trail: events about its records, and the sign-in events of its
 * own staff (those carry no agency, as a person may serve several).
 */
export async function listAgencyAudit(db: Database, agency: string, limit: number, filter: AuditFilter = {}): Promise<AuditRecord[]> {
  const members = db.select({ id: staffMemberships.userId }).from(staffMemberships).where(eq(staffMemberships.agency, agency));
  const conditions: (SQL | undefined)[] = [
    or(eq(auditLog.agency, agency), and(isNull(auditLog.agency), inArray(auditLog.actorId, members))),
    filter.actor ? eq(auditLog.actorId, filter.actor) : undefined,
    filter.recordType ? eq(auditLog.recordType, filter.recordType) : undefined,
    filter.recordId ? eq(auditLog.recordId, filter.recordId) : undefined,
    filter.start ? gte(auditLog.at, filter.start) : undefined,
    filter.end ? lt(auditLog.at, filter.end) : undefined,
    filter.beforeId ? lt(auditLog.id, filter.beforeId) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, details: row.details ?? {} }));
}

/** The agency's staff, for the "who" filter. */
export function listAgencyStaff(db: Database, agency: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name })
    .from(staffUsers)
    .innerJoin(staffMemberships, eq(staffMemberships.userId, staffUsers.id))
    .where(eq(staffMemberships.agency, agency))
    .orderBy(asc(staffUsers.name));
}
