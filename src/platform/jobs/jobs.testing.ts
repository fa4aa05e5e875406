// Test helpers for code that runs jobs: polling with a time limit, and the test database's own URL.
import { sql } from 'drizzle-orm';
import type { TestPlatform } from '../../../test/support/test-platform.ts';

/** Polls until `check` gives a value (not undefined/false) or the time is up. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The connection string of the test platform's own database (TEST_DATABASE_URL names the server only). */
export async function testDatabaseUrl(platform: TestPlatform): Promise<string | undefined> {
  if (platform.database.kind !== 'postgres') return undefined;
  const result = await platform.deps.db.execute(sql`select current_database() as name`);
  const name = (result as unknown as { rows: Array<{ name: string }> }).rows[0]?.name;
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}
