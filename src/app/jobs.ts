import type { JobDefinition } from '../platform/jobs/job-definition.ts';
import { mailDeliveryJob } from '../platform/jobs/mail-delivery.ts';
import { MODULES } from './modules.ts';

/** Every background job: the platform's own (mail delivery) and each feature's. */
export const APP_JOBS: readonly JobDefinition[] = [mailDeliveryJob, ...MODULES.flatMap((module) => ('jobs' in module ? module.jobs : []))];
