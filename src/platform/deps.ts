import type { AppConfig } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/client.ts';

/**
 * What every feature is given: the database, the clock, the settings — and what features add by
 * augmenting this interface (the agencies feature adds `agencies`, see features/agencies/agencies.deps.ts).
 */
export interface AppDeps {
  db: Database;
  dbKind: 'pglite' | 'postgres';
  /**
   * A PostgreSQL streaming replica (DATABASE_READ_URL) for the heavy reads that need not see a write made a moment
   * ago: figures, results, the public knowledge base. Absent: those reads go to `db`. Writes, and reads that must see
   * this request's own writes, always use `db`.
   */
  readDb?: Database;
  clock: Clock;
  config: AppConfig;
}

export type ServiceDeps = Pick<AppDeps, 'db' | 'clock'>;

/** The database for heavy reads: the replica when there is one, else the primary. */
export function readsOf(deps: { db: Database; readDb?: Database | undefined }): Database {
  return deps.readDb ?? deps.db;
}
