import { appointmentsRecordKinds } from '../appointments/appointments.record-kinds.ts';
import { auditLogRecordKinds } from '../audit-log/audit-log.record-kinds.ts';
import { feedbackRecordKinds } from '../feedback/feedback.record-kinds.ts';
import { inquiriesRecordKinds } from '../inquiries/inquiries.record-kinds.ts';
import { outboxRecordKinds } from '../outbox/outbox.record-kinds.ts';
import { queueRecordKinds } from '../queue/queue.record-kinds.ts';
import { staffRecordKinds } from '../staff/staff.record-kinds.ts';
import { privacyRecordKinds } from './privacy.record-kinds.ts';
import type { DeclaredKind } from './record-kind.ts';

/**
 * Every feature's record kinds, in one list (the lead moves it into the composition root).
 * To add a feature: declare `<feature>RecordKinds` in its own folder and spread it here, e.g. the phone
 * feature's `logged-call` and `callback`, the registers' `incident`, `service-error` and `gift-declaration`.
 * Kinds with retention settings but no declaration yet are shown as "no records of this kind".
 */
export const RECORD_KINDS: readonly DeclaredKind[] = [
  ...inquiriesRecordKinds,
  ...appointmentsRecordKinds,
  ...queueRecordKinds,
  ...feedbackRecordKinds,
  ...outboxRecordKinds,
  ...staffRecordKinds,
  ...privacyRecordKinds,
  ...auditLogRecordKinds,
];
