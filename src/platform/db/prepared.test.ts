import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { Database } from './client.ts';
import { isConstraintViolation } from './constraint-violation.ts';
import { preparedStatement } from './prepared.ts';

const saveSetting = preparedStatement<{ key: string; value: string }>(
  'test_save_setting',
  sql`insert into app_settings (key, value) values (${sql.placeholder('key')}, ${sql.placeholder('value')})
    on conflict (key) do update set value = excluded.value returning key, value`,
);
// `key` twice (two parameters of one name) and one fixed value beside the placeholders.
const echoValues = preparedStatement<{ a: string; b: string; c: string; fixed: string }>(
  'test_echo_values',
  sql`select ${sql.placeholder('key')}::text as a, ${sql.placeholder('value')}::text as b, ${sql.placeholder('key')}::text as c, ${'kept'}::text as fixed`,
);
const insertSetting = preparedStatement<{ key: string }>(
  'test_insert_setting',
  sql`insert into app_settings (key, value) values (${sql.placeholder('key')}, 'v') returning key`,
);
const echoTime = preparedStatement<{ at: unknown }>('test_echo_time', sql`select ${sql.placeholder('at')}::timestamptz as at`);
const countSettings = preparedStatement<{ n: number }>('test_count_settings', sql`select count(*)::int as n from app_settings where key = ${sql.placeholder('key')}`);

for (const target of testTargets()) {
  describe(`preparedStatement (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    it('runs again and again with new values', async () => {
      // More calls than the pool has connections, so some connections run it a second time from their cache.
      const results = await Promise.all(Array.from({ length: 25 }, (_, i) => saveSetting(platform.deps.db, { key: `prepared-${i}`, value: `v${i}` })));
      assert.deepEqual(results.map((rows) => rows[0]?.value), Array.from({ length: 25 }, (_, i) => `v${i}`));
      assert.equal((await saveSetting(platform.deps.db, { key: 'prepared-3', value: 'changed' }))[0]?.value, 'changed');
      assert.equal((await countSettings(platform.deps.db, { key: 'prepared-3' }))[0]?.n, 1);
    });

    it('takes part in a transaction: rolled back with it', async () => {
      await assert.rejects(
        platform.deps.db.transaction(async (tx) => {
          await saveSetting(tx as unknown as Database, { key: 'prepared-rolled-back', value: 'x' });
          assert.equal((await countSettings(tx as unknown as Database, { key: 'prepared-rolled-back' }))[0]?.n, 1, 'seen inside');
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.equal((await countSettings(platform.deps.db, { key: 'prepared-rolled-back' }))[0]?.n, 0);
    });

    // From its second call on, node-postgres runs the statement without drizzle's query object (runOnNodePg).
    it('answers its later calls as its first: the same row types, errors wrapped as drizzle wraps them', async () => {
      const [first] = await echoTime(platform.deps.db, { at: '2027-01-04T08:00:00Z' });
      const [second] = await echoTime(platform.deps.db, { at: '2027-01-05T08:00:00Z' });
      assert.equal(typeof second?.at, typeof first?.at);
      assert.notEqual(second?.at, first?.at);
      assert.deepEqual(await insertSetting(platform.deps.db, { key: 'prepared-once' }), [{ key: 'prepared-once' }]);
      for (let call = 0; call < 2; call++) {
        await assert.rejects(insertSetting(platform.deps.db, { key: 'prepared-once' }), (error: Error) => {
          assert.equal(error.constructor.name, 'DrizzleQueryError');
          assert.ok(isConstraintViolation(error, 'unique', 'app_settings_pkey'), String(error.cause));
          return true;
        });
      }
    });

    it('refuses a call with a value missing', async () => {
      await assert.rejects(saveSetting(platform.deps.db, { key: 'no-value' }), /No value for placeholder "value"/);
      await assert.rejects(saveSetting(platform.deps.db, [{ key: 'no-value' }, { other: 'x' }]), /No value for placeholder "value"/);
    });

    it('reads its values from several records in order, the first that has a name giving it', async () => {
      const [row] = await echoValues(platform.deps.db, [{ key: 'first' }, { key: 'second', value: 'from the second' }]);
      assert.deepEqual(row, { a: 'first', b: 'from the second', c: 'first', fixed: 'kept' });
      // A null is a value: it is not looked for further on.
      const [nulls] = await echoValues(platform.deps.db, [{ key: null }, { key: 'not this', value: 'v' }]);
      assert.deepEqual(nulls, { a: null, b: 'v', c: null, fixed: 'kept' });
    });

    if (target === 'postgres') {
      it('refuses a name already standing for other SQL text (node-postgres keeps statements by name)', async () => {
        const first = preparedStatement('test_once', sql`select 1 as one`);
        const clash = preparedStatement('test_once', sql`select 2 as two`);
        // One connection for both calls, so the second one meets the first one's statement.
        await platform.deps.db.transaction(async (tx) => {
          await first(tx as unknown as Database, {});
          await assert.rejects(clash(tx as unknown as Database, {}), (error: Error) => /Prepared statements must be unique/.test(String(error.cause)));
        });
      });
    }
  });
}
