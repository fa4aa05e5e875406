import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { appointmentOf, count, inquiryOf, NOW, opinionOf, rows } from './registers.testing.ts';

const R = '/staff/vsaa/registri';

for (const target of testTargets()) {
  describe(`registers pages (${target})`, () => {
    let platform: TestPlatform;
    let specialist: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let treasury: TestBrowser;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      specialist = await signedInStaff(platform, 'specialists@vsaa.test', 'vsaa', 'specialist');
      supervisor = await signedInStaff(platform, 'vaditajs@vsaa.test', 'vsaa', 'supervisor');
      auditor = await signedInStaff(platform, 'auditors@vsaa.test', 'vsaa', 'auditor');
      treasury = await signedInStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor');
    });
    after(() => platform.close());

    it('quick entry from the appointment page pre-fills place, time and client; the form posts and redirects to the entry', async () => {
      const appointment = await appointmentOf(specialist, 'vsaa', '2026-11-19T09:05:00+02:00');
      const detail = await specialist.get(`/staff/vsaa/pieraksti/${appointment}`);
      assert.match(detail.body, new RegExp(`href="${R}/incidenti/jauns\\?appointment=${appointment}"`));
      const form = await specialist.get(`${R}/incidenti/jauns?appointment=${appointment}`);
      assert.equal(form.statusCode, 200);
      assert.match(form.body, /<option value="riga-lacplesa" selected="">/);
      assert.match(form.body, /name="client" value="Ilze Kalniņa"/);
      assert.match(form.body, /type="datetime-local"[^>]*name="occurredAt" value="2026-11-16T09:00"/);
      assert.match(form.body, /<h1>Reģistrēt incidentu<\/h1>/);
      const posted = await specialist.submitForm(`${R}/incidenti/jauns?appointment=${appointment}`, `${R}/incidenti/jauns`, {
        appointmentId: appointment,
        occurredAt: '2026-11-16T08:45',
        centre: 'riga-lacplesa',
        channel: '',
        kind: 'unauthorised-recording',
        description: 'Klients filmēja darbinieku ar tālruni.',
        actions: 'warned',
        client: 'Ilze Kalniņa',
      });
      assert.equal(posted.statusCode, 303);
      const location = String(posted.headers.location);
      assert.match(location, /^\/staff\/vsaa\/registri\/incidenti\/[0-9a-f-]{36}\?done=recorded$/);
      const shown = await specialist.get(location);
      assert.match(shown.body, /Incidents reģistrēts\./);
      assert.match(shown.body, /Fotografēšana vai ierakstīšana bez atļaujas/);
      assert.match(shown.body, /Klients brīdināts/);
      assert.doesNotMatch(shown.body, /Slēgt incidentu/, 'a specialist does not close');
      const [prefill] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'registers.incident-prefilled' and record_id = ${appointment}`);
      assert.equal(prefill?.n, 2, 'each pre-filled form (viewed twice here) reads the appointment: audited');
    });

    it('bad form input: Latvian field errors in the summary, values kept, nothing written; English on ?lang=en', async () => {
      const before = await count(platform, 'register_incidents');
      const res = await specialist.submitForm(`${R}/incidenti/jauns`, `${R}/incidenti/jauns`, { occurredAt: '2026-11-31T10:00', centre: '', kind: 'fight', description: 'Apraksts\u0000', actions: 'arrested' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /<title>Lūdzu, izlabojiet kļūdas/);
      assert.match(res.body, /href="#field-occurredAt">Ievadiet datumu un laiku/);
      assert.match(res.body, /href="#field-kind">/);
      assert.match(res.body, /href="#field-description">Teksts satur neatļautu rakstzīmi/);
      assert.match(res.body, />Apraksts<\/textarea>/, 'the text is kept, without the NUL');
      assert.ok(!res.body.includes('\u0000'));
      const english = await signedInStaff(platform, 'english@vsaa.test', 'vsaa', 'specialist'); // ?lang=en sticks (cookie)
      const future = await english.submitForm(`${R}/incidenti/jauns?lang=en`, `${R}/incidenti/jauns?lang=en`, { occurredAt: '2026-11-17T10:00', centre: 'jelgava', kind: 'other', description: 'Tomorrow' });
      assert.equal(future.statusCode, 400);
      assert.match(future.body, /The time cannot be in the future\./);
      assert.equal(await count(platform, 'register_incidents'), before);
    });

    it('list filters, bad filter 400, CSV with formulas neutralised and audited; a supervisor closes from the detail page', async () => {
      await supervisor.request({ method: 'POST', url: '/api/v1/staff/vsaa/incidents', json: { occurredAt: '2026-11-10T10:00:00+02:00', channel: 'info-talrunis', kind: 'offensive-behaviour', description: '=HYPERLINK("http://x")', actions: ['contact-ended'] } });
      const filtered = await supervisor.get(`${R}/incidenti?kind=offensive-behaviour&from=2026-11-01&to=2026-11-12`);
      assert.equal(filtered.statusCode, 200);
      assert.match(filtered.body, /<td>Aizskaroša vai izaicinoša uzvedība<\/td>/);
      assert.doesNotMatch(filtered.body, /<td>Fotografēšana vai ierakstīšana/);
      const bad = await supervisor.get(`${R}/incidenti?from=2026-13-01&kind=x`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#field-from"/);
      const csv = await supervisor.get(`${R}/incidenti/eksports.csv?kind=offensive-behaviour`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.ok(csv.body.startsWith('\uFEFFID,Laiks,Centrs,Kanāls,Veids,Darbības,Statuss,Apraksts\r\n'));
      assert.match(csv.body, /"'=HYPERLINK\(""http:\/\/x""\)"/);
      assert.doesNotMatch(csv.body, /Fotografēšana/);
      const [exported] = await rows<{ details: { rows: number } }>(platform, sql`select details from audit_log where action = 'registers.incidents-exported' order by id desc limit 1`);
      assert.equal(exported?.details.rows, 1);
      const id = /href="\/staff\/vsaa\/registri\/incidenti\/([0-9a-f-]{36})"/.exec(filtered.body)?.[1] ?? '';
      const page = `${R}/incidenti/${id}`;
      assert.match((await supervisor.get(page)).body, /Slēgt incidentu/);
      const closed = await supervisor.submitForm(page, `${page}/slegt`, { reviewNote: 'Izskatīts.' });
      assert.equal(closed.statusCode, 303);
      assert.match((await supervisor.get(String(closed.headers.location))).body, /Incidents slēgts\./);
      assert.equal((await specialist.get(page)).statusCode, 403, 'another’s incident');
      assert.equal((await auditor.get(page)).statusCode, 200);
      assert.doesNotMatch((await auditor.get(page)).body, /Slēgt incidentu|action="[^"]*\/slegt"/);
      assert.equal((await auditor.get(`${R}/incidenti/jauns`)).statusCode, 403);
      assert.equal((await treasury.get(`${R}/incidenti`)).statusCode, 403);
      assert.equal((await treasury.get(`${R}/incidenti/eksports.csv`)).statusCode, 403);
      assert.equal((await supervisor.get(`${R}/incidenti/not-a-uuid`)).statusCode, 404);
    });

    it('a complaint opinion and an inquiry become service errors in one action, keeping the link; steps from the detail page', async () => {
      const inquiry = await inquiryOf(platform, 'vsaa');
      const complaint = await opinionOf(platform, 'vsaa', 'complaint', inquiry.reference);
      const praise = await opinionOf(platform, 'vsaa', 'praise');
      const results = await supervisor.get('/staff/vsaa/atsauksmes');
      assert.match(results.body, new RegExp(`action="${R}/kludas/no-atsauksmes/${complaint}"`));
      assert.doesNotMatch(results.body, new RegExp(`no-atsauksmes/${praise}`));
      const made = await supervisor.submitForm('/staff/vsaa/atsauksmes', `${R}/kludas/no-atsauksmes/${complaint}`, {});
      assert.equal(made.statusCode, 303);
      const [error] = await rows<{ id: string; opinion_id: string; concerns_kind: string; concerns_id: string; came_to_light: string }>(
        platform,
        sql`select id, opinion_id, concerns_kind, concerns_id, came_to_light from register_service_errors where opinion_id = ${complaint}`,
      );
      assert.deepEqual([error?.concerns_kind, error?.concerns_id, error?.came_to_light], ['inquiry', inquiry.id, 'client-complaint']);
      assert.equal((await supervisor.submitForm('/staff/vsaa/atsauksmes', `${R}/kludas/no-atsauksmes/${praise}`, {})).statusCode, 400);

      const inquiryPage = await supervisor.get(`/staff/vsaa/iesniegumi/${inquiry.id}`);
      assert.match(inquiryPage.body, new RegExp(`action="${R}/kludas/no-iesnieguma/${inquiry.id}"`));
      const fromInquiry = await supervisor.submitForm(`/staff/vsaa/iesniegumi/${inquiry.id}`, `${R}/kludas/no-iesnieguma/${inquiry.id}`, {});
      assert.equal(fromInquiry.statusCode, 303);
      const detail = String(fromInquiry.headers.location).replace(/\?.*$/, '');
      assert.match((await supervisor.get(detail)).body, new RegExp(`Kļūda saistībā ar iesniegumu ${inquiry.reference.replaceAll('/', '\\/')}`));

      const early = await supervisor.submitForm(detail, `${detail}/soli`, { step: 'remedied', text: 'Izlabots' });
      assert.equal(early.statusCode, 409);
      assert.match(early.body, /Vispirms kļūdu jāatzīst/);
      assert.equal((await supervisor.submitForm(detail, `${detail}/soli`, { step: 'acknowledged' })).statusCode, 303);
      const apology = await supervisor.submitForm(detail, `${detail}/soli`, { step: 'apology-sent', text: 'Atvainojamies.' });
      assert.equal(apology.statusCode, 303);
      const shown = await supervisor.get(detail);
      assert.match(shown.body, /Atvainošanās nosūtīta/);
      assert.match(shown.body, /Adresāts: klients@example.lv/);
      assert.match(shown.body, /Valsts sociālās apdrošināšanas aģentūra: atvainojamies par kļūdu/);
      assert.equal((await auditor.get(detail)).statusCode, 200);
      assert.equal((await auditor.submitForm(detail, `${detail}/soli`, { step: 'remedied', text: 'x' }).catch(() => ({ statusCode: 403 }))).statusCode, 403);
      assert.equal((await treasury.get(detail)).statusCode, 403);
    });

    it('service error form: another agency’s inquiry refused with a field error; the template page is the supervisor’s', async () => {
      const kase = await inquiryOf(platform, 'kase');
      const res = await specialist.submitForm(`${R}/kludas/jauna`, `${R}/kludas/jauna`, { concernsKind: 'inquiry', concernsId: kase.id, description: 'Kļūda', cameToLight: 'staff' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-concerns\.id">Šādu iesniegumu jūsu iestādē neatradām/, res.body.slice(0, 3000));
      assert.equal((await specialist.get(`${R}/kludas/veidne`)).statusCode, 403);
      const template = await supervisor.get(`${R}/kludas/veidne`);
      assert.equal(template.statusCode, 200);
      assert.match(template.body, /Vietturi: \{\{agency\}\}/);
    });

    it('gifts: euro with a comma, declined or accepted with a reason, errors in Latvian; yearly summary for supervisors only', async () => {
      const ok = await specialist.submitForm(`${R}/davanas/jauna`, `${R}/davanas/jauna`, { offeredOn: '2026-11-12', offeredBy: '', kind: 'gift', what: 'Ziedi', estimatedValueEur: '15,50', declined: 'yes', reason: '' });
      assert.equal(ok.statusCode, 303);
      const [stored] = await rows<{ estimated_value_cents: number; offered_by: string | null }>(platform, sql`select estimated_value_cents, offered_by from register_gifts where what = 'Ziedi'`);
      assert.deepEqual(stored, { estimated_value_cents: 1550, offered_by: null });
      const bad = await specialist.submitForm(`${R}/davanas/jauna`, `${R}/davanas/jauna`, { offeredOn: '2026-11-12', kind: 'gift', what: 'Nauda aploksnē', estimatedValueEur: '-3', declined: 'no', reason: '' });
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /href="#field-estimatedValueEur">Ievadiet summu eiro/);
      assert.match(bad.body, /href="#field-reason">Pieņemtai dāvanai norādiet iemeslu/);
      const none = await specialist.submitForm(`${R}/davanas/jauna`, `${R}/davanas/jauna`, { offeredOn: '2026-11-12', kind: 'gift', what: 'x' });
      assert.match(none.body, /href="#field-declined">Norādiet, vai piedāvājumu atteicāt vai pieņēmāt/);
      assert.equal((await specialist.get(`${R}/davanas/kopsavilkums`)).statusCode, 403);
      const summary = await supervisor.get(`${R}/davanas/kopsavilkums`);
      assert.match(summary.body, /<th scope="row">2026<\/th><td>1<\/td><td>1<\/td><td>0<\/td><td>0<\/td><td>15,50<\/td>/);
      const list = await supervisor.get(`${R}/davanas?status=unacknowledged`);
      const id = /href="\/staff\/vsaa\/registri\/davanas\/([0-9a-f-]{36})"/.exec(list.body)?.[1] ?? '';
      const ack = await supervisor.submitForm(`${R}/davanas/${id}`, `${R}/davanas/${id}/apstiprinat`, {});
      assert.equal(ack.statusCode, 303);
      assert.match((await supervisor.get(String(ack.headers.location))).body, /Deklarācija apstiprināta\./);
      const csv = await supervisor.get(`${R}/davanas/eksports.csv?lang=en`);
      assert.ok(csv.body.startsWith('\uFEFFID,Date,Kind,What,Value EUR,Declined,Acknowledged\r\n'));
      assert.match(csv.body, /,Gift,Ziedi,15\.5,yes,yes\r\n/);
    });

    it('the registers home page and the workplace link', async () => {
      const workplace = await specialist.get('/staff/vsaa');
      assert.match(workplace.body, /href="\/staff\/vsaa\/registri">Reģistri: incidenti, kļūdas, dāvanas/, workplace.body.slice(0, 3000));
      const home = await specialist.get(R);
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Jūs redzat tikai savus ierakstus\./);
      assert.doesNotMatch(home.body, /kopsavilkums/);
      assert.match((await supervisor.get(`${R}?lang=en`)).body, /Registers: incidents, errors, gifts/);
    });
  });
}
