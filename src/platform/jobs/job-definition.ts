import type { AppDeps } from '../deps.ts';

export type JobData = Record<string, unknown>;

/** What a job does with one queued job's data; what it returns is kept as the job's output. */
export type JobHandler = (deps: AppDeps, data: JobData) => Promise<unknown>;

export type JobQueueOptions = {
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  expireInSeconds?: number;
  /** 'singleton': at most one job of the queue active at a time, across all processes. */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
};

export type JobDefinition = {
  name: string;
  handler: JobHandler;
  /** Cron expression (five fields) in `tz`; without it the job runs only when sent. */
  cron: string | undefined;
  tz: string;
  /** A job that is not enabled gets no worker, and its schedule is removed (e.g. mail delivery without SMTP_URL). */
  enabled: (deps: AppDeps) => boolean;
  queue: JobQueueOptions;
};

export type DefineJobOptions = {
  cron?: string;
  /** Time zone of the cron expression; Europe/Riga unless given. */
  tz?: string;
  enabled?: (deps: AppDeps) => boolean;
  queue?: JobQueueOptions;
};

const DEFAULT_QUEUE: JobQueueOptions = { retryLimit: 2, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 };

/** One line per background job: `defineJob('feature.task', (deps) => doIt(deps), { cron: '0 8 * * 1-5' })`. */
export function defineJob(name: string, handler: JobHandler, options: DefineJobOptions = {}): JobDefinition {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) throw new Error(`job name "${name}": use lower-case letters, digits, '.', '_' and '-'`);
  return {
    name,
    handler,
    cron: options.cron,
    tz: options.tz ?? 'Europe/Riga',
    enabled: options.enabled ?? (() => true),
    queue: { ...DEFAULT_QUEUE, ...options.queue },
  };
}
