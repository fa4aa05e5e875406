// Migration 0009 moves the phone consultations logged in the feedback feature into phone_calls, keeping what
// was stored (ids, which survey invitations refer to, topics, notes, staff, invitations, times).
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from '../../platform/db/client.ts';
import { createScratchPostgresDatabase, testTargets } from '../../../test/support/test-platform.ts';

const REAL = new URL('../../../db/migrations', import.meta.url).pathname;

/** The migrations folder as it was before 0009. */
function foldersBefore0009(): string {
  const dir = mkdtempSync(join(tmpdir(), 'apkalpe-0008-'));
  cpSync(REAL, dir, { recursive: true, filter: (source) => !source.includes('0009_') });
  const journalPath = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: Array<{ idx: number }> };
  journal.entries = journal.entries.filter((e) => e.idx < 9);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

async function migrateTo(handle: DatabaseHandle, folder: string): Promise<void> {
  if (handle.kind === 'pglite') {
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    await migrate(handle.db as never, { migrationsFolder: folder });
  } else {
    const { migrate } = await import('drizzle-orm/node-postgres/migrator');
    await migrate(handle.db as never, { migrationsFolder: folder });
  }
}

for (const target of testTargets()) {
  describe(`migration 0009_phone (${target})`, () => {
    const cleanups: Array<() => Promise<void> | void> = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('moves every stored phone consultation into phone_calls and its hourly figures, then drops the old table', async () => {
      const folder = foldersBefore0009();
      cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
      let handle: DatabaseHandle;
      if (target === 'pglite') {
        handle = await openDatabase({ kind: 'pglite' });
      } else {
        const scratch = await createScratchPostgresDatabase(process.env.TEST_DATABASE_URL as string);
        handle = await openDatabase({ kind: 'postgres', url: scratch.url });
        cleanups.push(scratch.drop);
      }
      cleanups.push(handle.close);
      await migrateTo(handle, folder);
      const staff = '7f1c2a52-8a4e-4d7e-9d43-1f8f7e1a0c01';
      const invitation = '7f1c2a52-8a4e-4d7e-9d43-1f8f7e1a0c02';
      await handle.db.execute(sql`insert into feedback_phone_consultations (id, agency, channel_id, topic, note, staff_id, invitation_id, at) values
        ('11111111-1111-4111-8111-111111111111', 'vsaa', 'info-talrunis', 'pensijas', 'Par pensiju', ${staff}, ${invitation}, '2026-02-10T09:15:00Z'),
        ('22222222-2222-4222-8222-222222222222', 'kase', null, 'konti', '', null, null, '2026-02-10T09:40:00Z')`);
      await migrateTo(handle, REAL);
      const moved = (await handle.db.execute(sql`select id, agency, line_id, topic, note, staff_id, invitation_id, started_at, outcome, duration_seconds from phone_calls order by id`)) as unknown as { rows: Array<Record<string, unknown>> };
      assert.equal(moved.rows.length, 2);
      const [first, second] = moved.rows;
      assert.equal(first?.id, '11111111-1111-4111-8111-111111111111');
      assert.equal(first?.agency, 'vsaa');
      assert.equal(first?.line_id, 'info-talrunis');
      assert.equal(first?.topic, 'pensijas');
      assert.equal(first?.note, 'Par pensiju');
      assert.equal(first?.staff_id, staff);
      assert.equal(first?.invitation_id, invitation);
      assert.equal(new Date(first?.started_at as string).toISOString(), '2026-02-10T09:15:00.000Z');
      assert.equal(first?.outcome, null, 'no outcome was recorded then');
      assert.equal(first?.duration_seconds, null);
      assert.equal(second?.line_id, null);
      const hours = (await handle.db.execute(sql`select agency, topic, outcome, calls from phone_call_hours order by agency`)) as unknown as { rows: unknown[] };
      assert.deepEqual(hours.rows, [
        { agency: 'kase', topic: 'konti', outcome: '', calls: 1 },
        { agency: 'vsaa', topic: 'pensijas', outcome: '', calls: 1 },
      ]);
      const old = (await handle.db.execute(sql`select to_regclass('feedback_phone_consultations') as t`)) as unknown as { rows: Array<{ t: unknown }> };
      assert.equal(old.rows[0]?.t, null);
    });
  });
}
