import { join } from 'node:path';
import { loadAgencyProfiles } from '../features/agencies/agency-profile.loader.ts';
import { createAgencyRegistry } from '../features/agencies/agency-registry.ts';
import { systemClock, type Clock } from '../platform/clock.ts';
import type { AppConfig } from '../platform/config.ts';
import { openDatabase, type DatabaseHandle } from '../platform/db/client.ts';
import type { AppDeps } from '../platform/deps.ts';
import { MODULES } from './modules.ts';

/** Every module's once-only seed data, run at every start (each seeder knows whether it already ran). */
export async function runSeeds(deps: Pick<AppDeps, 'db' | 'agencies'>): Promise<void> {
  for (const module of MODULES) if ('seed' in module) await module.seed(deps);
}

/** Opens the database (PGlite in DATA_DIR unless DATABASE_URL is set), migrates, seeds, loads agencies. */
export async function preparePlatform(config: AppConfig, clock: Clock = systemClock): Promise<{ deps: AppDeps; database: DatabaseHandle }> {
  // Profiles first: a broken profile stops the start before anything is written.
  const agencies = createAgencyRegistry(await loadAgencyProfiles(config.agenciesDir));
  const database = await openDatabase(
    config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: join(config.dataDir, 'pglite') },
  );
  try {
    await database.migrate();
    await runSeeds({ db: database.db, agencies });
  } catch (error) {
    await database.close();
    throw error;
  }
  const replica = config.databaseReadUrl ? await openReadReplica(config.databaseReadUrl) : undefined;
  const deps: AppDeps = { db: database.db, dbKind: database.kind, clock, agencies, config, ...(replica ? { readDb: replica.db } : {}) };
  if (!replica) return { deps, database };
  const closePrimary = database.close;
  return { deps, database: { ...database, close: async () => void (await Promise.all([closePrimary(), replica.close()])) } };
}

/** The streaming replica of DATABASE_READ_URL (never migrated: it follows the primary), named in pg_stat_activity. */
export async function openReadReplica(url: string): Promise<DatabaseHandle> {
  const named = new URL(url);
  if (!named.searchParams.has('application_name')) named.searchParams.set('application_name', 'apkalpe-read');
  return openDatabase({ kind: 'postgres', url: named.toString() });
}
