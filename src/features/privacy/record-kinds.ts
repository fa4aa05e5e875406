import { appointmentsRecordKinds } from '../appointments/appointments.record-kinds.ts';
import { auditLogRecordKinds } from '../audit-log/audit-log.record-kinds.ts';
import { feedbackRecordKinds } from '../feedback/feedback.record-kinds.ts';
import { inquiriesRecordKinds } from '../inquiries/inquiries.record-kinds.ts';
import { outboxRecordKinds } from '../outbox/outbox.record-kinds.ts';
import { phoneRecordKinds } from '../phone/phone.record-kinds.ts';
import { queueRecordKinds } from '../queue/queue.record-kinds.ts';
import { registersRecordKinds } from '../registers/registers.record-kinds.ts';
import { staffRecordKinds } from '../staff/staff.record-kinds.ts';
import { privacyRecordKinds } from './privacy.record-kinds.ts';
import type { DeclaredKind } from './record-kind.ts';

/**
 * Every feature's record kinds, in one list. To add a feature: declare `<feature>RecordKinds` in its own
 * folder and spread it here. Kinds with retention settings but no declaration are shown as "no records of this kind".
 */
export const RECORD_KINDS: readonly DeclaredKind[] = [
  ...inquiriesRecordKinds,
  ...appointmentsRecordKinds,
  ...queueRecordKinds,
  ...feedbackRecordKinds,
  ...phoneRecordKinds,
  ...registersRecordKinds,
  ...outboxRecordKinds,
  ...staffRecordKinds,
  ...privacyRecordKinds,
  ...auditLogRecordKinds,
];
