import pg from 'pg';
import PgBoss from 'pg-boss';
import type { DatabaseHandle } from '../db/client.ts';
import type { AppDeps } from '../deps.ts';
import type { JobData, JobDefinition } from './job-definition.ts';
import { pgliteBossDb, type PgBossDb } from './pglite-adapter.ts';

export { defineJob, type JobDefinition, type JobHandler } from './job-definition.ts';

export type JobLogger = {
  debug?: (details: object, message: string) => void;
  info: (details: object, message: string) => void;
  warn: (details: object, message: string) => void;
  error: (details: object, message: string) => void;
};

const silentLogger: JobLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

export type StartJobsOptions = {
  /** The jobs to run (the composition root passes every module's, src/app/jobs.ts). */
  jobs: readonly JobDefinition[];
  /** PostgreSQL only: pg-boss's own pool on this URL (DATABASE_URL unless given). Without one it shares the app's pool. */
  connectionString?: string;
  log?: JobLogger;
  /** How often an idle worker asks for work (pg-boss default 2 s; at least 0.5). */
  pollingIntervalSeconds?: number;
  /** Further pg-boss settings (e.g. cronWorkerIntervalSeconds in tests). */
  boss?: Partial<PgBoss.ConstructorOptions>;
};

export type JobRunner = {
  /** The running pg-boss, for sending jobs (`boss.send(name, data)`) and for tests. */
  boss: PgBoss;
  /** The jobs that got a worker (enabled ones). */
  jobs: readonly JobDefinition[];
  /** Stops the workers gracefully (active jobs finish first); call before the database closes. */
  stop: () => Promise<void>;
};

/** The app's own pg Pool: drizzle keeps it as `$client`. */
function sharedPool(database: DatabaseHandle): PgBossDb | undefined {
  const pool = (database.db as unknown as { $client?: { query: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }> } }).$client;
  return pool && typeof pool.query === 'function' ? { executeSql: (text, values) => pool.query(text, values) } : undefined;
}

/**
 * pg-boss on the platform's own database: PostgreSQL through a connection string, PGlite through the
 * `executeSql` adapter. Queues are created (idempotently) for every job, the worker of each enabled job
 * started, and cron schedules kept in step with the definitions (a disabled job loses its schedule).
 */
export async function startJobs(deps: AppDeps, database: DatabaseHandle, options: StartJobsOptions): Promise<JobRunner> {
  const log = options.log ?? silentLogger;
  const definitions = options.jobs;
  let drain: (() => Promise<void>) | undefined;
  let connection: PgBoss.DatabaseOptions;
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('startJobs: the PGlite handle has no instance');
    const adapter = pgliteBossDb(database.pglite);
    drain = () => adapter.drain();
    connection = { db: adapter as PgBoss.Db };
  } else {
    const connectionString = options.connectionString ?? deps.config.databaseUrl;
    const shared = connectionString ? undefined : sharedPool(database);
    if (!connectionString && !shared) throw new Error('startJobs: no PostgreSQL connection string (DATABASE_URL)');
    connection = connectionString ? { connectionString, max: 4, application_name: 'apkalpe-jobs' } : { db: shared as PgBoss.Db };
  }

  const boss = new PgBoss({
    ...connection,
    ...(options.pollingIntervalSeconds ? { pollingIntervalSeconds: options.pollingIntervalSeconds } : {}),
    ...options.boss,
  });
  let stopping = false;
  boss.on('error', (error: Error & { queue?: string }) => {
    if (stopping) return;
    log.error({ err: error, queue: error.queue }, 'job queue error');
  });
  // Several processes (WORKERS=n, several machines) starting together: one at a time sets the queues up, or
  // pg-boss's createQueue statements deadlock one another on a new database.
  const setupLock = connection.connectionString ? new pg.Client({ connectionString: connection.connectionString }) : undefined;
  if (setupLock) {
    await setupLock.connect();
    await setupLock.query('select pg_advisory_lock(72417002)');
  }
  const releaseSetupLock = async () => {
    if (!setupLock) return;
    await setupLock.query('select pg_advisory_unlock(72417002)').catch(() => undefined);
    await setupLock.end().catch(() => undefined);
  };
  try {
    await boss.start();
  } catch (error) {
    await releaseSetupLock();
    throw error;
  }

  const started: JobDefinition[] = [];
  try {
    for (const job of definitions) {
      await boss.createQueue(job.name, { name: job.name, ...job.queue });
      await boss.updateQueue(job.name, { name: job.name, ...job.queue });
      if (!job.enabled(deps)) {
        if (job.cron) await boss.unschedule(job.name);
        continue;
      }
      if (job.cron) await boss.schedule(job.name, job.cron, {}, { tz: job.tz });
      await boss.work<JobData>(job.name, async (batch) => {
        for (const queued of batch) {
          const startedAt = Date.now();
          try {
            const output = await job.handler(deps, queued.data ?? {});
            // Every minute for mail delivery: routine, so debug when the logger has it.
            (log.debug ?? log.info).call(log, { job: job.name, id: queued.id, ms: Date.now() - startedAt, output }, 'job done');
            // Kept as the job's output (pg-boss stores an object).
            if (batch.length === 1) return output && typeof output === 'object' ? output : { result: output ?? null };
          } catch (error) {
            log.error({ err: error, job: job.name, id: queued.id }, 'job failed');
            throw error;
          }
        }
        return undefined;
      });
      started.push(job);
    }
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    await drain?.();
    throw error;
  } finally {
    await releaseSetupLock();
  }

  return {
    boss,
    jobs: started,
    stop: async () => {
      if (stopping) return;
      stopping = true;
      await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
      await drain?.();
    },
  };
}
