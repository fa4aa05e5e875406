import type { SQL } from 'drizzle-orm';
import type { TestPlatform } from './test-platform.ts';

/** The rows of one query on the test platform's database (pg and PGlite answer with the same shape). */
export async function queryRows<T>(platform: TestPlatform, query: SQL): Promise<T[]> {
  return ((await platform.deps.db.execute(query)) as unknown as { rows: T[] }).rows;
}
