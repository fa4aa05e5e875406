import type { Database } from './client.ts';

/**
 * Runs `work` in one transaction and hands it the transaction as a `Database`, so repositories take either
 * (drizzle's transaction type differs from the database's only in methods repositories never call).
 */
export function withTransaction<T>(db: Database, work: (tx: Database) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Database));
}
