import { sendDeadlineWarnings } from '../../features/inquiries/deadline-warnings.service.ts';
import { appointmentsJobs } from '../../features/appointments/appointments.jobs.ts';
import { standardFiguresJobs } from '../../features/standard-figures/standard-figures.jobs.ts';
import { defineJob, type JobDefinition } from './job-definition.ts';
import { deliverUnsentMail } from './mail-delivery.ts';

/** Every background job of the platform. A feature adds its job here, in one line. */
export const APP_JOBS: readonly JobDefinition[] = [
  // Every working hour, Riga time: warnings reach staff while they are at work.
  defineJob('inquiries.deadline-warnings', async (deps) => ({ queued: await sendDeadlineWarnings(deps) }), {
    cron: '0 8-17 * * 1-5',
    queue: { policy: 'singleton' },
  }),
  // Mail SMTP did not take at once: tried again every minute while SMTP_URL is set.
  defineJob('mail.deliver', (deps) => deliverUnsentMail(deps), {
    cron: '* * * * *',
    enabled: (deps) => Boolean(deps.config.smtpUrl),
    queue: { policy: 'singleton', retryLimit: 0, expireInSeconds: 10 * 60 },
  }),
  ...appointmentsJobs,
  ...standardFiguresJobs,
];
