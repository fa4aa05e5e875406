import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { preparePlatform } from '../../app/bootstrap.ts';
import { loadConfig } from '../config.ts';
import { buildApplication } from '../../app/app.ts';
import type { App } from '../http/app.ts';
import type { AppDeps } from '../deps.ts';
import type { DatabaseHandle } from './client.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { postgresBinaries, startReplicaPair, type ReplicaPair } from '../../../test/support/replica.ts';
import { addStaff, TEST_PASSWORD } from '../../../test/support/staff-accounts.ts';

const bin = postgresBinaries();
if (!bin) {
  process.stderr.write(
    '\n*** read-replica.test.ts SKIPPED: no PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) under /usr/lib/postgresql/*/bin. ' +
      'Install postgresql to run it (CI does). ***\n\n',
  );
}

async function one(url: string, text: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows[0];
  } finally {
    await client.end();
  }
}

async function eventually(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) assert.fail(`not within ${ms} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('DATABASE_READ_URL: a real streaming replica (initdb primary, pg_basebackup -R standby)', { skip: bin ? false : 'no PostgreSQL server binaries', timeout: 60_000 }, () => {
  let pair: ReplicaPair;
  let deps: AppDeps;
  let database: DatabaseHandle;
  let app: App;

  before(async () => {
    pair = await startReplicaPair(bin as string);
    const config = { ...loadConfig({ DATABASE_URL: pair.primaryUrl, DATABASE_READ_URL: pair.replicaUrl }), logLevel: 'silent' as const, pageCacheMs: 0 };
    ({ deps, database } = await preparePlatform(config));
    app = await buildApplication(deps, { logger: false });
    await app.ready();
  });
  after(async () => {
    await app?.close();
    await database?.close();
    await pair?.stop();
  });

  it('reads through readDb go to the standby, everything else to the primary', async () => {
    const onRead = (await deps.readDb?.execute(sql`select pg_is_in_recovery() as standby, current_setting('port') as port`)) as unknown as { rows: Array<{ standby: boolean; port: string }> };
    const onPrimary = (await deps.db.execute(sql`select pg_is_in_recovery() as standby`)) as unknown as { rows: Array<{ standby: boolean }> };
    assert.equal(onRead.rows[0]?.standby, true);
    assert.equal(onRead.rows[0]?.port, new URL(pair.replicaUrl).port);
    assert.equal(onPrimary.rows[0]?.standby, false);
  });

  it('the public knowledge base is served by the replica; a write followed by a read of it is correct on the primary', async () => {
    // The replica has caught up with the migrations and seeds.
    await eventually(async () => (await app.inject('/vsaa/buj')).statusCode === 200, 10_000, 'replica serves the FAQ page');
    // Replay paused: what the replica serves stands still while the primary moves on.
    await one(pair.replicaUrl, 'select pg_wal_replay_pause()');
    await addStaff({ app, deps, database, close: async () => undefined }, 'replica-supervisor@vsaa.test', 'vsaa', 'supervisor');
    const staff = new TestBrowser(app);
    await staff.signIn('replica-supervisor@vsaa.test', TEST_PASSWORD); // the session is written and read on the primary
    const created = await staff.request({
      method: 'POST',
      url: '/api/v1/staff/vsaa/faq',
      json: { topic: 'pabalsti', status: 'published', questionLv: 'Vai replikā ir zilonis?', answerLv: 'Zilonis ir primārajā serverī.', questionEn: 'Is there an elephant?', answerEn: 'The elephant is on the primary.' },
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = (created.json() as { id: string }).id;
    const staffList = await staff.request({ url: '/api/v1/staff/vsaa/faq' });
    assert.equal(staffList.statusCode, 200, staffList.body.slice(0, 300));
    assert.ok(staffList.body.includes(id), `the staff member reads their own write at once (primary): ${id} in ${staffList.body.slice(0, 300)}`);
    const publicSearch = async () => (await app.inject('/api/v1/agencies/vsaa/faq?q=zilonis')).json() as { hits: Array<{ id: string }> };
    assert.equal((await publicSearch()).hits.length, 0, 'the public search is served by the paused replica');
    await one(pair.replicaUrl, 'select pg_wal_replay_resume()');
    await eventually(async () => (await publicSearch()).hits.some((h) => h.id === id), 10_000, 'the replica replays the new entry');
    const page = await app.inject('/vsaa/buj?q=zilonis');
    assert.ok(page.body.includes('Vai replikā ir'), 'the public page shows it, from the replica');
  });

  it('the replica refuses writes, so nothing that writes may be routed there', async () => {
    await assert.rejects(deps.readDb!.execute(sql`create table should_fail (id int)`), (error: Error & { cause?: Error }) => /read-only/.test(error.cause?.message ?? error.message));
  });
});
