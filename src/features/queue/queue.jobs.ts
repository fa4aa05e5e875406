import type { JobDefinition } from '../../platform/jobs/job-definition.ts';

/** Background jobs of the queue feature (listed in src/platform/jobs/app-jobs.ts); build each with defineJob. */
export const queueJobs: readonly JobDefinition[] = [];
