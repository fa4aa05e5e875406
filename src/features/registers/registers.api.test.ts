import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { findLinkedRecord } from './linked-records.ts';
import { appointmentOf, count, fieldsOf, inquiryOf, NOW, rows, ticketOf } from './registers.testing.ts';

const API = '/api/v1/staff/vsaa';
const incident = (extra: Record<string, unknown> = {}) => ({
  occurredAt: '2026-11-16T08:30:00+02:00',
  centre: 'riga-lacplesa',
  kind: 'aggressive-behaviour',
  description: 'Klients kliedza uz darbinieku un atteicās atstāt telpas.',
  actions: ['warned', 'asked-to-leave'],
  ...extra,
});

for (const target of testTargets()) {
  describe(`registers API: incidents (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestBrowser;
    let colleague: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let treasury: TestBrowser;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      specialist = await signedInStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
      colleague = await signedInStaff(platform, 'kolegis@vsaa.test', 'vsaa', 'specialist');
      supervisor = await signedInStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
      auditor = await signedInStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      treasury = await signedInStaff(platform, 'specialists@kase.test', 'kase', 'specialist');
    });
    after(() => platform.close());

    it('records an incident: 201 { id, … }, audited in the same transaction; read back as sent', async () => {
      const created = await specialist.request({ method: 'POST', url: `${API}/incidents`, json: incident() });
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json() as { id: string; status: string; kind: string };
      assert.match(body.id, /^[0-9a-f-]{36}$/);
      assert.equal(body.status, 'open');
      const read = await specialist.get(`${API}/incidents/${body.id}`);
      assert.equal(read.statusCode, 200);
      const json = read.json() as { kind: string; actions: string[]; occurredAt: string; centre: string };
      assert.deepEqual([json.kind, json.actions, json.occurredAt, json.centre], ['aggressive-behaviour', ['warned', 'asked-to-leave'], '2026-11-16T08:30:00+02:00', 'riga-lacplesa']);
      const audit = await rows<{ action: string }>(platform, sql`select action from audit_log where record_id = ${body.id} order by id`);
      assert.deepEqual(audit.map((a) => a.action), ['registers.incident-recorded', 'registers.incident-viewed']);
    });

    it('links to an appointment and a ticket of the agency; another agency’s or a missing one is refused, nothing written', async () => {
      const appointment = await appointmentOf(specialist, 'vsaa', '2026-11-19T09:05:00+02:00');
      const ticket = await ticketOf(platform);
      const linked = await specialist.request({ method: 'POST', url: `${API}/incidents`, json: incident({ appointmentId: appointment, ticketId: ticket }) });
      assert.equal(linked.statusCode, 201, linked.body);
      const kaseAppointment = await appointmentOf(treasury, 'kase', '2026-11-19T09:00:00+02:00');
      const before = await count(platform, 'register_incidents');
      const foreign = await specialist.request({ method: 'POST', url: `${API}/incidents`, json: incident({ appointmentId: kaseAppointment }) });
      assert.equal(foreign.statusCode, 400);
      assert.deepEqual(fieldsOf(foreign), ['appointmentId']);
      assert.match(JSON.stringify(foreign.json()), /Šādu pierakstu jūsu iestādē neatradām/);
      const missing = await specialist.request({ method: 'POST', url: `${API}/incidents`, json: incident({ ticketId: '00000000-0000-4000-8000-000000000000' }) });
      assert.deepEqual([missing.statusCode, fieldsOf(missing)], [400, ['ticketId']]);
      const english = await specialist.request({ method: 'POST', url: `${API}/incidents?lang=en`, json: incident({ ticketId: '00000000-0000-4000-8000-000000000000' }) });
      assert.match(JSON.stringify(english.json()), /No such queue ticket in your agency/);
      assert.equal(await count(platform, 'register_incidents'), before);
    });

    it('a call link: without the phone feature’s table the call is not found (field error), never a 500', async () => {
      const call = await specialist.request({ method: 'POST', url: `${API}/incidents`, json: incident({ callId: '11111111-1111-4111-8111-111111111111' }) });
      assert.deepEqual([call.statusCode, fieldsOf(call)], [400, ['callId']]);
      assert.equal(await findLinkedRecord(platform.deps.db, 'call', '11111111-1111-4111-8111-111111111111', 'vsaa'), undefined);
    });

    it('bad input: unknown kind or action, future time, impossible date, oversize or NUL text, unknown place — field errors, nothing written', async () => {
      const before = await count(platform, 'register_incidents');
      const cases: Array<[Record<string, unknown>, string]> = [
        [incident({ kind: 'shouting' }), 'kind'],
        [incident({ actions: ['arrested'] }), 'actions.0'],
        [incident({ actions: ['warned', 'warned'] }), 'actions'],
        [incident({ occurredAt: '2026-11-16T12:00:00+02:00' }), 'occurredAt'],
        [incident({ occurredAt: '2026-02-30T10:00:00+02:00' }), 'occurredAt'],
        [incident({ description: 'x'.repeat(4001) }), 'description'],
        [incident({ description: 'Teksts\u0000ar NUL' }), 'description'],
        [incident({ centre: 'nav-tada' }), 'centre'],
        [incident({ centre: undefined }), 'centre'],
        [incident({ channel: 'info-epasts' }), 'channel'],
        [incident({ client: 'y'.repeat(201) }), 'client'],
        [incident({ extra: 1 }), 'extra'],
      ];
      for (const [json, field] of cases) {
        const res = await specialist.request({ method: 'POST', url: `${API}/incidents`, json });
        assert.equal(res.statusCode, 400, `${field}: ${res.body}`);
        assert.ok(fieldsOf(res).includes(field), `${field}: ${JSON.stringify(fieldsOf(res))}`);
        assert.doesNotMatch(res.body, /Teksts.ar NUL|xxxxxxxxxx/, 'the input is never echoed');
      }
      assert.equal(await count(platform, 'register_incidents'), before);
    });

    it('a specialist sees only their own; reading or closing another’s is 403; only a supervisor closes', async () => {
      const mine = ((await specialist.request({ method: 'POST', url: `${API}/incidents`, json: incident({ kind: 'intoxication' }) })).json() as { id: string }).id;
      const theirs = ((await colleague.request({ method: 'POST', url: `${API}/incidents`, json: incident({ kind: 'public-order' }) })).json() as { id: string }).id;
      const list = (await specialist.get(`${API}/incidents`)).json() as { items: Array<{ id: string }> };
      assert.ok(list.items.some((i) => i.id === mine));
      assert.ok(!list.items.some((i) => i.id === theirs));
      assert.equal((await specialist.get(`${API}/incidents/${theirs}`)).statusCode, 403);
      assert.equal((await specialist.request({ method: 'PATCH', url: `${API}/incidents/${theirs}`, json: { description: 'Labots' } })).statusCode, 403);
      assert.equal((await specialist.request({ method: 'PATCH', url: `${API}/incidents/${mine}`, json: { status: 'closed' } })).statusCode, 403);
      const corrected = await specialist.request({ method: 'PATCH', url: `${API}/incidents/${mine}`, json: { actions: ['contact-ended'] } });
      assert.deepEqual((corrected.json() as { actions: string[] }).actions, ['contact-ended']);
      const all = (await supervisor.get(`${API}/incidents?kind=public-order`)).json() as { items: Array<{ id: string; kind: string }> };
      assert.ok(all.items.some((i) => i.id === theirs));
      assert.ok(all.items.every((i) => i.kind === 'public-order'));
      const closed = await supervisor.request({ method: 'PATCH', url: `${API}/incidents/${theirs}`, json: { status: 'closed', reviewNote: 'Izskatīts, pasākumi atbilstoši.' } });
      assert.equal((closed.json() as { status: string }).status, 'closed');
      assert.equal((await supervisor.request({ method: 'PATCH', url: `${API}/incidents/${theirs}`, json: { description: 'vēlreiz' } })).statusCode, 409);
      const [audit] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where record_id = ${theirs} and action = 'registers.incident-closed'`);
      assert.equal(audit?.n, 1);
    });

    it('the auditor reads but never writes; another agency sees nothing (403 on the URL, 404 through its own)', async () => {
      const id = ((await supervisor.request({ method: 'POST', url: `${API}/incidents`, json: incident() })).json() as { id: string }).id;
      assert.equal((await auditor.get(`${API}/incidents/${id}`)).statusCode, 200);
      const before = await count(platform, 'register_incidents');
      assert.equal((await auditor.request({ method: 'POST', url: `${API}/incidents`, json: incident() })).statusCode, 403);
      assert.equal((await auditor.request({ method: 'PATCH', url: `${API}/incidents/${id}`, json: { status: 'closed' } })).statusCode, 403);
      assert.equal(await count(platform, 'register_incidents'), before);
      assert.equal((await treasury.get(`${API}/incidents`)).statusCode, 403);
      assert.equal((await treasury.get(`${API}/incidents/${id}`)).statusCode, 403);
      assert.equal((await treasury.get(`/api/v1/staff/kase/incidents/${id}`)).statusCode, 404);
      const kaseList = (await treasury.get('/api/v1/staff/kase/incidents')).json() as { items: unknown[] };
      assert.equal(kaseList.items.length, 0);
      assert.equal((await platform.app.inject(`${API}/incidents`)).statusCode, 401);
    });

    it('the OpenAPI document names the routes with their schemas', async () => {
      const doc = (await platform.app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, { requestBody?: unknown; responses: Record<string, unknown> }>> };
      for (const name of ['incidents', 'service-errors', 'gifts']) {
        assert.ok(doc.paths[`/api/v1/staff/{agency}/${name}`]?.['get'], name);
        assert.ok(doc.paths[`/api/v1/staff/{agency}/${name}`]?.['post']?.responses['201'], name);
        assert.ok(doc.paths[`/api/v1/staff/{agency}/${name}/{id}`]?.['patch']?.requestBody, name);
      }
      assert.ok(doc.paths['/api/v1/staff/{agency}/service-errors/{id}/steps']?.['post']);
    });
  });
}
