import type { RecordKind } from '../privacy/record-kind.ts';

// The queue's records: a ticket names no one, but its link to a booked visit leads to a person.
export const queueRecordKinds: readonly RecordKind[] = [
  {
    kind: 'queue-ticket',
    table: 'queue_tickets',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'issued_at',
    // Waiting and service times stay for the figures; the link to the person goes.
    personalColumns: { appointment_id: 'null' },
    heldBy: [
      { kind: 'queue-ticket', idSql: 't.id' },
      { kind: 'appointment', idSql: 't.appointment_id' },
    ],
    subject: {
      matchSql: 't.agency = {{agency}} and t.appointment_id in (select a.id from appointments a where a.agency = {{agency}} and a.person_keys && {{keys}})',
      referenceSql: 't.number',
      statusSql: 't.status',
    },
  },
];
