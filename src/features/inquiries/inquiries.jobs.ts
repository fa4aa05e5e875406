import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { sendDeadlineWarnings } from './deadline-warnings.service.ts';

export const inquiriesJobs: readonly JobDefinition[] = [
  // Every working hour, Riga time: warnings reach staff while they are at work.
  defineJob('inquiries.deadline-warnings', async (deps) => ({ queued: await sendDeadlineWarnings(deps) }), {
    cron: '0 8-17 * * 1-5',
    queue: { policy: 'singleton' },
  }),
];
