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
  clock: Clock;
  config: AppConfig;
}

export type ServiceDeps = Pick<AppDeps, 'db' | 'clock'>;
