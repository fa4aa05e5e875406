import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.ts';
import { sampleFirstFreeSlots } from './first-free-slot.service.ts';
import { rebuildAll, refreshRecent } from './refresh.service.ts';

/**
 * Aggregates kept fresh by the job queue (docs/architecture.md): today and yesterday every minute (figures at
 * most a minute or two old), the last 35 days every hour (survey answers, outcomes recorded late), and a full
 * rebuild every night (any late correction of an older record).
 */
export const standardFiguresJobs: readonly JobDefinition[] = [
  defineJob('standard-figures.refresh', async (deps) => refreshRecent(deps, 2), { cron: '* * * * *', queue: { policy: 'singleton', retryLimit: 0, expireInSeconds: 5 * 60 } }),
  defineJob('standard-figures.refresh-month', async (deps) => refreshRecent(deps, 35), { cron: '17 * * * *', queue: { policy: 'singleton', retryLimit: 1 } }),
  // Once a day, before the centres open: working days to the first free appointment slot per place.
  defineJob('standard-figures.first-free-slot', async (deps) => sampleFirstFreeSlots(deps), { cron: '45 7 * * *', queue: { policy: 'singleton', retryLimit: 1 } }),
  defineJob('standard-figures.rebuild', async (deps) => rebuildAll(deps), { cron: '40 2 * * *', queue: { policy: 'singleton', retryLimit: 1, expireInSeconds: 60 * 60 } }),
];
