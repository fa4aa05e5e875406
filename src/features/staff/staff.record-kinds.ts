import type { RecordKind } from '../privacy/record-kind.ts';

// Staff sessions: platform-wide (a staff member may belong to several agencies); deleted once expired long enough.
export const staffRecordKinds: readonly RecordKind[] = [
  {
    kind: 'staff-session',
    table: 'staff_sessions',
    idColumn: 'id',
    idType: 'text',
    agencySql: null,
    timeColumn: 'expires_at',
    personalColumns: { ip: 'null', user_agent: 'null' },
    heldBy: [],
  },
];
