import type { RecordKind } from '../privacy/record-kind.ts';

// The feedback feature's records. Ratings and the monthly sums stay: the "is the standard kept" figures do not change.
export const feedbackRecordKinds: readonly RecordKind[] = [
  {
    kind: 'survey-response',
    table: 'feedback_responses',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'submitted_at',
    personalColumns: { comments: 'empty-object', staff_id: 'null' },
    heldBy: [{ kind: 'survey-response', idSql: 't.id' }],
  },
  {
    kind: 'opinion',
    table: 'feedback_opinions',
    idColumn: 'id',
    agencySql: 't.agency',
    timeColumn: 'received_at',
    personalColumns: { author_name: 'null', author_email: 'null', author_phone: 'null', staff_name: 'null', text: 'empty', person_keys: 'no-keys' },
    heldBy: [{ kind: 'opinion', idSql: 't.id' }],
    subject: {
      matchSql: 't.agency = {{agency}} and t.person_keys && {{keys}}',
      referenceSql: "coalesce(t.inquiry_reference, t.kind)",
      statusSql: 't.kind',
    },
  },
];
