import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { addStaff, signedIn } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { takeCallback } from './callbacks-work.service.ts';
import { count, movableClock, postCallback, rows, validCallback } from './phone.testing.ts';

const LOG = '/staff/kase/talrunis';
const CALLBACKS = `${LOG}/atzvani`;
const FIGURES = `${LOG}/skaitli`;
// A valid personal code (old format with its checksum) used in other features' tests.
const CODE = '010101-10006';

for (const target of testTargets()) {
  describe(`phone, staff (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-11-16T08:00:00Z'); // Monday 10:00 Riga
    let specialist: TestBrowser;
    let second: TestBrowser;
    let supervisor: TestBrowser;
    let auditor: TestBrowser;
    let vsaaAdmin: TestBrowser;
    let specialistId = '';
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
      specialistId = (await addStaff(platform, 'specialists@kase.test', 'kase', 'specialist', 'Specialists Viens')).id;
      await addStaff(platform, 'otrs@kase.test', 'kase', 'specialist', 'Specialists Divi');
      await addStaff(platform, 'vaditajs@kase.test', 'kase', 'supervisor');
      await addStaff(platform, 'revidents@kase.test', 'kase', 'auditor');
      await addStaff(platform, 'admin@vsaa.test', 'vsaa', 'administrator');
      specialist = await signedIn(platform, 'specialists@kase.test');
      second = await signedIn(platform, 'otrs@kase.test');
      supervisor = await signedIn(platform, 'vaditajs@kase.test');
      auditor = await signedIn(platform, 'revidents@kase.test');
      vsaaAdmin = await signedIn(platform, 'admin@vsaa.test');
    });
    after(() => platform.close());

    it('the call log form: one short form, the timer script as an external file, Enter submits', async () => {
      const page = await specialist.get(LOG);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<script src="\/static\/phone-timer.js" defer=""><\/script>/);
      assert.doesNotMatch(page.body, /<script>(?!<\/script>)/, 'no inline script');
      assert.match(page.body, /<select[^>]*name="topic"/);
      assert.match(page.body, /<option value="appointment-booked">Pieteikts klātienes apmeklējums<\/option>/);
      assert.match(page.body, /<button type="submit">Saglabāt zvanu<\/button>/);
      assert.equal((await platform.app.inject('/static/phone-timer.js')).statusCode, 200);
    });

    it('saving a call: the row with its duration, the personal code only as a keyed hash, aggregates and the audit row', async () => {
      const res = await specialist.submitForm(LOG, LOG, { topic: 'konti', outcome: 'answered', duration: '1:35', personalCode: CODE, note: 'Par konta atvēršanu', surveyLang: 'lv' });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, `${LOG}?saved=1`);
      assert.match((await specialist.get(String(res.headers.location))).body, /Zvans saglabāts\. Gatavs nākamajam zvanam\./);
      const [call] = await rows<{ id: string; topic: string; outcome: string; duration_seconds: number; personal_code_hash: string; staff_id: string; line_id: string; started_at: Date }>(platform, sql`select * from phone_calls`);
      assert.equal(call?.topic, 'konti');
      assert.equal(call?.outcome, 'answered');
      assert.equal(call?.duration_seconds, 95);
      assert.equal(call?.staff_id, specialistId);
      assert.equal(call?.line_id, 'talrunis');
      assert.equal(new Date(call?.started_at ?? 0).toISOString(), '2026-11-16T07:58:25.000Z');
      assert.ok(call?.personal_code_hash && call.personal_code_hash.length >= 40);
      const dump = JSON.stringify(await rows(platform, sql`select * from phone_calls`)) + JSON.stringify(await rows(platform, sql`select details from audit_log where action = 'phone.call-logged'`));
      assert.doesNotMatch(dump, /010101|10006/);
      const [hour] = await rows<{ calls: number; seconds: number }>(platform, sql`select calls, seconds::int as seconds from phone_call_hours where agency = 'kase' and topic = 'konti'`);
      assert.deepEqual(hour, { calls: 1, seconds: 95 });
    });

    it('with the client’s e-mail a survey invitation goes out (the survey feature), tied to the call', async () => {
      const res = await specialist.submitForm(LOG, LOG, { topic: 'maksajumi', outcome: 'answered', duration: '60', surveyEmail: 'zvanitajs@example.lv', surveyLang: 'en' });
      assert.equal(res.headers.location, `${LOG}?saved=survey`);
      const [call] = await rows<{ id: string; invitation_id: string }>(platform, sql`select id, invitation_id from phone_calls where topic = 'maksajumi'`);
      assert.ok(call?.invitation_id);
      const [invitation] = await rows<{ contact_kind: string; contact_ref: string; channel_id: string; lang: string }>(platform, sql`select contact_kind, contact_ref, channel_id, lang from feedback_invitations where id = ${call.invitation_id}`);
      assert.deepEqual(invitation, { contact_kind: 'phone', contact_ref: call.id, channel_id: 'talrunis', lang: 'en' });
      const [mail] = await rows<{ body_text: string }>(platform, sql`select body_text from mail_outbox where to_address = 'zvanitajs@example.lv'`);
      assert.match(mail?.body_text ?? '', /\/kase\/aptauja\//);
    });

    it('appointment-booked leads to the staff booking page with the client filled in', async () => {
      const res = await specialist.submitForm(LOG, LOG, { topic: 'konti', outcome: 'appointment-booked', duration: '3:00', personalCode: '01010110006', clientName: 'Pēteris Kalniņš' });
      assert.equal(res.statusCode, 303);
      const location = String(res.headers.location);
      assert.match(location, /^\/staff\/kase\/pieraksti\/jauns\?/);
      const booking = await specialist.get(location);
      assert.equal(booking.statusCode, 200);
      assert.match(booking.body, /type="hidden" name="name" value="Pēteris Kalniņš"/);
      assert.match(booking.body, /type="hidden" name="personalCode" value="010101-10006"/);
      const withDay = await specialist.get(`${location}&service=konti&centre=riga-smilsu&day=2026-11-19`);
      assert.match(withDay.body, /name="name"[^>]*value="Pēteris Kalniņš"|value="Pēteris Kalniņš"[^>]*name="name"/);
    });

    describe('bad input in the call log: field errors, nothing written', () => {
      const cases: Array<[string, Record<string, string>, string, RegExp]> = [
        ['topic not in the profile', { topic: 'pensijas' }, 'topic', /tēmu no saraksta/],
        ['unknown outcome', { outcome: 'hung-up' }, 'outcome', /sarunas iznākumu/],
        ['forwarded without an institution', { outcome: 'forwarded' }, 'institution', /iestādi, uz kuru/],
        ['unknown institution', { outcome: 'forwarded', institution: 'nav-tadas' }, 'institution', /iestādi, uz kuru/],
        ['unreadable duration', { duration: '5 min' }, 'duration', /ilgumu sekundēs/],
        ['over-long duration', { duration: '4:00:01' }, 'duration', /ilgumu sekundēs/],
        ['invalid personal code', { personalCode: '010101-10007' }, 'personalCode', /Personas kods nav derīgs/],
        ['oversize note', { note: 'x'.repeat(1001) }, 'note', /1000 rakstzīmēm/],
        ['NUL byte in the note', { note: 'a\u0000b' }, 'note', /neatļautu rakstzīmi \(NUL\)/],
        ['unknown line', { line: 'nav-tada' }, 'line', /tālruni no saraksta/],
      ];
      for (const [what, override, field, message] of cases) {
        it(what, async () => {
          const before = await count(platform, 'phone_calls');
          const res = await specialist.submitForm(LOG, LOG, { topic: 'konti', outcome: 'answered', duration: '30', ...override });
          assert.equal(res.statusCode, 400);
          assert.match(res.body, new RegExp(`href="#field-${field}"`));
          assert.match(res.body, message);
          assert.equal(await count(platform, 'phone_calls'), before);
          assert.ok(!res.body.includes('\u0000'));
          if (field === 'note') assert.match(res.body, /name="duration" value="30"/, 'the form is shown again with the other values');
        });
      }
    });

    it('the agency boundary: VSAA staff get 403 on every Treasury phone page; a Treasury request id is not found under VSAA', async () => {
      const created = (await postCallback(platform, validCallback({ phone: '20000001' }))).json();
      for (const url of [LOG, CALLBACKS, `${CALLBACKS}/${created.id}`, FIGURES, `${FIGURES}.csv`]) assert.equal((await vsaaAdmin.get(url)).statusCode, 403, url);
      assert.equal((await vsaaAdmin.request({ method: 'POST', url: `${CALLBACKS}/panemt`, form: { id: created.id } })).statusCode, 403);
      assert.equal((await vsaaAdmin.get(`/staff/vsaa/talrunis/atzvani/${created.id}`)).statusCode, 404);
      assert.equal((await platform.app.inject(CALLBACKS)).statusCode, 303, 'no session → sign-in');
    });

    it('the auditor reads (list, figures) but cannot log, take or record', async () => {
      assert.equal((await auditor.get(LOG)).statusCode, 403);
      const list = await auditor.get(CALLBACKS);
      assert.equal(list.statusCode, 200);
      assert.doesNotMatch(list.body, /Paņemt/);
      assert.equal((await auditor.get(FIGURES)).statusCode, 200);
      const [open] = await rows<{ id: string }>(platform, sql`select id from phone_callbacks where status = 'open' limit 1`);
      assert.equal((await auditor.request({ method: 'POST', url: `${CALLBACKS}/panemt`, form: { id: open?.id ?? '' } })).statusCode, 403);
      assert.equal((await auditor.request({ method: 'POST', url: `${CALLBACKS}/${open?.id}/meginajums`, form: { result: 'reached' } })).statusCode, 403);
      assert.equal((await specialist.get(FIGURES)).statusCode, 403, 'figures are for supervisors, administrators and auditors');
    });

    it('callbacks: the work list by call-by time with the overdue marked; a taken request cannot be taken again', async () => {
      await rows(platform, sql`update phone_callbacks set status = 'reached' where agency = 'kase'`);
      const a = (await postCallback(platform, validCallback({ phone: '20000011', name: 'Pirmā Kliente' }))).json();
      time.advance({ hours: 24 * 2 }); // Wednesday is a holiday: the second request is due later
      // Sessions expire by the same clock: sign in again.
      specialist = await signedIn(platform, 'specialists@kase.test');
      second = await signedIn(platform, 'otrs@kase.test');
      supervisor = await signedIn(platform, 'vaditajs@kase.test');
      const b = (await postCallback(platform, validCallback({ phone: '20000012', name: 'Otrais Klients', window: { from: '2026-11-19T09:00:00+02:00', to: '2026-11-19T10:00:00+02:00' } }))).json();
      assert.ok(a.id && b.id);
      const list = await specialist.get(CALLBACKS);
      assert.equal(list.statusCode, 200);
      assert.ok(list.body.indexOf('Pirmā Kliente') < list.body.indexOf('Otrais Klients'), 'ordered by call-by');
      assert.match(list.body, /Nokavēts/);
      const [viewed] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'phone.callbacks-viewed' and actor_id = ${specialistId}`);
      assert.ok((viewed?.n ?? 0) >= 1, 'reading the list is audited');
      const take = await specialist.submitForm(CALLBACKS, `${CALLBACKS}/panemt`, { id: a.id });
      assert.equal(take.statusCode, 303);
      const detail = await specialist.get(String(take.headers.location));
      assert.match(detail.body, /Pieteikums paņemts darbā\./);
      assert.match(detail.body, /\+37120000011/);
      const again = await second.submitForm(CALLBACKS, `${CALLBACKS}/panemt`, { id: a.id });
      assert.equal(again.statusCode, 409);
      assert.match(again.body, /jau paņēmis cits darbinieks/);
      const notYours = await second.submitForm(`${CALLBACKS}/${a.id}`, `${CALLBACKS}/${a.id}/meginajums`, { result: 'reached' });
      assert.equal(notYours.statusCode, 409);
    });

    it('three failed attempts close it as unreachable and e-mail the client; a further attempt is refused and nothing written', async () => {
      const created = (await postCallback(platform, validCallback({ phone: '20000021', email: 'klients@example.lv', window: { from: '2026-11-19T11:00:00+02:00', to: '2026-11-19T12:00:00+02:00' } }))).json();
      await specialist.submitForm(CALLBACKS, `${CALLBACKS}/panemt`, { id: created.id });
      const url = `${CALLBACKS}/${created.id}`;
      for (const result of ['no-answer', 'wrong-number']) {
        const res = await specialist.submitForm(url, `${url}/meginajums`, { result });
        assert.equal(res.statusCode, 303);
      }
      const badResult = await specialist.submitForm(url, `${url}/meginajums`, { result: 'maybe' });
      assert.equal(badResult.statusCode, 400);
      assert.match(badResult.body, /zvana rezultātu/);
      const third = await specialist.submitForm(url, `${url}/meginajums`, { result: 'no-answer' });
      assert.match(String(third.headers.location), /done=unreachable$/);
      const [row] = await rows<{ status: string; failed_attempts: number }>(platform, sql`select status, failed_attempts from phone_callbacks where id = ${created.id}`);
      assert.deepEqual(row, { status: 'unreachable', failed_attempts: 3 });
      const [mail] = await rows<{ body_text: string }>(platform, sql`select body_text from mail_outbox where to_address = 'klients@example.lv' and subject like '%nevarējām%'`);
      assert.match(mail?.body_text ?? '', /Mēģinājām jums piezvanīt 3 reizes/);
      const attempts = await count(platform, 'phone_callback_attempts');
      const closed = await supervisor.submitForm(LOG, `${url}/meginajums`, { result: 'reached' });
      assert.equal(closed.statusCode, 409);
      const page = await supervisor.get(url);
      assert.doesNotMatch(page.body, /Reģistrēt mēģinājumu/, 'a closed request offers no attempt form');
      assert.equal(await count(platform, 'phone_callback_attempts'), attempts);
    });

    it('concurrent takers: five specialists take at once, each open request goes to exactly one of them (FOR UPDATE SKIP LOCKED)', async () => {
      await rows(platform, sql`update phone_callbacks set status = 'reached' where agency = 'kase' and status in ('open', 'taken')`);
      for (let i = 0; i < 3; i++) assert.equal((await postCallback(platform, validCallback({ phone: `2000003${i}`, window: { from: '2026-11-19T13:00:00+02:00', to: '2026-11-19T14:00:00+02:00' } }))).statusCode, 201);
      const actors = await Promise.all([1, 2, 3, 4, 5].map((n) => addStaff(platform, `n${n}@kase.test`, 'kase', 'specialist')));
      const scope = (id: string, email: string): AgencyScope => ({ agency: 'kase', role: 'specialist', actor: { id, email, name: email, memberships: [{ agency: 'kase', role: 'specialist' }], sessionId: 'x' } });
      const origin = { actorId: null, actorLabel: 'test', ip: null };
      const outcomes = await Promise.allSettled(actors.map((a) => takeCallback(platform.deps, scope(a.id, a.email), origin, null)));
      const taken = outcomes.filter((o): o is PromiseFulfilledResult<string> => o.status === 'fulfilled').map((o) => o.value);
      assert.equal(taken.length, 3);
      assert.equal(new Set(taken).size, 3, 'no request taken twice');
      const refused = outcomes.filter((o) => o.status === 'rejected');
      assert.equal(refused.length, 2);
      for (const r of refused) assert.match(String((r as PromiseRejectedResult).reason), /nothing-to-take/);
      const owners = await rows<{ taken_by: string }>(platform, sql`select taken_by from phone_callbacks where status = 'taken'`);
      assert.equal(new Set(owners.map((o) => o.taken_by)).size, 3);
    });

    it('reached closes the request within the promise; reading a request is audited', async () => {
      const [taken] = await rows<{ id: string }>(platform, sql`select id from phone_callbacks where status = 'taken' limit 1`);
      assert.ok(taken);
      const url = `${CALLBACKS}/${taken.id}`;
      const res = await supervisor.submitForm(url, `${url}/meginajums`, { result: 'reached', note: 'Atbildēts' });
      assert.equal(res.statusCode, 303);
      assert.match(String(res.headers.location), /done=recorded$/);
      const [row] = await rows<{ status: string; closed_at: Date | null }>(platform, sql`select status, closed_at from phone_callbacks where id = ${taken.id}`);
      assert.equal(row?.status, 'reached');
      assert.ok(row?.closed_at);
      const [viewed] = await rows<{ n: number }>(platform, sql`select count(*)::int as n from audit_log where action = 'phone.callback-viewed' and record_id = ${taken.id}`);
      assert.equal(viewed?.n, 1);
    });

    it('figures: per topic, day, hour (heat map), outcomes, median handling time, callbacks in the promise; charts with tables; CSV', async () => {
      const res = await supervisor.get(`${FIGURES}?from=2026-11-01&to=2026-11-30`);
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /Zvani kopā <strong>3<\/strong>/);
      // 95 s, 60 s and 180 s: the median is 95 s.
      assert.match(res.body, /Apstrādes laika mediāna <strong>1 min 35 s<\/strong>/);
      assert.match(res.body, /<svg class="chart"[^>]*aria-labelledby="chart-topics-title chart-topics-desc"/);
      assert.match(res.body, /<svg class="chart heat-map"/);
      assert.match(res.body, /<th scope="row">Konsultācijas par kontu atvēršanu un slēgšanu<\/th><td>2<\/td>/);
      assert.match(res.body, /<th scope="row">Pieteikts klātienes apmeklējums<\/th><td>1<\/td>/);
      assert.match(res.body, /Atzvanīts solītajā termiņā <strong>\d+%<\/strong> \(1 no \d+\)/);
      const csv = await supervisor.get(`${FIGURES}.csv?from=2026-11-01&to=2026-11-30`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /text\/csv/);
      assert.match(csv.body, /^\uFEFFsadaļa,atslēga,nosaukums,zvani\r\n/);
      assert.match(csv.body, /tēma,konti,Konsultācijas par kontu atvēršanu un slēgšanu,2\r\n/);
      assert.doesNotMatch(csv.body, /zvanitajs|010101/);
      const bad = await supervisor.get(`${FIGURES}?from=2026-02-30&to=2026-03-01`);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /GGGG-MM-DD/);
      assert.equal((await supervisor.get(`${FIGURES}.csv?from=2025-01-01&to=2026-11-30`)).statusCode, 400);
    });
  });
}
