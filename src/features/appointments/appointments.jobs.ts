import type { JobDefinition } from '../../platform/jobs/job-definition.ts';

/** Background jobs of the appointments feature (listed in src/platform/jobs/app-jobs.ts); build each with defineJob. */
export const appointmentsJobs: readonly JobDefinition[] = [];
