import type { WholeMonthsKind } from '../privacy/record-kind.ts';

// The audit log is append-only: its retention removes whole expired months through the database function
// audit_log_purge_before() (migration 0011), never single rows.
export const auditLogRecordKinds: readonly WholeMonthsKind[] = [{ kind: 'audit-event', table: 'audit_log', timeColumn: 'at', purge: 'whole-months' }];
