// The counter console at work: the called client's details (service, booking, ID prompt), "call next" held back
// while a client is at the counter, and a transfer onto a service whose running number is taken (was a 500).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { CallNextResultSchema, TicketCreatedSchema } from './queue.schema.ts';
import { movableClock, rows, signedInStaff } from './queue.testing.ts';

const BOOKED_AT = '2026-11-16T08:00:00Z';
const CONSOLE = '/staff/vsaa/rinda/riga-lacplesa';
const API = '/api/v1/staff/vsaa/queue';

for (const target of testTargets()) {
  describe(`queue counter console (${target})`, () => {
    let platform: TestPlatform;
    let staff: TestBrowser;
    const time = movableClock(BOOKED_AT);
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    const take = async (service: string) => {
      const response = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/centres/riga-lacplesa/tickets', payload: { service } });
      assert.equal(response.statusCode, 201, response.body);
      return TicketCreatedSchema.parse(response.json());
    };

    it('shows the called client: service, booking (time, name, interpreter, reason), the ID prompt; call next disabled', async () => {
      const booked = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/vsaa/appointments',
        payload: { service: 'pensijas', centre: 'riga-lacplesa', start: '2026-11-19T09:40:00+02:00', name: 'Jānis Bērziņš', email: 'janis@example.lv', assistant: 'interpreter', reason: 'Pensijas pārrēķins' },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const { bookingCode, id: appointmentId } = booked.json() as { bookingCode: string; id: string };
      time.set('2026-11-19T07:35:00Z');
      // Signed in on the day (a session from the booking day would have expired).
      staff = await signedInStaff(platform, 'lodzins@vsaa.test', 'vsaa', 'specialist');
      const kiosk = new TestBrowser(platform.app);
      assert.equal((await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode })).statusCode, 303);
      await staff.request({ method: 'POST', url: `${API}/centres/riga-lacplesa/counters/1/open`, json: { services: ['pensijas'] } });

      const idle = await staff.get(`${CONSOLE}?counter=1`);
      assert.match(idle.body, /<button type="submit" class="queue-big-button">Izsaukt nākamo<\/button>/, 'enabled while the counter is free');
      const call = await staff.submitForm(`${CONSOLE}?counter=1`, `${CONSOLE}/lodzini/1/izsaukt`, {});
      assert.equal(call.statusCode, 303);
      const page = await staff.get(`${CONSOLE}?counter=1`);
      assert.match(page.body, /<dt>Pakalpojums<\/dt><dd>Konsultācija par pensijām<\/dd>/);
      assert.match(page.body, /<dt>Pieraksts<\/dt><dd>09:40–10:10<\/dd>/);
      assert.match(page.body, /<dd>Jānis Bērziņš<\/dd>/);
      assert.match(page.body, /<dt>Kopā ar<\/dt><dd>tulku<\/dd>/);
      assert.match(page.body, /Pensijas pārrēķins/);
      assert.match(page.body, /Lūdziet uzrādīt personu apliecinošu dokumentu/);
      assert.match(page.body, /<button type="submit" class="queue-big-button" disabled="" aria-describedby="call-next-blocked">/);
      const audited = await rows<{ n: number }>(platform, `select count(*)::int as n from audit_log where action = 'appointment.viewed-at-counter' and record_id = '${appointmentId}'`);
      assert.equal(audited[0]?.n, 1, 'reading the booking at the counter is audited');
      const en = await staff.get(`${CONSOLE}?counter=1&lang=en`);
      assert.match(en.body, /<dt>Comes with<\/dt><dd>an interpreter<\/dd>/);
    });

    it('transfer onto a service that already has the same running number: no crash, the client keeps the number', async () => {
      time.set('2026-11-19T08:30:00Z');
      await staff.request({ method: 'POST', url: `${API}/centres/riga-lacplesa/counters/2/open`, json: { services: ['pabalsti'] } });
      const a1 = await take('pabalsti');
      const d1 = await take('dokumenti'); // D-001: running number 1 of "dokumenti"
      assert.match(a1.number, /-001$/);
      assert.match(d1.number, /-001$/);
      const called = CallNextResultSchema.parse((await staff.request({ method: 'POST', url: `${API}/centres/riga-lacplesa/counters/2/call-next` })).json()).ticket;
      assert.equal(called?.id, a1.id);
      const form = { counter: '2', service: 'dokumenti', toCounter: '' };
      const res = await staff.submitForm(`${CONSOLE}?counter=2`, `${CONSOLE}/biletes/${a1.id}/transfer`, form);
      assert.equal(res.statusCode, 303, res.body.slice(0, 300));
      const [moved] = await rows<{ number: string; service_id: string; status: string; running_number: number }>(platform, `select number, service_id, status, running_number from queue_tickets where id = '${a1.id}'`);
      assert.deepEqual([moved?.number, moved?.service_id, moved?.status], [a1.number, 'dokumenti', 'waiting']);
      assert.equal(moved?.running_number, 2, 'the next running number of "dokumenti"');
      const d2 = await take('dokumenti');
      assert.match(d2.number, /-003$/, 'the next slip of the service goes on after the transferred one');
    });
  });
}
