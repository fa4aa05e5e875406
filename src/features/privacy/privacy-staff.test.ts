import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { movableClock, rows } from '../feedback/feedback.testing.ts';
import { seedInquiries, seedVisits, seededPersonalCode } from './privacy-bulk.testing.ts';

const API = '/api/v1/staff/vsaa/subject-access';
const PAGE = '/staff/vsaa/privatums';

for (const target of testTargets()) {
  describe(`privacy staff pages and API (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-12-01T10:00:00Z');
    let supervisor: TestBrowser;
    let admin: TestBrowser;
    let specialist: TestBrowser;
    let auditor: TestBrowser;
    let kaseAdmin: TestBrowser;
    const count = async (query: ReturnType<typeof sql>) => (await rows<{ n: number }>(platform, query))[0]?.n ?? -1;

    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      const db = platform.deps.db;
      await seedInquiries(db, { agency: 'vsaa', from: 1, count: 3, at: new Date('2026-10-01T10:00:00Z') });
      await seedInquiries(db, { agency: 'kase', from: 2, count: 1, at: new Date('2026-10-01T10:00:00Z') });
      await seedVisits(db, { agency: 'vsaa', from: 2, count: 1, at: new Date('2026-11-02T08:00:00Z'), centreId: 'riga-lacplesa', serviceId: 'pensijas' });
      await db.execute(sql`insert into audit_log (at, actor_label, agency, action, record_type, record_id)
        select '2026-10-02T09:00:00Z', 'skatitajs@vsaa.test', 'vsaa', 'inquiry.viewed', 'inquiry', id::text from inquiries where reference = 'vsaa-B-2'`);
      supervisor = await signedInStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
      admin = await signedInStaff(platform, 'admins@vsaa.test', 'vsaa', 'administrator');
      specialist = await signedInStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
      auditor = await signedInStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      kaseAdmin = await signedInStaff(platform, 'admin@kase.test', 'kase', 'administrator');
    });
    after(() => platform.close());

    it('subject access by personal code finds the inquiry, the appointment and its ticket, with who viewed each; the search is audited with its reason', async () => {
      const res = await supervisor.request({ method: 'POST', url: API, json: { personalCode: seededPersonalCode(2), reason: 'Pieprasījums Nr. 15/2026' } });
      assert.equal(res.statusCode, 200, res.body);
      const report = res.json() as { sections: Array<{ kind: string; records: Array<{ reference: string; trail: Array<{ actor: string; action: string }> }> }> };
      const section = (kind: string) => report.sections.find((s) => s.kind === kind)?.records ?? [];
      assert.deepEqual(section('inquiry').map((r) => r.reference), ['vsaa-B-2'], 'only this agency, only this person');
      assert.deepEqual(section('inquiry')[0]?.trail.map((t) => t.actor), ['skatitajs@vsaa.test']);
      assert.deepEqual(section('appointment').map((r) => r.reference), ['B2']);
      assert.deepEqual(section('queue-ticket').map((r) => r.reference), ['P-2']);
      const [audit] = await rows<{ details: { reason: string; identifiers: string[]; found: Record<string, number> } }>(platform, sql`select details from audit_log where action = 'privacy.subject-access' order by id desc limit 1`);
      assert.equal(audit?.details.reason, 'Pieprasījums Nr. 15/2026');
      assert.deepEqual(audit?.details.identifiers, ['personalCode']);
      assert.equal(audit?.details.found['inquiry'], 1);
      assert.doesNotMatch(JSON.stringify(audit?.details), new RegExp(seededPersonalCode(2)), 'no personal code in the audit log');
    });

    it('finds by e-mail (any case) and by phone in another notation', async () => {
      const byEmail = await admin.request({ method: 'POST', url: API, json: { email: 'CLIENT3@example.test', reason: 'Pieprasījums Nr. 16/2026' } });
      assert.equal(byEmail.statusCode, 200);
      assert.match(byEmail.body, /vsaa-B-3/);
      const byPhone = await admin.request({ method: 'POST', url: API, json: { phone: '0037120000001', reason: 'Pieprasījums Nr. 17/2026' } });
      assert.match(byPhone.body, /vsaa-B-1/);
      assert.doesNotMatch(byPhone.body, /vsaa-B-3/);
    });

    it('a search without a reason, without an identifier, or by a specialist, auditor or another agency: 4xx with LV/EN field errors, nothing audited', async () => {
      const before = await count(sql`select count(*)::int as n from audit_log where action = 'privacy.subject-access'`);
      const noReason = await supervisor.request({ method: 'POST', url: API, json: { email: 'client1@example.test' } });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /Norādiet pamatojumu/);
      const noReasonEn = await supervisor.request({ method: 'POST', url: `${API}?lang=en`, json: { email: 'client1@example.test', reason: '  ' } });
      assert.equal(noReasonEn.statusCode, 400);
      assert.match(noReasonEn.body, /Give a reason/);
      assert.doesNotMatch(noReasonEn.body, /client1@example/, 'no echo of the input');
      await supervisor.get(`${PAGE}/pieprasijums?lang=lv`);
      const noId = await supervisor.request({ method: 'POST', url: API, json: { reason: 'Pieprasījums Nr. 18' } });
      assert.equal(noId.statusCode, 400);
      assert.match(noId.body, /"field":"personalCode"/);
      const badCode = await supervisor.request({ method: 'POST', url: API, json: { personalCode: '320000-0000\u0000', reason: 'Pieprasījums Nr. 19' } });
      assert.equal(badCode.statusCode, 400);
      const nulReason = await supervisor.request({ method: 'POST', url: API, json: { email: 'a@b.lv', reason: 'Pamatojums\u0000x' } });
      assert.equal(nulReason.statusCode, 400);
      assert.equal((await specialist.request({ method: 'POST', url: API, json: { email: 'client1@example.test', reason: 'Pieprasījums Nr. 20' } })).statusCode, 403);
      assert.equal((await auditor.request({ method: 'POST', url: API, json: { email: 'client1@example.test', reason: 'Pieprasījums Nr. 20' } })).statusCode, 403);
      assert.equal((await kaseAdmin.request({ method: 'POST', url: API, json: { email: 'client1@example.test', reason: 'Pieprasījums Nr. 20' } })).statusCode, 403);
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'privacy.subject-access'`), before);
    });

    it('the printable page: form, errors in Latvian, report with the criteria and the reason', async () => {
      const form = await supervisor.get(`${PAGE}/pieprasijums`);
      assert.equal(form.statusCode, 200);
      const bad = await supervisor.submitForm(`${PAGE}/pieprasijums`, `${PAGE}/pieprasijums`, { personalCode: '', email: '', phone: '', reason: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /Norādiet vismaz vienu: personas kodu/);
      const ok = await supervisor.submitForm(`${PAGE}/pieprasijums`, `${PAGE}/pieprasijums`, { personalCode: seededPersonalCode(2), email: '', phone: '', reason: 'Pieprasījums Nr. 21' });
      assert.equal(ok.statusCode, 200);
      assert.match(ok.body, /vsaa-B-2/);
      assert.match(ok.body, /Pamatojums: Pieprasījums Nr. 21/);
      assert.match(ok.body, /32\*\*\*\*-\*\*\*\*\*/, 'the code is shown masked');
      assert.doesNotMatch(ok.body, new RegExp(seededPersonalCode(2)));
      assert.equal((await specialist.get(`${PAGE}/pieprasijums`)).statusCode, 403);
    });

    it('legal holds: set with a reason (audited), refused without one, lifted with a reason; a specialist cannot', async () => {
      const holds = `${PAGE}/aizturesana`;
      const noReason = await supervisor.submitForm(holds, holds, { kind: 'inquiry', record: 'vsaa-B-1', reason: '' });
      assert.equal(noReason.statusCode, 400);
      assert.match(noReason.body, /Norādiet pamatojumu/);
      assert.equal(await count(sql`select count(*)::int as n from legal_holds`), 0);
      const unknown = await supervisor.submitForm(holds, holds, { kind: 'inquiry', record: 'kase-B-2', reason: 'Tiesvedība C-1/2026' });
      assert.equal(unknown.statusCode, 404, 'another agency’s record is not found');
      const set = await supervisor.submitForm(holds, holds, { kind: 'inquiry', record: 'vsaa-B-1', reason: 'Tiesvedība C-1/2026' });
      assert.equal(set.statusCode, 303);
      const page = await supervisor.get(holds);
      assert.match(page.body, /Ieraksts aizturēts/);
      assert.match(page.body, /Tiesvedība C-1\/2026/);
      const twice = await supervisor.submitForm(holds, holds, { kind: 'inquiry', record: 'vsaa-B-1', reason: 'Vēlreiz pamatojums' });
      assert.equal(twice.statusCode, 409);
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'privacy.hold-set' and details->>'reason' = 'Tiesvedība C-1/2026'`), 1);
      const [hold] = await rows<{ id: string }>(platform, sql`select id from legal_holds where lifted_at is null`);
      const liftNoReason = await supervisor.submitForm(holds, `${holds}/atcelt`, { hold: hold?.id ?? '', reason: '' });
      assert.equal(liftNoReason.statusCode, 400);
      assert.equal(await count(sql`select count(*)::int as n from legal_holds where lifted_at is null`), 1);
      assert.equal((await specialist.get(holds)).statusCode, 403);
      const lifted = await supervisor.submitForm(holds, `${holds}/atcelt`, { hold: hold?.id ?? '', reason: 'Tiesvedība beigusies' });
      assert.equal(lifted.statusCode, 303);
      assert.equal(await count(sql`select count(*)::int as n from legal_holds where lifted_at is null`), 0);
      assert.equal(await count(sql`select count(*)::int as n from audit_log where action = 'privacy.hold-lifted'`), 1);
    });

    it('/staff/vsaa/privatums: administrators see retention per kind, run a dry run and see the last runs; others cannot', async () => {
      assert.equal((await supervisor.get(PAGE)).statusCode, 403);
      assert.equal((await kaseAdmin.get(PAGE)).statusCode, 403);
      const page = await admin.get(PAGE);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<th scope="row">Iesniegumi un jautājumi<\/th><td>5 gadi<\/td><td>anonimizēt<\/td>/);
      // Every kind with settings is declared by its feature (phone and registers included): none is "not on this installation".
      assert.match(page.body, /<th scope="row">Atzvanīšanas pieprasījumi<\/th><td>12 mēneši<\/td><td>anonimizēt<\/td><td>[^]*?<\/td><td>phone_callbacks<\/td>/);
      assert.doesNotMatch(page.body, /šajā instalācijā vēl nav/);
      const dry = await admin.submitForm(PAGE, `${PAGE}/izmeginajums`, {});
      assert.equal(dry.statusCode, 303);
      const result = await admin.get(dry.headers.location as string);
      assert.match(result.body, /Izmēģinājuma rezultāts/);
      assert.match(result.body, /izmēģinājums/);
      assert.doesNotMatch(result.body, /kase-B/);
    });
  });
}
