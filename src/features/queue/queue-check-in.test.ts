import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { CallNextResultSchema, TicketViewSchema } from './queue.schema.ts';
import { movableClock, rows, signedInStaff } from './queue.testing.ts';

// Booked on Monday 16 November for Thursday 19 November 09:40 Riga (slots every 35 min from 08:30); checked in at 09:35.
const BOOKED_AT = '2026-11-16T07:00:00Z';
const booking = { service: 'pensijas', centre: 'riga-lacplesa', start: '2026-11-19T09:40:00+02:00', name: 'Anna Bērziņa', email: 'anna@example.lv' };

for (const target of testTargets()) {
  describe(`appointment check-in at the kiosk (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock(BOOKED_AT);
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    const book = async (start = booking.start) => {
      time.set(BOOKED_AT);
      const response = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: { ...booking, start } });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; bookingCode: string };
    };

    it('checks in with the booking code: a ticket with priority in its window, then the appointment gets the outcome', async () => {
      const appointment = await book();
      time.set('2026-11-19T07:20:00Z'); // 09:20: a walk-in first
      const staff = await signedInStaff(platform, 'checkin@vsaa.test', 'vsaa', 'specialist');
      await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/riga-lacplesa/counters/1/open', json: { services: ['pensijas'] } });
      const walkIn = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/centres/riga-lacplesa/tickets', payload: { service: 'pensijas' } });
      assert.equal(walkIn.statusCode, 201);
      time.set('2026-11-19T07:35:00Z'); // 09:35: five minutes before the appointment
      const kiosk = new TestBrowser(platform.app);
      const response = await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode: appointment.bookingCode.toLowerCase() });
      assert.equal(response.statusCode, 303, response.body);
      const id = /biletes\/([0-9a-f-]{36})/.exec(String(response.headers.location))?.[1] ?? '';
      const ticket = TicketViewSchema.parse((await platform.app.inject({ url: `/api/v1/tickets/${id}` })).json());
      assert.equal(ticket.appointment, true);
      assert.equal(ticket.position, 1, 'within its window the appointment is ahead of the earlier walk-in');
      assert.equal((await rows<{ status: string }>(platform, `select status from appointments where id = '${appointment.id}'`))[0]?.status, 'arrived');
      const again = await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode: appointment.bookingCode });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /Ar šo pierakstu jau ir saņemta biļete/);
      const call = CallNextResultSchema.parse((await staff.request({ method: 'POST', url: '/api/v1/staff/vsaa/queue/centres/riga-lacplesa/counters/1/call-next' })).json());
      assert.equal(call.ticket?.id, id);
      await staff.request({ method: 'POST', url: `/api/v1/staff/vsaa/queue/tickets/${id}/served`, json: { identityDocument: 'passport' } });
      assert.equal((await rows<{ status: string }>(platform, `select status from appointments where id = '${appointment.id}'`))[0]?.status, 'served');
    });

    it('an unknown code, an empty code or an appointment of another day are refused on the kiosk page', async () => {
      const appointment = await book('2026-11-19T10:15:00+02:00');
      time.set('2026-11-20T07:55:00Z'); // Friday: the appointment was yesterday
      const kiosk = new TestBrowser(platform.app);
      for (const code of ['ZZZZZZ', appointment.bookingCode]) {
        const response = await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode: code });
        assert.equal(response.statusCode, 404, code);
        assert.match(response.body, /Pieraksts ar šādu kodu šodien šajā centrā nav atrasts/);
        assert.match(response.body, /href="#field-bookingCode"/);
      }
      const empty = await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode: '' });
      assert.equal(empty.statusCode, 400);
    });
  });
}
