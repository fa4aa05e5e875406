import { and, desc, eq, inArray, isNull, lt, or } from 'drizzle-orm';
import type { AuditRecord } from '../../platform/audit/audit.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/tables.ts';
import { staffMemberships } from '../staff/staff.tables.ts';

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

