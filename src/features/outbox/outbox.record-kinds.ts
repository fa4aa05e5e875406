import type { RecordKind } from '../privacy/record-kind.ts';

// Mail the platform sent (or kept for staff to read): addresses and texts are personal.
export const outboxRecordKinds: readonly RecordKind[] = [
  {
    kind: 'outbox-mail',
    table: 'mail_outbox',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'created_at',
    personalColumns: { to_address: 'empty', subject: 'empty', body_text: 'empty', attachments: 'empty-array' },
    // Mail still waiting for SMTP is not touched.
    eligibleSql: `(t.sent_at is not null or t.transport = 'outbox' or t.next_attempt_at is null)`,
    heldBy: [],
  },
];
