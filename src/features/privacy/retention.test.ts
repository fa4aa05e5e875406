import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { movableClock, rows } from '../feedback/feedback.testing.ts';
import { runRetentionCommand } from './privacy.cli.ts';
import { seedInquiries, seedVisits } from './privacy-bulk.testing.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import { runRetention } from './retention.service.ts';

const ORIGIN = { actorId: null, actorLabel: 'test', ip: null };
/** The database's own message, under the driver's wrapper. */
const dbError = (pattern: RegExp) => (error: unknown) => pattern.test(String((error as { cause?: { message?: string } }).cause?.message ?? (error as Error).message));
const OLD = new Date('2020-01-15T10:00:00Z');
const RECENT = new Date('2026-11-01T10:00:00Z');

for (const target of testTargets()) {
  describe(`retention (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-12-01T10:00:00Z');
    const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(platform, query))[0]?.n ?? -1;

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      const db = platform.deps.db;
      await seedInquiries(db, { agency: 'vsaa', from: 1, count: 7, at: OLD });
      await seedInquiries(db, { agency: 'vsaa', from: 100, count: 2, at: OLD, status: 'new' });
      await seedInquiries(db, { agency: 'vsaa', from: 200, count: 3, at: RECENT });
      await seedInquiries(db, { agency: 'kase', from: 300, count: 2, at: OLD });
      await seedVisits(db, { agency: 'vsaa', from: 1, count: 5, at: new Date('2024-05-02T08:00:00Z'), centreId: 'riga-lacplesa', serviceId: 'pensijas' });
      await db.execute(sql`insert into inquiry_messages (inquiry_id, direction, medium, at, body_text) select id, 'in', 'web', ${OLD.toISOString()}::timestamptz, 'Mans personas kods ir …' from inquiries where reference = 'vsaa-B-1'`);
      // A legal hold on inquiry 2 (with its messages): the run must leave it alone.
      await db.execute(sql`insert into legal_holds (agency, record_kind, record_id, reason, set_at) select 'vsaa', 'inquiry', id::text, 'Tiesvedība', now() from inquiries where reference = 'vsaa-B-2'`);
    });
    after(() => platform.close());

    it('every record kind is declared by its feature with a table and a time column', () => {
      const kinds = new Set(RECORD_KINDS.map((k) => k.kind));
      for (const kind of ['inquiry', 'message', 'attachment', 'appointment', 'queue-ticket', 'survey-response', 'opinion', 'outbox-mail', 'staff-session', 'audit-event']) {
        assert.ok(kinds.has(kind as never), `${kind} declared`);
      }
    });

    it('dry run counts what would change and changes nothing', async () => {
      const result = await runRetention(platform.deps, { dryRun: true, origin: ORIGIN });
      const line = (agency: string, table: string) => result.lines.find((l) => l.agency === agency && l.table === table);
      assert.equal(line('vsaa', 'inquiries')?.count, 6, '7 old closed minus the held one');
      assert.equal(line('vsaa', 'inquiries')?.held, 1);
      assert.equal(line('kase', 'inquiries')?.count, 2);
      assert.equal(line('vsaa', 'appointments')?.count, 5);
      assert.equal(line('vsaa', 'queue_tickets')?.count, 5);
      assert.equal(await count(sql`select count(*)::int as n from inquiries where requester_email is not null`), 14);
      const [run] = await rows<{ dry_run: boolean; finished_at: Date | null }>(platform, sql`select dry_run, finished_at from retention_runs where id = ${result.runId}::uuid`);
      assert.equal(run?.dry_run, true);
      assert.ok(run?.finished_at);
    });

    it('anonymises expired records in batches, one audit event per batch with its count; held, open and recent ones stay', async () => {
      const figuresBefore = await rows(platform, sql`select status, count(*)::int as n from inquiries group by status order by status`);
      const result = await runRetention(platform.deps, { dryRun: false, origin: ORIGIN, batchSize: 2 });
      const vsaa = result.lines.find((l) => l.agency === 'vsaa' && l.table === 'inquiries');
      assert.equal(vsaa?.count, 6);
      assert.equal(vsaa?.batches, 3);
      const batches = await rows<{ details: { count: number; table: string } }>(
        platform,
        sql`select details from audit_log where action = 'privacy.retention-anonymised' and agency = 'vsaa' and record_type = 'inquiry' and details->>'runId' = ${result.runId} order by id`,
      );
      assert.deepEqual(batches.map((b) => b.details.count), [2, 2, 2]);
      const anonymised = await rows<{ reference: string; requester_name: string; requester_email: string | null; requester_personal_code: string | null; }>(
        platform,
        sql`select reference, requester_name, requester_email, requester_personal_code from inquiries where reference = 'vsaa-B-1'`,
      );
      assert.equal(anonymised[0]?.requester_name, '');
      assert.equal(anonymised[0]?.requester_email, null);
      assert.equal(anonymised[0]?.requester_personal_code, null);
      assert.equal(await count(sql`select cardinality(person_keys) as n from inquiries where reference = 'vsaa-B-1'`), 0, 'the keyed index forgets the person');
      assert.equal(await count(sql`select count(*)::int as n from inquiries where reference = 'vsaa-B-2' and requester_email is not null`), 1, 'held');
      assert.equal(await count(sql`select count(*)::int as n from inquiries where reference in ('vsaa-B-100', 'vsaa-B-101') and requester_email is not null`), 2, 'open');
      assert.equal(await count(sql`select count(*)::int as n from inquiries where reference like 'vsaa-B-20_' and requester_email is not null`), 3, 'recent');
      assert.equal(await count(sql`select count(*)::int as n from inquiry_messages where body_text = ''`), 1, 'message of an expired inquiry cleared');
      assert.equal(await count(sql`select count(*)::int as n from appointments where client_email is null and client_name = ''`), 5);
      assert.equal(await count(sql`select count(*)::int as n from queue_tickets where appointment_id is null and status = 'served'`), 5, 'tickets kept, link to the person gone');
      const figuresAfter = await rows(platform, sql`select status, count(*)::int as n from inquiries group by status order by status`);
      assert.deepEqual(figuresAfter, figuresBefore, 'figures by status unchanged');
      const again = await runRetention(platform.deps, { dryRun: false, origin: ORIGIN });
      assert.equal(again.lines.reduce((sum, l) => sum + (l.kind === 'audit-event' ? 0 : l.count), 0), 0, 'a second run finds nothing more');
    });

    it('a lifted hold lets the next run anonymise the record', async () => {
      await platform.deps.db.execute(sql`update legal_holds set lifted_at = now(), lift_reason = 'Beigusies' where record_kind = 'inquiry'`);
      await runRetention(platform.deps, { dryRun: false, origin: ORIGIN });
      assert.equal(await count(sql`select count(*)::int as n from inquiries where reference = 'vsaa-B-2' and requester_email is null`), 1);
    });

    it('the audit log refuses UPDATE, DELETE of rows and TRUNCATE; its purge removes only whole months at least 24 months old', async () => {
      const db = platform.deps.db;
      await db.execute(sql`insert into audit_log (at, actor_label, action, record_type) values
        ('2019-03-10T10:00:00Z', 'old', 'test.old', 'x'), ('2019-03-20T10:00:00Z', 'old', 'test.old', 'x'), ('2019-04-02T10:00:00Z', 'old', 'test.old', 'x')`);
      await assert.rejects(db.execute(sql`delete from audit_log where action = 'test.old'`), dbError(/append-only/));
      await assert.rejects(db.execute(sql`update audit_log set actor_label = 'x' where action = 'test.old'`), dbError(/append-only/));
      await assert.rejects(db.execute(sql`truncate audit_log`), dbError(/append-only/));
      // Even with the purge setting forged in a transaction, one row of an old month cannot go: whole months only.
      await assert.rejects(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('apkalpe.audit_purge_before', extract(epoch from timestamptz '2019-04-01T00:00:00Z')::text, true)`);
          await tx.execute(sql`delete from audit_log where at = '2019-03-10T10:00:00Z'`);
        }),
        dbError(/whole months/),
      );
      await assert.rejects(db.execute(sql`select audit_log_purge_before('2019-04-15T00:00:00Z')`), dbError(/start of a month/));
      await assert.rejects(db.execute(sql`select audit_log_purge_before(date_trunc('month', now()) - interval '1 month')`), dbError(/24 months/));
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'test.old'`), 3, 'nothing removed by the refused attempts');
      // The run purges whole months older than the longest audit-event setting (60 months before 2026-12-01).
      const result = await runRetention(platform.deps, { dryRun: false, origin: ORIGIN });
      const audit = result.lines.find((l) => l.kind === 'audit-event');
      assert.equal(audit?.count, 3);
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'test.old'`), 0);
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'privacy.audit-months-purged'`), 2, 'one audit event per month purged');
      assert.equal(await count(sql`select count(*)::int as n from audit_log_purges`), 2);
    });

    it('the keyed person index still follows ordinary edits (the fill trigger skips only a statement that clears it itself)', async () => {
      const db = platform.deps.db;
      await seedInquiries(db, { agency: 'vsaa', from: 500, count: 1, at: RECENT, status: 'new' });
      const keys = () => count(sql`select cardinality(person_keys) as n from inquiries where reference = 'vsaa-B-500'`);
      assert.equal(await keys(), 3);
      await db.execute(sql`update inquiries set requester_phone = null where reference = 'vsaa-B-500'`);
      assert.equal(await keys(), 2, 'a removed phone leaves the index');
      await db.execute(sql`update inquiries set requester_email = null, requester_personal_code = null where reference = 'vsaa-B-500'`);
      assert.equal(await keys(), 0, 'removing every identifier empties the index, though the statement did not name it');
      await db.execute(sql`update inquiries set requester_email = 'jauns@example.test' where reference = 'vsaa-B-500'`);
      assert.equal(await count(sql`select count(*)::int as n from inquiries where reference = 'vsaa-B-500' and person_keys = array[privacy_person_key('email', 'jauns@example.test')]`), 1);
    });

    it('npx apkalpe retention run --dry-run prints the counts per kind', async () => {
      const lines: string[] = [];
      const code = await runRetentionCommand(true, { out: (t) => lines.push(t), err: (t) => lines.push(t) }, (work) => work(platform.deps));
      assert.equal(code, 0);
      assert.match(lines[0] ?? '', /^Dry run /);
      assert.ok(lines.some((l) => /vsaa inquiry \(inquiries\): would anonymise 0/.test(l)), lines.join('\n'));
    });
  });
}
