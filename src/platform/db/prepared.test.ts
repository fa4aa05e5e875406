import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestPlatform, testTargets, type TestPlatform } from '../testing/test-platform.ts';
import type { Database } from './client.ts';
import { executePrepared } from './prepared.ts';

for (const target of testTargets()) {
  describe(`executePrepared (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    const setting = (key: string, value: string) =>
      sql`insert into app_settings (key, value) values (${key}, ${value}) on conflict (key) do update set value = excluded.value returning key, value`;

    it('runs the same named statement again and again with new values', async () => {
      // More calls than the pool has connections, so some connections run it a second time from their cache.
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => executePrepared<{ key: string; value: string }>(platform.deps.db, 'test_setting', setting(`prepared-${i}`, `v${i}`))));
      assert.deepEqual(results.map((rows) => rows[0]?.value), Array.from({ length: 25 }, (_, i) => `v${i}`));
      const again = await executePrepared<{ value: string }>(platform.deps.db, 'test_setting', setting('prepared-3', 'changed'));
      assert.equal(again[0]?.value, 'changed');
    });

    it('takes part in a transaction: rolled back with it', async () => {
      await assert.rejects(
        platform.deps.db.transaction(async (tx) => {
          await executePrepared(tx as unknown as Database, 'test_setting', setting('prepared-rolled-back', 'x'));
          throw new Error('roll back');
        }),
        /roll back/,
      );
      const rows = await executePrepared<{ n: number }>(platform.deps.db, 'test_count', sql`select count(*)::int as n from app_settings where key = ${'prepared-rolled-back'}`);
      assert.equal(rows[0]?.n, 0);
    });

    if (target === 'postgres') {
      it('refuses a name already standing for other SQL text (node-postgres keeps statements by name)', async () => {
        // One connection for both calls, so the second one meets the first one's statement.
        await platform.deps.db.transaction(async (tx) => {
          const db = tx as unknown as Database;
          await executePrepared(db, 'test_once', sql`select 1 as one`);
          await assert.rejects(executePrepared(db, 'test_once', sql`select 2 as two`), (error: Error) => /Prepared statements must be unique/.test(String(error.cause)));
        });
      });
    }
  });
}
