import type { AppConfig } from './config.ts';
import type { Clock } from './clock.ts';
import type { Database } from './db/client.ts';
import type { AgencyRegistry } from '../features/agencies/agency-registry.ts';

/** What every feature is given: the database, the clock, the agencies, the settings. */
export type AppDeps = {
  db: Database;
  dbKind: 'pglite' | 'postgres';
  clock: Clock;
  agencies: AgencyRegistry;
  config: AppConfig;
};

export type ServiceDeps = Pick<AppDeps, 'db' | 'clock'>;
