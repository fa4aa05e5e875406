import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { signedIn, signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { giftCounts, incidentCounts, serviceErrorCounts } from './registers.counts.ts';
import { count, fieldsOf, inquiryOf, NOW, rows } from './registers.testing.ts';

const API = '/api/v1/staff/vsaa';

function movable(iso: string) {
  let now = Temporal.Instant.from(iso);
  return { clock: () => now, advance: (d: Temporal.DurationLike) => (now = now.add(d)) };
}

for (const target of testTargets()) {
  describe(`registers API: service errors and gifts (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let treasury: TestBrowser;
    const time = movable(NOW);
    let inquiry: { id: string; reference: string };
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      specialist = await signedInStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
      supervisor = await signedInStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
      auditor = await signedInStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      treasury = await signedInStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor');
      inquiry = await inquiryOf(platform, 'vsaa', 'anna@example.lv');
    });
    after(() => platform.close());

    const error = (extra: Record<string, unknown> = {}) => ({ concerns: { kind: 'inquiry', id: inquiry.id }, description: 'Pensija pārrēķināta ar nepareizu apdrošināšanas stāžu.', cameToLight: 'client-complaint', consequences: 'Izmaksa aizkavējās par mēnesi.', ...extra });
    const step = (browser: TestBrowser, id: string, json: Record<string, unknown>) => browser.request({ method: 'POST', url: `${API}/service-errors/${id}/steps`, json });

    it('records an error about an inquiry; another agency’s, a missing record or an unknown kind is refused, nothing written', async () => {
      const created = await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error() });
      assert.equal(created.statusCode, 201, created.body);
      assert.equal((created.json() as { status: string }).status, 'open');
      const kaseInquiry = await inquiryOf(platform, 'kase');
      const before = await count(platform, 'register_service_errors');
      const foreign = await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error({ concerns: { kind: 'inquiry', id: kaseInquiry.id } }) });
      assert.deepEqual([foreign.statusCode, fieldsOf(foreign)], [400, ['concerns.id']]);
      const missing = await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error({ concerns: { kind: 'appointment', id: inquiry.id } }) });
      assert.deepEqual([missing.statusCode, fieldsOf(missing)], [400, ['concerns.id']]);
      const kind = await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error({ concerns: { kind: 'letter', id: inquiry.id } }) });
      assert.deepEqual([kind.statusCode, fieldsOf(kind)], [400, ['concerns.kind']]);
      const how = await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error({ cameToLight: 'rumour' }) });
      assert.deepEqual([how.statusCode, fieldsOf(how)], [400, ['cameToLight']]);
      const long = await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error({ consequences: 'z'.repeat(4001) }) });
      assert.deepEqual([long.statusCode, fieldsOf(long)], [400, ['consequences']]);
      assert.equal(await count(platform, 'register_service_errors'), before);
    });

    it('steps in order with who and when; out of order 409 on `step`; the apology from the agency template goes through the outbox and stays with the record', async () => {
      const id = ((await specialist.request({ method: 'POST', url: `${API}/service-errors`, json: error() })).json() as { id: string }).id;
      const early = await step(specialist, id, { step: 'remedied', text: 'Pārrēķināts' });
      assert.equal(early.statusCode, 409);
      assert.deepEqual(fieldsOf(early), ['step']);
      assert.match(early.body, /Vispirms kļūdu jāatzīst/);
      assert.equal(await count(platform, `register_service_error_steps where error_id = '${id}'`), 0);
      assert.equal((await step(specialist, id, { step: 'acknowledged' })).statusCode, 201);
      assert.equal((await step(specialist, id, { step: 'acknowledged' })).statusCode, 409);
      // The agency edits its Latvian template (supervisor page), then the apology uses it.
      const page = '/staff/vsaa/registri/kludas/veidne';
      const saved = await supervisor.submitForm(page, page, { lang: 'lv', subject: '{{agency}} atvainojas', body: 'Cienījamā kliente!\n\n{{details}}\n\nAtsauce: {{reference}}\n{{agency}}' });
      assert.equal(saved.statusCode, 303);
      // A day later (sessions expire by the same clock: sign in again).
      time.advance({ hours: 26 });
      [specialist, supervisor, auditor, treasury] = await Promise.all([signedIn(platform, 'specialists@vsaa.test'), signedIn(platform, 'vaditajs@vsaa.test'), signedIn(platform, 'auditors@vsaa.test'), signedIn(platform, 'vaditajs@kase.test')]);
      const apology = await step(specialist, id, { step: 'apology-sent', text: 'Kļūdu izlabosim līdz mēneša beigām.' });
      assert.equal(apology.statusCode, 201, apology.body);
      const [mail] = await rows<{ subject: string; body_text: string; id: string }>(platform, sql`select id, subject, body_text from mail_outbox where to_address = 'anna@example.lv' order by created_at desc limit 1`);
      assert.ok(mail);
      assert.match(mail.subject, /Valsts sociālās apdrošināšanas aģentūra atvainojas/);
      assert.match(mail.body_text, /Cienījamā kliente!\n\nKļūdu izlabosim līdz mēneša beigām\.\n\nAtsauce: /);
      assert.ok(mail.body_text.includes(inquiry.reference));
      const withLetter = apology.json() as { status: string; steps: Array<{ step: string; letter: { outboxId: string; body: string; to: string } | null; takenBy: string; takenAt: string }> };
      assert.equal(withLetter.status, 'apology-sent');
      assert.equal(withLetter.steps[1]?.letter?.outboxId, mail.id);
      assert.equal(withLetter.steps[1]?.letter?.to, 'anna@example.lv');
      assert.equal(withLetter.steps[1]?.letter?.body, mail.body_text);
      assert.match(withLetter.steps[1]?.takenAt ?? '', /^2026-11-17T11:00:00\+02:00$/);
      const noText = await step(specialist, id, { step: 'remedied' });
      assert.deepEqual([noText.statusCode, fieldsOf(noText)], [400, ['text']]);
      assert.equal((await step(specialist, id, { step: 'remedied', text: 'Pensija pārrēķināta, starpība izmaksāta.' })).statusCode, 201);
      assert.equal((await step(specialist, id, { step: 'closed' })).statusCode, 403, 'a specialist does not close');
      assert.equal((await step(auditor, id, { step: 'closed' })).statusCode, 403);
      const closed = await step(supervisor, id, { step: 'closed' });
      assert.equal((closed.json() as { status: string; daysOpen: number }).status, 'closed');
      assert.equal((closed.json() as { daysOpen: number }).daysOpen, 1);
      assert.equal((await step(supervisor, id, { step: 'remedied', text: 'x' })).statusCode, 409);
      const bad = await step(supervisor, id, { step: 'forgotten' });
      assert.deepEqual([bad.statusCode, fieldsOf(bad)], [400, ['step']]);
      const actions = await rows<{ action: string }>(platform, sql`select action from audit_log where record_id = ${id} order by id`);
      assert.deepEqual(
        actions.map((a) => a.action),
        ['registers.service-error-recorded', 'registers.service-error-acknowledged', 'registers.service-error-apology-sent', 'registers.service-error-remedied', 'registers.service-error-closed'],
      );
    });

    it('supervisors see all open errors with days open; a specialist only their own; another agency nothing', async () => {
      const open = (await supervisor.get(`${API}/service-errors?open=yes`)).json() as { items: Array<{ status: string; daysOpen: number }> };
      assert.ok(open.items.length >= 1);
      assert.ok(open.items.every((e) => e.status !== 'closed'));
      assert.ok(open.items.some((e) => e.daysOpen >= 1));
      const supervisorOwn = ((await supervisor.request({ method: 'POST', url: `${API}/service-errors`, json: error({ cameToLight: 'audit' }) })).json() as { id: string }).id;
      assert.equal((await specialist.get(`${API}/service-errors/${supervisorOwn}`)).statusCode, 403);
      const mine = (await specialist.get(`${API}/service-errors`)).json() as { items: Array<{ id: string }> };
      assert.ok(!mine.items.some((e) => e.id === supervisorOwn));
      assert.equal((await treasury.get(`/api/v1/staff/kase/service-errors/${supervisorOwn}`)).statusCode, 404);
      assert.equal((await treasury.get(`${API}/service-errors`)).statusCode, 403);
      assert.equal((await auditor.request({ method: 'POST', url: `${API}/service-errors`, json: error() })).statusCode, 403);
    });

    const gift = (extra: Record<string, unknown> = {}) => ({ offeredOn: '2026-11-13', offeredBy: 'Klients pēc konsultācijas', what: 'Šokolādes kārba', kind: 'gift', estimatedValueEur: 12.5, declined: true, ...extra });

    it('gifts: declared, declined or accepted with a reason; bad values, dates and kinds refused; a supervisor acknowledges once', async () => {
      const created = await specialist.request({ method: 'POST', url: `${API}/gifts`, json: gift() });
      assert.equal(created.statusCode, 201, created.body);
      const id = (created.json() as { id: string }).id;
      const accepted = await specialist.request({ method: 'POST', url: `${API}/gifts`, json: gift({ declined: false, kind: 'hospitality', reason: 'Oficiāla pieņemšana; reģistrēta iestādes dāvanu sarakstā.' }) });
      assert.equal(accepted.statusCode, 201);
      const before = await count(platform, 'register_gifts');
      const cases: Array<[Record<string, unknown>, string]> = [
        [gift({ declined: false }), 'reason'],
        [gift({ estimatedValueEur: -5 }), 'estimatedValueEur'],
        [gift({ estimatedValueEur: 1e9 }), 'estimatedValueEur'],
        [gift({ estimatedValueEur: 1.005 }), 'estimatedValueEur'],
        [gift({ offeredOn: '2026-11-18' }), 'offeredOn'],
        [gift({ offeredOn: '1999-12-31' }), 'offeredOn'],
        [gift({ offeredOn: '2026-02-30' }), 'offeredOn'],
        [gift({ kind: 'bribe' }), 'kind'],
        [gift({ what: '' }), 'what'],
        [gift({ what: 'a\u0000b' }), 'what'],
        [gift({ declined: 'maybe' }), 'declined'],
      ];
      for (const [json, field] of cases) {
        const res = await specialist.request({ method: 'POST', url: `${API}/gifts`, json });
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        assert.ok(fieldsOf(res).includes(field), `${field}: ${JSON.stringify(fieldsOf(res))}`);
      }
      assert.equal(await count(platform, 'register_gifts'), before);
      assert.equal((await specialist.request({ method: 'PATCH', url: `${API}/gifts/${id}`, json: { acknowledged: true } })).statusCode, 403);
      const ack = await supervisor.request({ method: 'PATCH', url: `${API}/gifts/${id}`, json: { acknowledged: true } });
      assert.equal(ack.statusCode, 200);
      assert.ok((ack.json() as { acknowledgedAt: string | null }).acknowledgedAt);
      assert.equal((await supervisor.request({ method: 'PATCH', url: `${API}/gifts/${id}`, json: { acknowledged: true } })).statusCode, 409);
      assert.equal((await auditor.request({ method: 'PATCH', url: `${API}/gifts/${id}`, json: { acknowledged: true } })).statusCode, 403);
      const declinedOnly = (await supervisor.get(`${API}/gifts?status=declined`)).json() as { items: Array<{ declined: boolean; estimatedValueEur: number }> };
      assert.ok(declinedOnly.items.length >= 1 && declinedOnly.items.every((g) => g.declined));
      assert.equal(declinedOnly.items[0]?.estimatedValueEur, 12.5);
      assert.equal((await treasury.get(`/api/v1/staff/kase/gifts/${id}`)).statusCode, 404);
    });

    it('the dashboard counts: incidents by kind and action, errors acknowledged/apologised/remedied and days, gifts declared/declined', async () => {
      await specialist.request({ method: 'POST', url: `${API}/incidents`, json: { occurredAt: '2026-11-16T08:30:00+02:00', centre: 'jelgava', kind: 'intoxication', description: 'Klients reibumā.', actions: ['asked-to-leave', 'municipal-police-called'] } });
      const period = { from: '2026-11-01', to: '2026-11-30' };
      const incidents = await incidentCounts(platform.deps.db, 'vsaa', period);
      assert.deepEqual([incidents.total, incidents.byKind['intoxication'], incidents.byAction['municipal-police-called']], [1, 1, 1]);
      const errors = await serviceErrorCounts(platform.deps.db, 'vsaa', period);
      assert.equal(errors.acknowledged, 1);
      assert.equal(errors.apologised, 1);
      assert.equal(errors.remedied, 1);
      assert.equal(errors.closed, 1);
      assert.equal(errors.open, errors.recorded - 1);
      assert.equal(errors.averageDaysToRemedy, 1);
      assert.deepEqual(await giftCounts(platform.deps.db, 'vsaa', period), { declared: 2, declined: 1, accepted: 1 });
      assert.deepEqual(await giftCounts(platform.deps.db, 'kase', period), { declared: 0, declined: 0, accepted: 0 });
    });
  });
}
