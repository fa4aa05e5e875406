import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { staffBrowser } from './appointments-staff.testing.ts';

const NOW = '2026-11-16T07:00:00Z'; // Monday 09:00 in Riga
const base = '/api/v1/staff/vsaa/appointments';

async function rows<T>(platform: TestPlatform, query: string): Promise<T[]> {
  return ((await platform.deps.db.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;
}

for (const target of testTargets()) {
  describe(`staff appointments API (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let treasury: TestBrowser;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      [specialist, supervisor, auditor, treasury] = await Promise.all([
        staffBrowser(platform, 'vsaa', 'specialist'),
        staffBrowser(platform, 'vsaa', 'supervisor'),
        staffBrowser(platform, 'vsaa', 'auditor'),
        staffBrowser(platform, 'kase', 'specialist'),
      ]);
    });
    after(() => platform.close());

    const book = (browser: TestBrowser, start: string, extra: Record<string, unknown> = {}) =>
      browser.request({ method: 'POST', url: base, json: { service: 'pensijas', centre: 'riga-lacplesa', start, name: 'Ilze Kalniņa', phone: '+371 20000000', email: 'ilze@example.lv', ...extra } });

    it('books on a client’s behalf, checks in with the document, marks served; every step audited', async () => {
      const created = await book(specialist, '2026-11-19T09:05:00+02:00');
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json() as { id: string };
      const [row] = await rows<{ channel: string; created_by: string | null }>(platform, `select channel, created_by from appointments where id = '${id}'`);
      assert.equal(row?.channel, 'staff');
      assert.ok(row?.created_by);

      assert.equal((await specialist.request({ method: 'POST', url: `${base}/${id}/outcome`, json: { outcome: 'served' } })).statusCode, 409, 'not arrived yet');
      const arrived = await specialist.request({ method: 'POST', url: `${base}/${id}/check-in`, json: { identityDocument: 'id-card' } });
      assert.equal(arrived.statusCode, 200);
      assert.equal((arrived.json() as { status: string; identityDocument: string }).identityDocument, 'id-card');
      const bad = await specialist.request({ method: 'POST', url: `${base}/${id}/check-in`, json: { identityDocument: 'library-card' } });
      assert.equal(bad.statusCode, 400);
      const notes = await specialist.request({ method: 'PATCH', url: `${base}/${id}`, json: { notes: 'Atnesa iesniegumu', specialist: 'nav' } });
      assert.equal(notes.statusCode, 422);
      assert.equal((await specialist.request({ method: 'PATCH', url: `${base}/${id}`, json: { notes: 'Atnesa iesniegumu' } })).statusCode, 200);
      assert.equal((await specialist.request({ method: 'PATCH', url: `${base}/${id}`, json: { specialist: 'lacplesa-1' } })).statusCode, 200);
      const served = await specialist.request({ method: 'POST', url: `${base}/${id}/outcome`, json: { outcome: 'served' } });
      assert.equal((served.json() as { status: string }).status, 'served');
      // The served client is asked to rate the visit: a signed survey link by e-mail, tied to the centre.
      const [invitation] = await rows<{ contact_kind: string; centre_id: string }>(platform, `select contact_kind, centre_id from feedback_invitations where contact_ref = '${id}'`);
      assert.deepEqual([invitation?.contact_kind, invitation?.centre_id], ['appointment', 'riga-lacplesa']);
      const [survey] = await rows<{ body_text: string }>(platform, `select body_text from mail_outbox where to_address = 'ilze@example.lv' and body_text like '%/vsaa/aptauja/%'`);
      assert.ok(survey, 'the survey link was e-mailed');
      const day = await specialist.get(`${base}?date=2026-11-19&centre=riga-lacplesa`);
      assert.equal(day.statusCode, 200);
      assert.ok((day.json() as { appointments: Array<{ id: string; notes: string }> }).appointments.some((a) => a.id === id && a.notes === 'Atnesa iesniegumu'));
      // The specialist's own view: their appointment, and not another specialist's.
      const ids = async (who: string) => ((await specialist.get(`${base}?date=2026-11-19&specialist=${who}`)).json() as { appointments: Array<{ id: string }> }).appointments.map((a) => a.id);
      assert.deepEqual(await ids('lacplesa-1'), [id]);
      assert.deepEqual(await ids('lacplesa-2'), []);
      const actions = (await rows<{ action: string }>(platform, `select action from audit_log where agency = 'vsaa' and action like 'appointment.%' order by id`)).map((r) => r.action);
      for (const action of ['appointment.booked', 'appointment.checked-in', 'appointment.updated', 'appointment.served', 'appointment.schedule-viewed']) assert.ok(actions.includes(action), action);
    });

    it('a week view lists the next seven days; a no-show is recorded', async () => {
      const created = (await book(specialist, '2026-11-20T09:05:00+02:00')).json() as { id: string };
      assert.equal(((await specialist.request({ method: 'POST', url: `${base}/${created.id}/outcome`, json: { outcome: 'no-show' } })).json() as { status: string }).status, 'no-show');
      const week = (await specialist.get(`${base}?date=2026-11-16&view=week`)).json() as { appointments: Array<{ start: string }> };
      assert.ok(week.appointments.length >= 2);
      assert.ok(week.appointments.every((a) => a.start >= '2026-11-16' && a.start < '2026-11-23'));
    });

    it('the Treasury’s specialist gets 403 on VSAA appointments, and a VSAA appointment is 404 through the Treasury', async () => {
      const created = (await book(specialist, '2026-11-23T09:05:00+02:00')).json() as { id: string };
      assert.equal((await treasury.get(`${base}?date=2026-11-23`)).statusCode, 403);
      assert.equal((await treasury.get(`${base}/${created.id}`)).statusCode, 403);
      assert.equal((await treasury.request({ method: 'POST', url: `${base}/${created.id}/check-in`, json: { identityDocument: 'passport' } })).statusCode, 403);
      assert.equal((await treasury.get(`/api/v1/staff/kase/appointments/${created.id}`)).statusCode, 404);
      assert.equal((await treasury.request({ method: 'POST', url: `/api/v1/staff/kase/appointments/${created.id}/cancel`, json: { reason: 'x' } })).statusCode, 404);
    });

    it('the auditor can read but not change anything', async () => {
      const created = (await book(specialist, '2026-11-23T09:40:00+02:00')).json() as { id: string };
      assert.equal((await auditor.get(`${base}/${created.id}`)).statusCode, 200);
      const attempts = [
        auditor.request({ method: 'POST', url: base, json: { service: 'pensijas', centre: 'riga-lacplesa', start: '2026-11-23T10:15:00+02:00', name: 'X', phone: '+371 20000000' } }),
        auditor.request({ method: 'POST', url: `${base}/${created.id}/check-in`, json: { identityDocument: 'passport' } }),
        auditor.request({ method: 'POST', url: `${base}/${created.id}/outcome`, json: { outcome: 'no-show' } }),
        auditor.request({ method: 'PATCH', url: `${base}/${created.id}`, json: { notes: 'x' } }),
        auditor.request({ method: 'POST', url: `${base}/${created.id}/cancel`, json: { reason: 'x' } }),
        auditor.request({ method: 'POST', url: `${base}/capacity-changes`, json: { centre: 'riga-lacplesa', from: '2026-11-23', to: '2026-11-23', capacity: 0, reason: 'x' } }),
      ];
      for (const response of await Promise.all(attempts)) assert.equal(response.statusCode, 403, response.body);
      const [row] = await rows<{ status: string; notes: string }>(platform, `select status, notes from appointments where id = '${created.id}'`);
      assert.deepEqual(row, { status: 'booked', notes: '' });
    });

    it('a closure cancels the day’s appointments, e-mails the clients and offers no slots; capacity 2 lets two book', async () => {
      const a = (await book(specialist, '2026-11-24T09:05:00+02:00', { email: 'a@example.lv' })).json() as { id: string };
      const b = (await book(specialist, '2026-11-24T10:15:00+02:00', { email: 'b@example.lv' })).json() as { id: string };
      assert.equal((await specialist.request({ method: 'POST', url: `${base}/capacity-changes`, json: { centre: 'riga-lacplesa', from: '2026-11-24', to: '2026-11-24', capacity: 0, reason: 'Speciālists atvaļinājumā' } })).statusCode, 403);
      const closure = await supervisor.request({ method: 'POST', url: `${base}/capacity-changes`, json: { centre: 'riga-lacplesa', from: '2026-11-24', to: '2026-11-24', capacity: 0, reason: 'Speciālists atvaļinājumā' } });
      assert.equal(closure.statusCode, 201, closure.body);
      assert.deepEqual((closure.json() as { cancelled: string[] }).cancelled.sort(), [a.id, b.id].sort());
      const mails = await rows<{ to_address: string; body_text: string }>(platform, `select to_address, body_text from mail_outbox where subject like 'Pieraksts atcelts%' order by to_address`);
      assert.deepEqual(mails.map((m) => m.to_address), ['a@example.lv', 'b@example.lv']);
      assert.match(mails[0]?.body_text ?? '', /atvaļinājumā/);
      const slots = (await specialist.get('/api/v1/agencies/vsaa/slots?service=pensijas&centre=riga-lacplesa&from=2026-11-24&to=2026-11-24')).json() as { slots: unknown[] };
      assert.deepEqual(slots.slots, []);
      assert.equal((await book(specialist, '2026-11-24T11:25:00+02:00')).statusCode, 409);

      const bad = await supervisor.request({ method: 'POST', url: `${base}/capacity-changes`, json: { centre: 'riga-lacplesa', from: '2026-11-26', to: '2026-11-25', capacity: 1, reason: 'x' } });
      assert.equal(bad.statusCode, 400);
      const more = await supervisor.request({ method: 'POST', url: `${base}/capacity-changes`, json: { centre: 'riga-lacplesa', service: 'pensijas', from: '2026-11-25', to: '2026-11-25', capacity: 2, reason: 'Divi speciālisti' } });
      assert.equal(more.statusCode, 201);
      const two = await Promise.all([book(specialist, '2026-11-25T09:05:00+02:00'), book(specialist, '2026-11-25T09:05:00+02:00'), book(specialist, '2026-11-25T09:05:00+02:00')]);
      assert.deepEqual(two.map((r) => r.statusCode).sort(), [201, 201, 409]);
    });

    it('a closure with move: true moves the appointment to the nearest free time outside the closure and tells the client', async () => {
      const created = (await book(specialist, '2026-11-26T09:05:00+02:00', { email: 'move@example.lv' })).json() as { id: string };
      const closure = await supervisor.request({ method: 'POST', url: `${base}/capacity-changes`, json: { centre: 'riga-lacplesa', service: 'pensijas', from: '2026-11-26', to: '2026-11-26', capacity: 0, reason: 'Mācības', move: true } });
      assert.equal(closure.statusCode, 201, closure.body);
      assert.deepEqual(closure.json(), { id: (closure.json() as { id: string }).id, cancelled: [], moved: [created.id] });
      const moved = (await specialist.get(`${base}/${created.id}`)).json() as { status: string; start: string };
      assert.equal(moved.status, 'booked');
      assert.ok(!moved.start.startsWith('2026-11-26'), moved.start);
      const mails = await rows<{ subject: string }>(platform, `select subject from mail_outbox where to_address = 'move@example.lv' order by created_at`);
      assert.match(mails.at(-1)?.subject ?? '', /laiks mainīts/);
      const seats = await rows<{ taken: number }>(platform, `select taken from appointment_slots where centre_id = 'riga-lacplesa' and service_id = 'pensijas' and starts_at = '2026-11-26T09:05:00+02:00'`);
      assert.deepEqual(seats, [{ taken: 0 }]);
    });

    it('is in the OpenAPI document', async () => {
      const doc = (await platform.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, unknown> };
      for (const path of ['/api/v1/staff/{agency}/appointments', '/api/v1/staff/{agency}/appointments/{id}/check-in', '/api/v1/staff/{agency}/appointments/capacity-changes']) assert.ok(doc.paths[path], path);
    });
  });
}
