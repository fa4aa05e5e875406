import type { RecordKind } from './record-kind.ts';

// The client area's own records: sign-in links and client sessions, kept as long as staff sessions.
export const privacyRecordKinds: readonly RecordKind[] = [
  {
    kind: 'staff-session',
    table: 'client_sign_in_links',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'expires_at',
    personalColumns: { email: 'null', ip: 'null' },
    heldBy: [],
  },
  {
    kind: 'staff-session',
    table: 'client_sessions',
    idColumn: 'id',
    idType: 'text',
    agencySql: 't.agency',
    timeColumn: 'expires_at',
    personalColumns: { email: 'empty' },
    heldBy: [],
  },
];
