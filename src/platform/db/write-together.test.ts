import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../test/support/sql-rows.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { auditLog } from './tables.ts';
import { writeTogether } from './write-together.ts';

for (const target of testTargets()) {
  describe(`writeTogether (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    const event = (action: string) => ({ at: new Date('2026-12-06T10:00:00Z'), actorLabel: 'test', action, recordType: 'test', details: { n: 1 } });
    const count = async (action: string) => (await queryRows<{ n: number }>(platform, sql`select count(*)::int as n from ${auditLog} where action = ${action}`))[0]?.n;

    it('writes every part in one statement, values and types kept', async () => {
      const { db } = platform.deps;
      await writeTogether(db, [db.insert(auditLog).values(event('wt.a')), db.insert(auditLog).values(event('wt.a')), db.insert(auditLog).values(event('wt.b'))]);
      assert.equal(await count('wt.a'), 2);
      assert.equal(await count('wt.b'), 1);
      const [row] = await db.select().from(auditLog).where(sql`${auditLog.action} = 'wt.b'`);
      assert.deepEqual(row?.details, { n: 1 });
      assert.equal(row?.at.toISOString(), '2026-12-06T10:00:00.000Z');
    });

    it('writes nothing when one part fails', async () => {
      const { db } = platform.deps;
      const broken = sql`insert into ${auditLog} (at, actor_label, action, record_type) values (now(), 'x', null, 'x')`;
      await assert.rejects(writeTogether(db, [db.insert(auditLog).values(event('wt.c')), broken]));
      assert.equal(await count('wt.c'), 0);
    });

    it('does nothing for no writes and runs a single write as it is', async () => {
      const { db } = platform.deps;
      await writeTogether(db, []);
      await writeTogether(db, [db.insert(auditLog).values(event('wt.d'))]);
      assert.equal(await count('wt.d'), 1);
    });
  });
}
