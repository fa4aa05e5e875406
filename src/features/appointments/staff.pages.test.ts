import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { staffBrowser } from './appointments-staff.testing.ts';

const NOW = '2026-11-16T07:00:00Z';

for (const target of testTargets()) {
  describe(`staff appointment pages (${target})`, () => {
    let platform: TestPlatform;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let treasury: TestBrowser;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      [supervisor, auditor, treasury] = await Promise.all([staffBrowser(platform, 'kase', 'supervisor'), staffBrowser(platform, 'kase', 'auditor'), staffBrowser(platform, 'vsaa', 'specialist')]);
    });
    after(() => platform.close());

    it('books a phone client, finds them in the day view, checks them in and marks them served', async () => {
      const page = await supervisor.get('/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=2026-11-19');
      assert.equal(page.statusCode, 200);
      const start = /name="start"(?: checked="")? value="([^"]+)"/.exec(page.body)?.[1]?.replace(/&#x2B;|&#43;/g, '+');
      assert.ok(start);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const missingReason = await supervisor.submitForm('/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=2026-11-19', '/staff/kase/pieraksti/jauns', { service: 'konti', centre: 'riga-smilsu', start, idempotencyKey: key, name: 'Ojārs', phone: '+371 29999999' });
      assert.equal(missingReason.statusCode, 422);
      const booked = await supervisor.submitForm('/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=2026-11-19', '/staff/kase/pieraksti/jauns', { service: 'konti', centre: 'riga-smilsu', start, idempotencyKey: key, name: 'Ojārs', phone: '+371 29999999', reason: 'Nav piekļuves internetam' });
      assert.equal(booked.statusCode, 303);
      const code = /code=([A-Z0-9]{6})/.exec(String(booked.headers.location))?.[1];
      assert.ok(code);
      const day = await supervisor.get('/staff/kase/pieraksti?date=2026-11-19&centre=riga-smilsu');
      assert.equal(day.statusCode, 200);
      assert.match(day.body, /Ojārs/);
      const week = await supervisor.get('/staff/kase/pieraksti?date=2026-11-16&view=week');
      assert.match(week.body, new RegExp(code));
      const detailUrl = /href="(\/staff\/kase\/pieraksti\/[0-9a-f-]{36})"/.exec(day.body)?.[1] ?? '';
      const detail = await supervisor.get(detailUrl);
      assert.match(detail.body, /Nav piekļuves internetam/);
      assert.equal((await supervisor.submitForm(detailUrl, `${detailUrl}/ierasanas`, { identityDocument: 'passport' })).statusCode, 303);
      assert.equal((await supervisor.submitForm(detailUrl, `${detailUrl}/piezimes`, { notes: 'Konts atvērts' })).statusCode, 303);
      assert.equal((await supervisor.submitForm(detailUrl, `${detailUrl}/rezultats`, { outcome: 'served' })).statusCode, 303);
      const result = await platform.deps.db.execute(sql.raw(`select status, identity_document, notes, channel from appointments where booking_code = '${code}'`));
      assert.deepEqual((result as unknown as { rows: unknown[] }).rows[0], { status: 'served', identity_document: 'passport', notes: 'Konts atvērts', channel: 'staff' });
      const views = await platform.deps.db.execute(sql.raw(`select count(*)::int as n from audit_log where agency = 'kase' and action in ('appointment.viewed', 'appointment.schedule-viewed')`));
      assert.ok(((views as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0) >= 3);
    });

    it('closes a day by form, with field errors for a bad range', async () => {
      const bad = await supervisor.submitForm('/staff/kase/pieraksti/slegsana', '/staff/kase/pieraksti/slegsana', { centre: 'riga-smilsu', service: '', from: '2026-11-27', to: '2026-11-26', capacity: '0', reason: 'Remonts' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /error-summary/);
      const ok = await supervisor.submitForm('/staff/kase/pieraksti/slegsana', '/staff/kase/pieraksti/slegsana', { centre: 'riga-smilsu', service: '', from: '2026-11-26', to: '2026-11-27', capacity: '0', reason: 'Remonts' });
      assert.equal(ok.statusCode, 303);
      assert.match((await supervisor.get(String(ok.headers.location))).body, /Remonts/);
    });

    it('the auditor sees the schedule but no forms, and cannot post; another agency’s staff get 403', async () => {
      const day = await auditor.get('/staff/kase/pieraksti?date=2026-11-19');
      assert.equal(day.statusCode, 200);
      const detailUrl = /href="(\/staff\/kase\/pieraksti\/[0-9a-f-]{36})"/.exec(day.body)?.[1] ?? '';
      const detail = await auditor.get(detailUrl);
      assert.doesNotMatch(detail.body, /<form method="post"/);
      assert.equal((await auditor.get('/staff/kase/pieraksti/jauns')).statusCode, 403);
      assert.equal((await auditor.get('/staff/kase/pieraksti/slegsana')).statusCode, 403);
      const token = /name="_csrf" value="([^"]+)"/.exec((await auditor.get('/staff/kase')).body)?.[1] ?? /name="_csrf" value="([^"]+)"/.exec((await auditor.get('/staff/kase/pieraksti')).body)?.[1] ?? '';
      const post = await auditor.request({ method: 'POST', url: `${detailUrl}/atcelt`, form: { reason: 'x', _csrf: token } });
      assert.equal(post.statusCode, 403);
      assert.equal((await treasury.get('/staff/kase/pieraksti')).statusCode, 403);
      assert.equal((await treasury.get(detailUrl)).statusCode, 403);
    });
  });
}
