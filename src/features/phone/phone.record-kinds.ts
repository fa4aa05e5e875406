import type { RecordKind } from '../privacy/record-kind.ts';

// The phone feature's records. Topic, outcome, duration and times stay: the phone figures do not change.
export const phoneRecordKinds: readonly RecordKind[] = [
  {
    kind: 'logged-call',
    table: 'phone_calls',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'started_at',
    personalColumns: { note: 'empty', personal_code_hash: 'null' },
    heldBy: [{ kind: 'logged-call', idSql: 't.id' }],
  },
  {
    kind: 'callback',
    table: 'phone_callbacks',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'requested_at',
    personalColumns: { name: 'empty', phone: 'empty', email: 'null', description: 'empty' },
    // Only callbacks that are finished: an open one is still work to do.
    eligibleSql: "t.status in ('reached', 'unreachable')",
    heldBy: [{ kind: 'callback', idSql: 't.id' }],
  },
];
