import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { pgliteBossDb, type PgliteBossDb } from './pglite-adapter.ts';

describe('pg-boss executeSql adapter on PGlite', () => {
  let pglite: PGlite;
  let db: PgliteBossDb;
  before(async () => {
    pglite = await PGlite.create();
    await pglite.exec('create table t (x int)');
    db = pgliteBossDb(pglite);
  });
  after(() => pglite.close());

  it('runs a statement with values through query and returns its rows', async () => {
    const result = await db.executeSql('select $1::int + 1 as n', [41]);
    assert.deepEqual(result.rows, [{ n: 42 }]);
  });

  it('runs a multi-statement script through exec and returns the rows of its last statement', async () => {
    const result = await db.executeSql('BEGIN; INSERT INTO t VALUES (1); COMMIT; SELECT count(*)::int AS n FROM t');
    assert.deepEqual(result.rows, [{ n: 1 }]);
  });

  it('a script failing after its BEGIN is rolled back and leaves the one session usable', async () => {
    await assert.rejects(db.executeSql('BEGIN; INSERT INTO t VALUES (2); SELECT 1/0; COMMIT;'), /division by zero/);
    assert.equal(pglite.isInTransaction(), false);
    assert.deepEqual((await pglite.query('select count(*)::int as n from t')).rows, [{ n: 1 }]);
  });

  it('after drain it answers no rows without touching the database', async () => {
    const pending = db.executeSql('select 1 as one from pg_sleep(0.2)');
    await db.drain(5000);
    assert.deepEqual((await pending).rows, [{ one: 1 }]);
    assert.deepEqual((await db.executeSql('select 1 as one')).rows, []);
  });
});
