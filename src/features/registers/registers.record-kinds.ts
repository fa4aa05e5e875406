import type { RecordKind } from '../privacy/record-kind.ts';

// The registers' records. Kinds, actions, steps, dates and values stay: the conduct figures do not change.
export const registersRecordKinds: readonly RecordKind[] = [
  {
    kind: 'incident',
    table: 'register_incidents',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'occurred_at',
    personalColumns: { client: 'null', staff_involved: 'null', description: 'empty', review_note: 'null' },
    eligibleSql: "t.status = 'closed'",
    heldBy: [{ kind: 'incident', idSql: 't.id' }],
  },
  {
    kind: 'service-error',
    table: 'register_service_errors',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'created_at',
    personalColumns: { description: 'empty', consequences: 'null' },
    eligibleSql: "t.status = 'closed'",
    heldBy: [{ kind: 'service-error', idSql: 't.id' }],
  },
  {
    kind: 'gift-declaration',
    table: 'register_gifts',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'created_at',
    personalColumns: { offered_by: 'null', what: 'empty', reason: 'null' },
    heldBy: [{ kind: 'gift-declaration', idSql: 't.id' }],
  },
];
