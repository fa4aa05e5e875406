import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AuditRecord } from '../../platform/audit/audit.repository.ts';
import { rigaPeriod } from '../../platform/clock.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { listAgencyAudit, listAgencyStaff } from './audit-log.repository.ts';
import type { AuditQuery } from './audit-log.schema.ts';

export const AUDIT_PAGE_SIZE = 200;

export type AuditPage = { records: AuditRecord[]; nextBefore: number | null };

/** The agency's trail, newest first, filtered by person, record and Riga period. Reading the trail is itself recorded. */
export async function readAgencyAudit(deps: ServiceDeps, scope: AgencyScope, origin: AuditOrigin, query: AuditQuery = {}): Promise<AuditPage> {
  const { start, end } = rigaPeriod(query.from, query.to);
  const filter = {
    ...(query.actor ? { actor: query.actor } : {}),
    ...(query.recordType ? { recordType: query.recordType } : {}),
    ...(query.recordId ? { recordId: query.recordId } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(query.before ? { beforeId: query.before } : {}),
  };
  const rows = await listAgencyAudit(deps.db, scope.agency, AUDIT_PAGE_SIZE + 1, filter);
  const records = rows.slice(0, AUDIT_PAGE_SIZE);
  const { before: _page, ...shown } = query;
  await recordAudit(deps.db, deps.clock, origin, { action: 'audit.viewed', recordType: 'audit_log', agency: scope.agency, details: shown });
  return { records, nextBefore: rows.length > AUDIT_PAGE_SIZE ? (records.at(-1)?.id ?? null) : null };
}

export function agencyStaff(deps: ServiceDeps, scope: AgencyScope): Promise<{ id: string; name: string }[]> {
  return listAgencyStaff(deps.db, scope.agency);
}
