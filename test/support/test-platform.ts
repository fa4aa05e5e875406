import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadAgencyProfiles } from '../../src/features/agencies/agency-profile.loader.ts';
import { createAgencyRegistry } from '../../src/features/agencies/agency-registry.ts';
import { buildApplication } from '../../src/app/app.ts';
import { runSeeds } from '../../src/app/bootstrap.ts';
import { systemClock, type Clock } from '../../src/platform/clock.ts';
import { loadConfig, type AppConfig } from '../../src/platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/platform/db/client.ts';
import type { AppDeps } from '../../src/platform/deps.ts';
import type { App } from '../../src/platform/http/app.ts';
import type { DestinationStream } from 'pino';
import { DEFAULT_SHEDDING, type SheddingLimits } from '../../src/platform/http/load-shedding.ts';

export type TestTarget = 'pglite' | 'postgres';

/** PGlite always; a PostgreSQL server too when TEST_DATABASE_URL is set. */
export function testTargets(): TestTarget[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let pgliteTemplate: Promise<PGlite> | undefined;

/** Where test/run.ts keeps the migrated database it made once for the whole run (a PGlite data-dir dump). */
export const PGLITE_SNAPSHOT_ENV = 'APKALPE_TEST_PGLITE_SNAPSHOT';

let snapshotBlob: Promise<Blob> | undefined;

/** The run's migrated snapshot (test/run.ts), read once per test process; undefined when the file runs alone. */
function runSnapshot(): Promise<Blob> | undefined {
  const file = process.env[PGLITE_SNAPSHOT_ENV];
  if (!file || !existsSync(file)) return undefined;
  snapshotBlob ??= readFile(file).then((bytes) => new Blob([bytes]));
  return snapshotBlob;
}

/** One migrated PGlite per test process when there is no snapshot; each test platform gets a clone. */
function migratedPgliteTemplate(): Promise<PGlite> {
  pgliteTemplate ??= (async () => {
    const handle = await openDatabase({ kind: 'pglite' });
    await handle.migrate();
    return handle.pglite as PGlite;
  })();
  return pgliteTemplate;
}

/**
 * A migrated PGlite of its own for one test platform: loaded from the run's snapshot (no initdb, no
 * migrations), or cloned from this process's template when the file runs on its own.
 */
async function migratedPglite(): Promise<PGlite> {
  const snapshot = runSnapshot();
  if (snapshot) return (await openDatabase({ kind: 'pglite', loadDataDir: await snapshot })).pglite as PGlite;
  return (await (await migratedPgliteTemplate()).clone()) as PGlite;
}

/**
 * Makes the run's migrated PostgreSQL template on the server of `adminUrl` (test/run.ts, once before the test files):
 * each test database is then a copy of it (CREATE DATABASE … TEMPLATE) instead of running the migrations again.
 */
export async function createPostgresTemplate(adminUrl: string): Promise<{ name: string; drop: () => Promise<void> }> {
  await dropAbandonedScratchDatabases(adminUrl);
  const scratch = await createScratchPostgresDatabase(adminUrl, 'apkalpe_template');
  const handle = await openDatabase({ kind: 'postgres', url: scratch.url });
  try {
    await handle.migrate();
  } finally {
    await handle.close();
  }
  return { name: new URL(scratch.url).pathname.slice(1), drop: scratch.drop };
}

/** Makes the run's snapshot: a migrated PGlite, dumped to `file` (test/run.ts calls it once before the test files). */
export async function writePgliteSnapshot(file: string): Promise<void> {
  const handle = await openDatabase({ kind: 'pglite' });
  await handle.migrate();
  const dump = await (handle.pglite as PGlite).dumpDataDir('none');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}

/** Where test/run.ts names the migrated PostgreSQL database it made once for the whole run (a template). */
export const POSTGRES_TEMPLATE_ENV = 'APKALPE_TEST_PG_TEMPLATE';

/** A scratch database's name: its prefix, when it was made (seconds, base 36) and random hex. */
export function scratchDatabaseName(prefix: string, madeAt = Date.now()): string {
  return `${prefix}_${Math.floor(madeAt / 1000).toString(36)}_${randomBytes(4).toString('hex')}`;
}

const SCRATCH_NAME = /^apkalpe_[a-z]+_([0-9a-z]{6,7})_[0-9a-f]{8}$/;

/**
 * Drops the scratch databases a run left behind when it was interrupted (Ctrl-C ends the test processes before
 * they drop theirs): those older than `maxAgeMs`, so the databases of a run going on beside this one are kept.
 * Returns the names dropped.
 */
export async function dropAbandonedScratchDatabases(adminUrl: string, maxAgeMs = 6 * 3_600_000, now = Date.now()): Promise<string[]> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'apkalpe\\_%'");
    const abandoned = rows.map((row) => row.datname).filter((name) => {
      const madeAt = SCRATCH_NAME.exec(name)?.[1];
      return madeAt !== undefined && now - parseInt(madeAt, 36) * 1000 > maxAgeMs;
    });
    for (const name of abandoned) await admin.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`);
    return abandoned;
  } finally {
    await admin.end();
  }
}

/**
 * A new PostgreSQL database on the server of `adminUrl` (for one test file or one benchmark), and how to drop it:
 * empty, or a copy of `template`.
 */
export async function createScratchPostgresDatabase(
  adminUrl: string,
  prefix = 'apkalpe_test',
  template?: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = scratchDatabaseName(prefix);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}${template ? ` template ${pg.escapeIdentifier(template)}` : ''}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}

async function openTestDatabase(target: TestTarget): Promise<DatabaseHandle & { dispose: () => Promise<void> }> {
  if (target === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', pglite: await migratedPglite() });
    return { ...handle, dispose: handle.close };
  }
  const template = process.env[POSTGRES_TEMPLATE_ENV];
  const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'apkalpe_test', template);
  const handle = await openDatabase({ kind: 'postgres', url: scratch.url });
  if (!template) await handle.migrate();
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await scratch.drop();
    },
  };
}

export type TestPlatform = { app: App; deps: AppDeps; database: DatabaseHandle; close: () => Promise<void> };

export async function createTestPlatform(
  target: TestTarget,
  options: { clock?: Clock; agenciesDir?: string; config?: Partial<AppConfig>; logStream?: DestinationStream; shedding?: SheddingLimits } = {},
): Promise<TestPlatform> {
  const config = { ...loadConfig({}), logLevel: 'silent' as const, pageCacheMs: 0, ...options.config };
  const agencies = createAgencyRegistry(await loadAgencyProfiles(options.agenciesDir ?? config.agenciesDir));
  const database = await openTestDatabase(target);
  await runSeeds({ db: database.db, agencies });
  const deps: AppDeps = {
    db: database.db,
    dbKind: database.kind,
    clock: options.clock ?? systemClock,
    agencies,
    config,
  };
  // No shedding in functional tests (a slow shared machine, or a test's own crowd of 100 bookings, must not turn
  // answers into 503s); the hardening tests pass their own limits.
  const shedding = options.shedding ?? { ...DEFAULT_SHEDDING, maxEventLoopDelayMs: 0, maxInFlight: 100_000, maxSubmissionsInFlight: 100_000, searchQueue: 100_000 };
  const app = await buildApplication(deps, { logger: options.logStream ? { level: 'debug', stream: options.logStream } : false, shedding });
  await app.ready();
  return {
    app,
    deps,
    database,
    close: async () => {
      await app.close();
      await database.dispose();
    },
  };
}
