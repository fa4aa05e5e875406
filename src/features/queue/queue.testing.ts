// Helpers shared by the queue tests (not a test file itself).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../platform/clock.ts';
import { createScratchPostgresDatabase, type TestPlatform, type TestTarget } from '../../../test/support/test-platform.ts';
import { preparePlatform } from '../../app/bootstrap.ts';
import { loadConfig } from '../../platform/config.ts';
import { buildApplication } from '../../app/app.ts';

export { TEST_PASSWORD as PASSWORD } from '../../../test/support/staff-accounts.ts';
/** Thursday 19 November 2026, 10:00 in Riga: VSAA centres are open 08:30–17:00. */
export const THURSDAY_10 = '2026-11-19T08:00:00Z';

export function movableClock(iso: string): { clock: Clock; set: (iso: string) => void; advanceMinutes: (minutes: number) => void } {
  let now = Temporal.Instant.from(iso);
  return { clock: () => now, set: (next) => (now = Temporal.Instant.from(next)), advanceMinutes: (minutes) => (now = now.add({ minutes })) };
}

export { signedInStaff } from '../../../test/support/staff-accounts.ts';

export async function rows<T>(platform: TestPlatform, query: string): Promise<T[]> {
  const result = await platform.deps.db.execute(sql.raw(query));
  return (result as unknown as { rows: T[] }).rows;
}

export async function count(platform: TestPlatform, table: string, where = 'true'): Promise<number> {
  return (await rows<{ n: number }>(platform, `select count(*)::int as n from ${table} where ${where}`))[0]?.n ?? -1;
}

/** A database that outlives one platform: a PGlite data directory or a fresh PostgreSQL database. */
export async function durableDatabase(target: TestTarget): Promise<{ target: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }; drop: () => Promise<void> }> {
  if (target === 'pglite') {
    const dataDir = mkdtempSync(join(tmpdir(), 'apkalpe-queue-'));
    return { target: { kind: 'pglite', dataDir }, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  const { url, drop } = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string, 'apkalpe_queue');
  return { target: { kind: 'postgres', url }, drop };
}

/** The platform as `npm start` builds it (preparePlatform + buildApplication), on a database that outlives it. */
export async function startPlatform(database: { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; url: string }, clock: Clock) {
  const config = { ...loadConfig({}), logLevel: 'silent' as const, ...(database.kind === 'pglite' ? { dataDir: database.dataDir } : { databaseUrl: database.url }) };
  const prepared = await preparePlatform(config, clock);
  const app = await buildApplication(prepared.deps, { logger: false });
  await app.ready();
  return {
    app,
    deps: prepared.deps,
    close: async () => {
      await app.close();
      await prepared.database.close();
    },
  };
}
