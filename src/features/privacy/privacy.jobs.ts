import type { AuditOrigin } from '../../platform/audit/audit.ts';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { runRetention } from './retention.service.ts';

export const RETENTION_JOB_ORIGIN: AuditOrigin = { actorId: null, actorLabel: 'job:privacy.retention', ip: null };

/** Nightly at 02:30 Riga time, one run at a time across all processes. */
export const privacyJobs: readonly JobDefinition[] = [
  defineJob(
    'privacy.retention',
    async (deps) => {
      const result = await runRetention(deps, { dryRun: false, origin: RETENTION_JOB_ORIGIN });
      return { runId: result.runId, changed: result.lines.reduce((sum, line) => sum + line.count, 0) };
    },
    { cron: '30 2 * * *', queue: { policy: 'singleton', retryLimit: 1, expireInSeconds: 60 * 60 } },
  ),
];
