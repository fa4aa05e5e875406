import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { sendDeadlineWarnings } from './deadline-warnings.service.ts';
import { deleteExpiredFormFiles } from './public/pending-uploads.service.ts';

export const inquiriesJobs: readonly JobDefinition[] = [
  // Every working hour, Riga time: warnings reach staff while they are at work.
  defineJob('inquiries.deadline-warnings', async (deps) => ({ queued: await sendDeadlineWarnings(deps) }), {
    cron: '0 8-17 * * 1-5',
    queue: { policy: 'singleton' },
  }),
  // Files chosen on the question form but never filed go within a quarter of an hour of their expiry.
  defineJob('inquiries.pending-uploads', async (deps) => ({ deleted: await deleteExpiredFormFiles(deps) }), {
    cron: '*/15 * * * *',
    queue: { policy: 'singleton', retryLimit: 1 },
  }),
];
