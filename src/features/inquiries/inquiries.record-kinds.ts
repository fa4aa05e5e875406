import type { RecordKind } from '../privacy/record-kind.ts';

// The inquiries feature's records for retention and subject access (collected in privacy/record-kinds.ts).
const FINISHED = `t.status in ('answered', 'forwarded', 'closed', 'unexamined', 'merged')`;
const PARENT_FINISHED = `exists (select 1 from inquiries i where i.id = t.inquiry_id and i.status in ('answered', 'forwarded', 'closed', 'unexamined', 'merged'))`;
const PARENT_AGENCY = '(select i.agency from inquiries i where i.id = t.inquiry_id)';

export const inquiriesRecordKinds: readonly RecordKind[] = [
  {
    kind: 'inquiry',
    table: 'inquiries',
    idColumn: 'id',
    agencySql: 't.agency',
    // The period runs from the last change: an inquiry answered years after receipt is kept from its answer.
    timeColumn: 'updated_at',
    personalColumns: {
      requester_name: 'empty',
      requester_email: 'null',
      requester_phone: 'null',
      requester_personal_code: 'null',
      requester_address: 'null',
      subject: 'empty',
      search_text: 'empty',
      person_keys: 'no-keys',
    },
    eligibleSql: FINISHED,
    heldBy: [{ kind: 'inquiry', idSql: 't.id' }],
    subject: {
      matchSql: 't.agency = {{agency}} and t.person_keys && {{keys}}',
      referenceSql: 't.reference',
      statusSql: 't.status',
      atSql: 't.received_at',
      staffPath: '/iesniegumi/{{id}}',
    },
  },
  {
    kind: 'message',
    table: 'inquiry_messages',
    idColumn: 'id',
    agencySql: PARENT_AGENCY,
    timeColumn: 'at',
    personalColumns: { subject: 'empty', body_text: 'empty' },
    eligibleSql: PARENT_FINISHED,
    heldBy: [{ kind: 'inquiry', idSql: 't.inquiry_id' }],
  },
  {
    kind: 'attachment',
    table: 'inquiry_attachments',
    idColumn: 'id',
    agencySql: PARENT_AGENCY,
    timeColumn: 'created_at',
    personalColumns: { file_name: 'empty', content: 'empty-bytes' },
    eligibleSql: PARENT_FINISHED,
    heldBy: [{ kind: 'inquiry', idSql: 't.inquiry_id' }],
  },
];
