import type { RecordKind } from '../privacy/record-kind.ts';

// The appointments feature's records for retention and subject access (collected in privacy/record-kinds.ts).
export const appointmentsRecordKinds: readonly RecordKind[] = [
  {
    kind: 'appointment',
    table: 'appointments',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'starts_at',
    personalColumns: {
      client_name: 'empty',
      client_email: 'null',
      client_phone: 'null',
      client_personal_code: 'null',
      reason: 'null',
      notes: 'empty',
      identity_document: 'null',
      cancel_reason: 'null',
      person_keys: 'no-keys',
    },
    // A visit still ahead is never touched, whatever the period.
    eligibleSql: `t.status <> 'booked'`,
    heldBy: [{ kind: 'appointment', idSql: 't.id' }],
    subject: {
      matchSql: 't.agency = {{agency}} and t.person_keys && {{keys}}',
      referenceSql: 't.booking_code',
      statusSql: 't.status',
    },
  },
];
