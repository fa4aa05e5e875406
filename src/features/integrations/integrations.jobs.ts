import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { deliverDueCallbacks } from './callbacks.service.ts';

/** Callbacks not taken at once: tried again every minute with back-off (1, 2, 4 … min; failed after 12 attempts). */
export const integrationsJobs: JobDefinition[] = [
  defineJob('integrations.callbacks', (deps) => deliverDueCallbacks(deps), { cron: '* * * * *', queue: { policy: 'singleton', retryLimit: 0, expireInSeconds: 10 * 60 } }),
];
