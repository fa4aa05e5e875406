import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AuditRecord } from '../../platform/audit/audit.repository.ts';
import { listAgencyAudit } from './audit-log.repository.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import type { ServiceDeps } from '../../platform/deps.ts';

export const AUDIT_PAGE_SIZE = 200;

/** The agency's trail, newest first. Reading the trail is itself recorded. */
export async function readAgencyAudit(deps: ServiceDeps, scope: AgencyScope, origin: AuditOrigin, beforeId?: number): Promise<AuditRecord[]> {
  const records = await listAgencyAudit(deps.db, scope.agency, AUDIT_PAGE_SIZE, beforeId);
  await recordAudit(deps.db, deps.clock, origin, { action: 'audit.viewed', recordType: 'audit_log', agency: scope.agency });
  return records;
}
