import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { signedIn, signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { requireIdentityIfNeeded, serviceNeedsIdentification } from './identity-check.ts';
import { fieldsOf, rows, ticketOf } from './registers.testing.ts';

const BOOKED_AT = '2026-11-16T07:00:00Z';
const QUEUE = '/api/v1/staff/vsaa/queue';

for (const target of testTargets()) {
  describe(`identity-document check at the counter and the kiosk check-in (${target})`, () => {
    let platform: TestPlatform;
    let now = Temporal.Instant.from(BOOKED_AT);
    let staff: TestBrowser;
    before(async () => {
      platform = await createTestPlatform(target, { clock: () => now });
      staff = await signedInStaff(platform, 'lodzins@vsaa.test', 'vsaa', 'specialist');
    });
    after(() => platform.close());

    const callNext = async (centre: string) => {
      const res = await staff.request({ method: 'POST', url: `${QUEUE}/centres/${centre}/counters/1/call-next` });
      return (res.json() as { ticket: { id: string } | null }).ticket?.id;
    };

    it('the profile marks the services: VSAA consultations and documents, Treasury accounts and signature cards (not its consultation)', () => {
      const vsaa = platform.deps.agencies.get('vsaa')!;
      const kase = platform.deps.agencies.get('kase')!;
      assert.deepEqual(['pensijas', 'pabalsti', 'dokumenti', 'videokonsultacija'].map((s) => serviceNeedsIdentification(vsaa, s)), [true, true, true, false]);
      assert.deepEqual(['konti', 'parakstu-kartites', 'konsultacija'].map((s) => serviceNeedsIdentification(kase, s)), [true, true, false]);
      assert.doesNotThrow(() => requireIdentityIfNeeded(kase, 'konsultacija', undefined));
      assert.throws(() => requireIdentityIfNeeded(kase, 'konti', null), /identity-document-required/);
    });

    it('serving a ticket: without the document refused (field error, still called), with it served and the kind recorded — never a number', async () => {
      await staff.request({ method: 'POST', url: `${QUEUE}/centres/jelgava/counters/1/open`, json: { services: ['dokumenti'] } });
      const ticket = await ticketOf(platform, 'jelgava', 'dokumenti');
      assert.equal(await callNext('jelgava'), ticket);
      const refused = await staff.request({ method: 'POST', url: `${QUEUE}/tickets/${ticket}/served` });
      assert.equal(refused.statusCode, 400);
      assert.deepEqual(fieldsOf(refused), ['identityDocument']);
      assert.match(refused.body, /jāpārbauda personu apliecinošs dokuments/);
      const [still] = await rows<{ status: string }>(platform, sql`select status from queue_tickets where id = ${ticket}`);
      assert.equal(still?.status, 'called');
      const unknown = await staff.request({ method: 'POST', url: `${QUEUE}/tickets/${ticket}/served`, json: { identityDocument: 'library-card' } });
      assert.deepEqual([unknown.statusCode, fieldsOf(unknown)], [400, ['identityDocument']]);
      const number = await staff.request({ method: 'POST', url: `${QUEUE}/tickets/${ticket}/served`, json: { identityDocument: 'passport', documentNumber: 'LV1234567' } });
      assert.equal(number.statusCode, 400, 'a document number is not even accepted');
      const served = await staff.request({ method: 'POST', url: `${QUEUE}/tickets/${ticket}/served`, json: { identityDocument: 'passport' } });
      assert.equal(served.statusCode, 200, served.body);
      const checks = await rows<Record<string, unknown>>(platform, sql`select * from identity_checks where record_id = ${ticket}`);
      assert.equal(checks.length, 1);
      assert.deepEqual([checks[0]?.['document_kind'], checks[0]?.['point'], checks[0]?.['record_kind']], ['passport', 'counter', 'ticket']);
      assert.deepEqual(Object.keys(checks[0] ?? {}).sort(), ['agency', 'checked_at', 'checked_by', 'document_kind', 'id', 'point', 'record_id', 'record_kind']);
      const [audit] = await rows<{ details: { identityDocument?: string } }>(platform, sql`select details from audit_log where record_id = ${ticket} and action = 'queue.ticket-served'`);
      assert.equal(audit?.details.identityDocument, 'passport');
    });

    it('the console form: served without a document shows the LV error; the quick entry links to a pre-filled incident', async () => {
      await staff.request({ method: 'POST', url: `${QUEUE}/centres/valmiera/counters/1/open`, json: { services: ['pabalsti'] } });
      const ticket = await ticketOf(platform, 'valmiera', 'pabalsti');
      assert.equal(await callNext('valmiera'), ticket);
      const console = '/staff/vsaa/rinda/valmiera?counter=1';
      const page = await staff.get(console);
      assert.match(page.body, /<select id="field-identityDocument" name="identityDocument" required=""/);
      assert.match(page.body, new RegExp(`href="/staff/vsaa/registri/incidenti/jauns\\?ticket=${ticket}&amp;centre=valmiera"`));
      const refused = await staff.submitForm(console, `/staff/vsaa/rinda/valmiera/biletes/${ticket}/served`, { counter: '1' });
      assert.equal(refused.statusCode, 400);
      assert.match(refused.body, /Šim pakalpojumam jāpārbauda personu apliecinošs dokuments/);
      const ok = await staff.submitForm(console, `/staff/vsaa/rinda/valmiera/biletes/${ticket}/served`, { counter: '1', identityDocument: 'residence-permit' });
      assert.equal(ok.statusCode, 303);
      const quick = await staff.get(`/staff/vsaa/registri/incidenti/jauns?ticket=${ticket}&centre=valmiera`);
      assert.match(quick.body, /<option value="valmiera" selected="">/);
      assert.match(quick.body, new RegExp(`name="ticketId" value="${ticket}"`));
    });

    it('kiosk check-in of an appointment: the counter records the document on the ticket and the appointment; the appointment page refuses served without it', async () => {
      const book = async (start: string) => {
        now = Temporal.Instant.from(BOOKED_AT);
        const res = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: { service: 'pensijas', centre: 'riga-lacplesa', start, name: 'Anna Bērziņa', email: 'anna@example.lv' } });
        assert.equal(res.statusCode, 201, res.body);
        return res.json() as { id: string; bookingCode: string };
      };
      const first = await book('2026-11-19T09:40:00+02:00');
      const second = await book('2026-11-19T10:15:00+02:00');
      now = Temporal.Instant.from('2026-11-19T07:35:00Z');
      staff = await signedIn(platform, 'lodzins@vsaa.test');
      await staff.request({ method: 'POST', url: `${QUEUE}/centres/riga-lacplesa/counters/1/open`, json: { services: ['pensijas'] } });
      const kiosk = new TestBrowser(platform.app);
      const checkedIn = await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode: first.bookingCode });
      assert.equal(checkedIn.statusCode, 303, checkedIn.body);
      const ticket = await callNext('riga-lacplesa');
      assert.ok(ticket);
      assert.equal((await staff.request({ method: 'POST', url: `${QUEUE}/tickets/${ticket}/served`, json: { identityDocument: 'id-card' } })).statusCode, 200);
      const [appointment] = await rows<{ status: string; identity_document: string }>(platform, sql`select status, identity_document from appointments where id = ${first.id}`);
      assert.deepEqual(appointment, { status: 'served', identity_document: 'id-card' });
      const points = await rows<{ record_kind: string; point: string }>(platform, sql`select record_kind, point from identity_checks where record_id in (${ticket}, ${first.id}) order by record_kind`);
      assert.deepEqual(points, [{ record_kind: 'appointment', point: 'kiosk' }, { record_kind: 'ticket', point: 'kiosk' }]);

      // Checked in at the kiosk, then marked served on the appointment page (not through the counter).
      now = Temporal.Instant.from('2026-11-19T08:10:00Z');
      staff = await signedIn(platform, 'lodzins@vsaa.test');
      assert.equal((await kiosk.submitForm('/vsaa/rinda/riga-lacplesa', '/vsaa/rinda/riga-lacplesa/pieraksts', { bookingCode: second.bookingCode })).statusCode, 303);
      const outcome = `/api/v1/staff/vsaa/appointments/${second.id}/outcome`;
      const refused = await staff.request({ method: 'POST', url: outcome, json: { outcome: 'served' } });
      assert.deepEqual([refused.statusCode, fieldsOf(refused)], [400, ['identityDocument']]);
      const served = await staff.request({ method: 'POST', url: outcome, json: { outcome: 'served', identityDocument: 'passport' } });
      assert.equal(served.statusCode, 200, served.body);
      assert.equal((served.json() as { identityDocument: string }).identityDocument, 'passport');
    });
  });
}
