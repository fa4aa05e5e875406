import { agenciesModule } from '../features/agencies/index.ts';
import { appointmentsModule } from '../features/appointments/index.ts';
import { auditLogModule } from '../features/audit-log/index.ts';
import { calendarModule } from '../features/calendar/index.ts';
import { clientAccessModule } from '../features/client-access/index.ts';
import { feedbackModule } from '../features/feedback/index.ts';
import { healthModule } from '../features/health/index.ts';
import { inquiriesModule } from '../features/inquiries/index.ts';
import { integrationsModule } from '../features/integrations/index.ts';
import { knowledgeBaseModule } from '../features/knowledge-base/index.ts';
import { outboxModule } from '../features/outbox/index.ts';
import { personalCodesModule } from '../features/personal-codes/index.ts';
import { phoneModule } from '../features/phone/index.ts';
import { privacyModule } from '../features/privacy/index.ts';
import { queueModule } from '../features/queue/index.ts';
import { registersModule } from '../features/registers/index.ts';
import { signaturesModule } from '../features/signatures/index.ts';
import { staffModule } from '../features/staff/index.ts';
import { standardFiguresModule } from '../features/standard-figures/index.ts';

/**
 * Every capability of the app, in registration order. Adding a feature is one line here (and one in
 * src/app/schema.ts when it has tables).
 */
export const MODULES = [
  staffModule,
  healthModule,
  agenciesModule,
  calendarModule,
  personalCodesModule,
  outboxModule,
  knowledgeBaseModule,
  inquiriesModule,
  appointmentsModule,
  queueModule,
  feedbackModule,
  phoneModule,
  registersModule,
  signaturesModule,
  integrationsModule,
  privacyModule,
  clientAccessModule,
  standardFiguresModule,
  auditLogModule,
] as const;
