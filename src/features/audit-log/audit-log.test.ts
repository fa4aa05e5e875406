import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { ERROR_STEPS } from '../../domain/registers/index.ts';
import { TICKET_ACTIONS } from '../../domain/queue/ticket-state.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { fixedClock } from '../../platform/clock.ts';
import { translator } from '../../platform/i18n/index.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { queryRows } from '../../../test/support/sql-rows.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { auditLogMessages } from './audit-log.messages.ts';
import { AUDIT_PAGE_SIZE } from './audit-log.service.ts';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|testing)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every audit action our code writes: literals on lines about an action, and the templated families. */
function writtenActions(): Set<string> {
  const prefixes = Object.keys(auditLogMessages.lv.actions);
  const shape = new RegExp(`^(${prefixes.map((p) => p.replace(/-/g, '\\-')).join('|')})\\.[a-z][a-z-]+$`);
  const lv = translator('lv');
  const found = new Set<string>();
  for (const file of sourceFiles('src')) {
    if (file.includes('audit-log.messages')) continue;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (!/action/i.test(line) && !/return .*\? '/.test(line)) continue;
      for (const [, literal] of line.matchAll(/'([a-z-]+\.[a-z][a-z-]+)'/g)) {
        // A catalog key (`t('queue.figures')`) or a permission name on the same line is not an action.
        if (literal && shape.test(literal) && lv(literal as never) === literal && !/permission|roleAllows|can\(/.test(line)) found.add(literal);
      }
    }
  }
  for (const step of TICKET_ACTIONS) found.add(`queue.ticket-${step}`);
  for (const step of ERROR_STEPS) found.add(`registers.service-error-${step}`);
  for (const register of ['incident', 'service-error', 'gift']) found.add(`registers.${register}s-exported`);
  for (const kind of ['assigned', 'replied', 'info-requested', 'closed', 'unexamined', 'merged', 'merged-from', 'term-complex', 'deadline-extended']) found.add(`inquiry.${kind}`);
  return found;
}

describe('audit log vocabulary', () => {
  it('names every action our code writes, in Latvian and in English', () => {
    const actions = writtenActions();
    assert.ok(actions.size > 80, `found ${actions.size} actions`);
    const missing = [...actions].filter((action) => {
      const [prefix, rest] = [action.slice(0, action.indexOf('.')), action.slice(action.indexOf('.') + 1)];
      const lv = (auditLogMessages.lv.actions as Record<string, Record<string, string>>)[prefix]?.[rest];
      const en = (auditLogMessages.en.actions as Record<string, Record<string, string>>)[prefix]?.[rest];
      return !lv || !en;
    });
    assert.deepEqual(missing, []);
  });

  it('has the same actions and record types in both languages', () => {
    assert.deepEqual(JSON.stringify(Object.keys(auditLogMessages.lv.recordTypes)), JSON.stringify(Object.keys(auditLogMessages.en.recordTypes)));
    for (const [prefix, words] of Object.entries(auditLogMessages.lv.actions)) {
      assert.deepEqual(Object.keys(words), Object.keys((auditLogMessages.en.actions as Record<string, object>)[prefix] ?? {}), prefix);
    }
  });
});

const NOW = '2026-12-04T10:00:00Z';
type Listed = { records: { action: string; actorId: string | null; recordId: string | null; at: string }[]; nextBefore: number | null };

for (const target of testTargets()) {
  describe(`audit log filters (${target})`, () => {
    let platform: TestPlatform;
    let auditor: TestBrowser;
    let specialist: TestBrowser;
    let treasuryAuditor: TestBrowser;
    let specialistId: string;
    const origin = (actorId: string | null, actorLabel: string) => ({ actorId, actorLabel, ip: '192.0.2.1' });

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      auditor = await signedInStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      specialist = await signedInStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
      treasuryAuditor = await signedInStaff(platform, 'auditors@kase.test', 'kase', 'auditor');
      const [row] = await queryRows<{ id: string }>(platform, sql`select id from staff_users where email = 'specialists@vsaa.test'`);
      specialistId = row!.id;
      const db = platform.deps.db;
      // Riga midnight of 1 December 2026 is 22:00 UTC on 30 November.
      await recordAudit(db, fixedClock('2026-11-30T21:59:00Z'), origin(specialistId, 'specialists@vsaa.test'), { action: 'inquiry.viewed', recordType: 'inquiry', recordId: 'inq-november', agency: 'vsaa' });
      await recordAudit(db, fixedClock('2026-11-30T22:01:00Z'), origin(specialistId, 'specialists@vsaa.test'), { action: 'inquiry.replied', recordType: 'inquiry', recordId: 'inq-december', agency: 'vsaa' });
      await recordAudit(db, fixedClock('2026-12-02T09:00:00Z'), origin(null, 'client'), { action: 'inquiry.viewed-by-client', recordType: 'inquiry', recordId: 'inq-december', agency: 'vsaa' });
      await recordAudit(db, fixedClock('2026-12-02T09:00:00Z'), origin(null, 'client'), { action: 'inquiry.filed', recordType: 'inquiry', recordId: 'inq-kase', agency: 'kase' });
    });
    after(() => platform.close());

    const list = async (query: string) => {
      const response = await auditor.get(`/api/v1/staff/vsaa/audit?${query}`);
      assert.equal(response.statusCode, 200, response.body);
      return response.json() as Listed;
    };

    it('filters by person, by record and by Riga days, never showing another agency', async () => {
      const byPerson = await list(`actor=${specialistId}`);
      assert.deepEqual(byPerson.records.map((r) => r.recordId).filter((id) => id?.startsWith('inq-')), ['inq-december', 'inq-november']);
      assert.ok(byPerson.records.every((r) => r.actorId === specialistId));
      const byRecord = await list('recordType=inquiry&recordId=inq-december');
      assert.deepEqual(byRecord.records.map((r) => r.action), ['inquiry.viewed-by-client', 'inquiry.replied']);
      const december1 = await list('recordType=inquiry&from=2026-12-01&to=2026-12-01');
      assert.deepEqual(december1.records.map((r) => r.recordId), ['inq-december'], 'the Riga day starts at 22:00 UTC');
      const november = await list('recordType=inquiry&to=2026-11-30');
      assert.deepEqual(november.records.map((r) => r.recordId), ['inq-november']);
      const all = await list('recordType=inquiry');
      assert.ok(!all.records.some((r) => r.recordId === 'inq-kase'), "the Treasury's event is not in VSAA's trail");
    });

    it('pages by id: 200 a page, then the older ones', async () => {
      const db = platform.deps.db;
      for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i += 1) {
        await recordAudit(db, fixedClock('2026-10-01T08:00:00Z'), origin(null, 'system'), { action: 'queue.ticket-issued', recordType: 'queue-ticket', recordId: `ticket-${i}`, agency: 'vsaa' });
      }
      const first = await list('recordType=queue-ticket');
      assert.equal(first.records.length, AUDIT_PAGE_SIZE);
      assert.notEqual(first.nextBefore, null);
      const second = await list(`recordType=queue-ticket&before=${first.nextBefore}`);
      assert.equal(second.records.length, 5);
      assert.equal(second.nextBefore, null);
      assert.deepEqual(second.records.map((r) => r.recordId), ['ticket-4', 'ticket-3', 'ticket-2', 'ticket-1', 'ticket-0']);
    });

    it('refuses a reversed period, an impossible date and a stranger id with field errors (API 400, page 400 with the form)', async () => {
      const reversed = await auditor.get('/api/v1/staff/vsaa/audit?from=2026-12-02&to=2026-12-01');
      assert.equal(reversed.statusCode, 400);
      assert.ok((reversed.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'to'));
      const impossible = await auditor.get('/api/v1/staff/vsaa/audit?from=2026-13-01');
      assert.equal(impossible.statusCode, 400);
      assert.ok((impossible.json() as { errors: { field: string }[] }).errors.some((e) => e.field === 'from'));
      const actor = await auditor.get('/api/v1/staff/vsaa/audit?actor=%3Cscript%3E');
      assert.equal(actor.statusCode, 400);
      assert.ok(!actor.body.includes('<script>'));
      const page = await auditor.get('/staff/vsaa/audit?from=2026-12-02&to=2026-12-01&lang=lv');
      assert.equal(page.statusCode, 400);
      assert.match(page.body, /Beigu datums nevar būt agrāks par sākuma datumu/);
      assert.match(page.body, /name="from"[^>]*value="2026-12-02"/);
      const pageEn = await auditor.get('/staff/vsaa/audit?from=2026-12-02&to=2026-12-01&lang=en');
      assert.match(pageEn.body, /The end date cannot be earlier than the start date/);
    });

    it('shows actions and record types in words, in Riga time, in both languages', async () => {
      const lv = await auditor.get(`/staff/vsaa/audit?recordType=inquiry&recordId=inq-december&lang=lv`);
      assert.equal(lv.statusCode, 200);
      assert.match(lv.body, /Nosūtīta atbilde/);
      assert.match(lv.body, /Klients skatīja savu iesniegumu/);
      assert.doesNotMatch(lv.body, />inquiry\.replied</);
      assert.match(lv.body, /iesniegums/);
      assert.match(lv.body, /00:01/, '22:01 UTC is 00:01 in Riga');
      const en = await auditor.get(`/staff/vsaa/audit?recordType=inquiry&recordId=inq-december&lang=en`);
      assert.match(en.body, /Answer sent/);
      assert.match(en.body, /Client viewed their inquiry/);
    });

    it('reading the trail is audited with its filters; specialists and other agencies are refused before the query is read', async () => {
      await list('recordType=inquiry&recordId=inq-november');
      const [row] = await queryRows<{ details: Record<string, string> }>(platform, sql`select details from audit_log where action = 'audit.viewed' order by id desc limit 1`);
      assert.deepEqual(row!.details, { recordType: 'inquiry', recordId: 'inq-november' });
      assert.equal((await specialist.get('/api/v1/staff/vsaa/audit?from=nonsense')).statusCode, 403);
      assert.equal((await treasuryAuditor.get('/api/v1/staff/vsaa/audit?from=nonsense')).statusCode, 403);
      assert.equal((await specialist.get('/staff/vsaa/audit')).statusCode, 403);
    });
  });
}
