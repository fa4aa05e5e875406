import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createScratchPostgresDatabase, dropAbandonedScratchDatabases, scratchDatabaseName } from './test-platform.ts';

const adminUrl = process.env.TEST_DATABASE_URL;

describe('scratch database names', () => {
  it('carry when they were made, so an abandoned one can be told from one in use', () => {
    const name = scratchDatabaseName('apkalpe_test', Date.UTC(2026, 11, 7, 12));
    assert.match(name, /^apkalpe_test_[0-9a-z]{6}_[0-9a-f]{8}$/);
    assert.equal(parseInt(name.split('_')[2] as string, 36) * 1000, Date.UTC(2026, 11, 7, 12));
    assert.notEqual(scratchDatabaseName('apkalpe_test'), scratchDatabaseName('apkalpe_test'));
  });
});

describe('abandoned scratch databases', { skip: adminUrl ? false : 'needs TEST_DATABASE_URL (PostgreSQL)' }, () => {
  it('those older than the bound are dropped; fresh ones and databases named otherwise are kept', async () => {
    const url = adminUrl as string;
    const old = scratchDatabaseName('apkalpe_sweeptest', Date.now() - 7 * 3_600_000);
    const other = `apkalpe_sweeptest_${Date.now().toString(36)}`; // not a scratch name: never touched
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const fresh = await createScratchPostgresDatabase(url, 'apkalpe_sweeptest');
    try {
      await admin.query(`create database ${old}`);
      await admin.query(`create database ${other}`);
      const dropped = await dropAbandonedScratchDatabases(url);
      assert.ok(dropped.includes(old), `${old} dropped`);
      const { rows } = await admin.query<{ datname: string }>("select datname from pg_database where datname like 'apkalpe\\_sweeptest%'");
      const left = rows.map((row) => row.datname);
      assert.ok(!left.includes(old));
      assert.ok(left.includes(new URL(fresh.url).pathname.slice(1)), 'the fresh scratch database is kept');
      assert.ok(left.includes(other), 'a database without a scratch name is kept');
    } finally {
      await admin.query(`drop database if exists ${old}`);
      await admin.query(`drop database if exists ${other}`);
      await admin.end();
      await fresh.drop();
    }
  });
});
