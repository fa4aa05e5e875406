import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { count, movableClock, postCallback, rows, validCallback } from './phone.testing.ts';

// Monday 16 November 2026, 08:00 in Riga: the Treasury line opens at 08:30; 17 Nov is shortened, 18 Nov a holiday.
const NOW = '2026-11-16T06:00:00Z';

for (const target of testTargets()) {
  describe(`phone, public (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock(NOW);
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    it('GET /api/v1/agencies/kase/phone: the line, its hours, closed now and opening at 08:30, five topics, recorded', async () => {
      const res = await platform.app.inject('/api/v1/agencies/kase/phone');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['lines', 'topics']);
      const line = body.lines[0];
      assert.deepEqual(Object.keys(line).sort(), ['hours', 'id', 'name', 'nextChange', 'number', 'openNow', 'recorded', 'topics']);
      assert.equal(line.id, 'talrunis');
      assert.equal(line.number, '+371 67094368');
      assert.equal(line.name, 'Klientu apkalpošanas tālrunis');
      assert.equal(line.openNow, false);
      assert.equal(line.nextChange, '2026-11-16T08:30:00+02:00');
      assert.equal(line.recorded, true);
      assert.deepEqual(line.hours[0], { days: ['mon', 'tue', 'wed', 'thu'], ranges: [{ open: '08:30', close: '17:15' }] });
      assert.deepEqual(body.topics.map((t: { id: string }) => t.id), ['konti', 'parakstu-kartites', 'e-pakalpojumi', 'maksajumi', 'citi']);
      assert.deepEqual(line.topics, ['konti', 'parakstu-kartites', 'e-pakalpojumi', 'maksajumi', 'citi']);
    });

    it('VSAA: the information line and every KAC’s own number; not recorded; the shortened day closes an hour early', async () => {
      time.advance({ hours: 24 + 8 }); // Tuesday 17 Nov, 16:00 Riga (shortened: closes 16:00 instead of 17:00)
      try {
        const body = (await platform.app.inject({ url: '/api/v1/agencies/vsaa/phone', headers: { 'accept-language': 'en' } })).json();
        const ids = body.lines.map((l: { id: string }) => l.id);
        assert.equal(ids[0], 'info-talrunis');
        for (const kac of ['riga-lacplesa', 'daugavpils', 'jekabpils']) assert.ok(ids.includes(kac), kac);
        assert.equal(body.lines[0].number, '64507020');
        assert.equal(body.lines[0].name, 'Information phone');
        assert.equal(body.lines[0].recorded, false);
        assert.equal(body.lines[0].openNow, false, 'closed at 16:00 on the shortened day');
        assert.equal(body.lines[0].nextChange, '2026-11-19T08:30:00+02:00', 'the 18th is a holiday');
      } finally {
        time.advance({ hours: -(24 + 8) });
      }
    });

    it('the phone page: lines, hours, status, topics, the recording notice; linked from the agency home, contacts and standard', async () => {
      const res = await platform.app.inject('/kase/talrunis');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<a href="tel:\+37167094368">\+371 67094368<\/a>/);
      assert.match(res.body, /Sarunas tiek ierakstītas\./);
      assert.match(res.body, /Slēgts, atvērsies pirmdien, 16\. novembrī, plkst\. 08:30/);
      assert.match(res.body, /Konsultācijas par e-pakalpojumu lietošanu/);
      assert.match(res.body, /Mēs piezvanīsim ne vēlāk kā nākamajā darba dienā\./);
      const vsaa = await platform.app.inject('/vsaa/talrunis');
      assert.match(vsaa.body, /Klientu apkalpošanas centru tālruņi/);
      assert.match(vsaa.body, /Daugavpils KAC/);
      assert.doesNotMatch(vsaa.body, /Sarunas tiek ierakstītas/);
      const en = await platform.app.inject('/kase/talrunis?lang=en');
      assert.match(en.body, /Calls are recorded\./);
      for (const page of ['/kase', '/kase/kontakti', '/kase/standarts']) {
        assert.match((await platform.app.inject(page)).body, /href="\/kase\/talrunis"/, page);
      }
      assert.equal((await platform.app.inject('/nav-tadas/talrunis')).statusCode, 404);
    });

    it('POST /api/v1/agencies/kase/callbacks → 201 { id, callBy }: Latvian number without +371 normalised, audit without the number, mail', async () => {
      const res = await postCallback(platform, validCallback({ email: 'anna@example.lv', description: 'Par konta slēgšanu' }));
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.deepEqual(Object.keys(body).sort(), ['callBy', 'id']);
      // Monday request, one working day: Tuesday, shortened before the holiday (17:15 − 1 h).
      assert.equal(body.callBy, '2026-11-17T16:15:00+02:00');
      const [row] = await rows<{ phone: string; status: string; topic: string }>(platform, sql`select phone, status, topic from phone_callbacks where id = ${body.id}`);
      assert.deepEqual(row, { phone: '+37120000000', status: 'open', topic: 'konti' });
      const [audit] = await rows<{ details: Record<string, unknown> }>(platform, sql`select details from audit_log where action = 'phone.callback-requested' and record_id = ${body.id}`);
      assert.ok(audit);
      assert.doesNotMatch(JSON.stringify(audit.details), /20000000|Anna/);
      const [mail] = await rows<{ body_text: string; subject: string }>(platform, sql`select body_text, subject from mail_outbox where to_address = 'anna@example.lv'`);
      assert.match(mail?.body_text ?? '', /otrdien, 17\. novembrī, no 09:00 līdz 10:00/);
      assert.match(mail?.body_text ?? '', /līdz otrdienai, 17\. novembrim, plkst\. 16:15/);
    });

    describe('bad input: a field-level error in Latvian or English, and nothing written', () => {
      const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
        ['unparseable number', { phone: '12ab' }, 'phone', /derīgu tālruņa numuru/],
        ['foreign premium-rate number', { phone: '+44 9061234567' }, 'phone', /maksas pakalpojumu numuriem/],
        ['window outside the line hours', { window: { from: '2026-11-17T07:00:00+02:00', to: '2026-11-17T08:00:00+02:00' } }, 'window.to', /nav tālruņa darba laikā/],
        ['window in the shortened hour before a holiday', { window: { from: '2026-11-17T16:30:00+02:00', to: '2026-11-17T17:00:00+02:00' } }, 'window.to', /nav tālruņa darba laikā/],
        ['window on a holiday', { window: { from: '2026-11-18T09:00:00+02:00', to: '2026-11-18T10:00:00+02:00' } }, 'window.from', /nav darba diena/],
        ['window in the past', { window: { from: '2026-11-13T09:00:00+02:00', to: '2026-11-13T10:00:00+02:00' } }, 'window.from', /jau ir pagājis/],
        ['window without an offset', { window: { from: '2026-11-17T09:00:00', to: '2026-11-17T10:00:00' } }, 'window', /laika joslu/],
        ['impossible date', { window: { from: '2026-02-30T09:00:00+02:00', to: '2026-02-30T10:00:00+02:00' } }, 'window', /laika joslu/],
        ['oversize description', { description: 'x'.repeat(501) }, 'description', /./],
        ['oversize name', { name: 'N'.repeat(101) }, 'name', /./],
        // A NUL is refused for every route in one place (the input guard), naming the field.
        ['NUL byte in the name', { name: 'Anna\u0000' }, 'name', /neatļautu rakstzīmi|not allowed/],
        ['topic not in the profile', { topic: 'pensijas' }, 'topic', /tēmu no saraksta/],
        ['no consent', { consent: false }, 'consent', /piekrišanu/],
        ['bad e-mail', { email: 'anna@' }, 'email', /e-pasta adresi/],
      ];
      for (const [what, override, field, message] of cases) {
        it(what, async () => {
          const before = await count(platform, 'phone_callbacks');
          const res = await postCallback(platform, validCallback(override));
          assert.equal(res.statusCode, 400, res.body);
          const problem = res.json();
          const error = problem.errors.find((e: { field: string }) => e.field === field);
          assert.ok(error, `${field} in ${res.body}`);
          assert.match(error.message, message);
          assert.equal(await count(platform, 'phone_callbacks'), before);
          assert.ok(!res.body.includes('\u0000') && !res.body.includes('9061234567'), 'no echo of the input');
        });
      }
      it('in English with Accept-Language: en', async () => {
        const res = await postCallback(platform, validCallback({ phone: '+1 900 555 0123' }), { lang: 'en' });
        assert.equal(res.statusCode, 400);
        assert.match(res.json().errors[0].message, /premium-rate/);
      });
      it('unknown keys and a wrong content type are refused too', async () => {
        assert.equal((await postCallback(platform, validCallback({ extra: 1 }))).statusCode, 400);
        const res = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/kase/callbacks', headers: { 'content-type': 'text/plain' }, payload: 'x' });
        assert.ok(res.statusCode === 400 || res.statusCode === 415, String(res.statusCode));
      });
    });

    it('a flood for one number: the fourth request in a day is 429 with a clear message; nothing written', async () => {
      for (let i = 0; i < 3; i++) assert.equal((await postCallback(platform, validCallback({ phone: '+371 29999999' }))).statusCode, 201);
      const before = await count(platform, 'phone_callbacks');
      const res = await postCallback(platform, validCallback({ phone: '29999999' }));
      assert.equal(res.statusCode, 429);
      assert.ok(res.headers['retry-after']);
      assert.match(res.json().errors[0].message, /pārāk daudz atzvanīšanu/);
      assert.equal(res.json().errors[0].field, 'phone');
      assert.equal(await count(platform, 'phone_callbacks'), before);
    });

    it('a flood from one address: the sixth request in an hour is 429; another address still gets through', async () => {
      const ip = '192.0.2.77';
      for (let i = 0; i < 5; i++) assert.equal((await postCallback(platform, validCallback({ phone: `2100000${i}` }), { ip })).statusCode, 201);
      const res = await postCallback(platform, validCallback({ phone: '21000009' }), { ip, lang: 'en' });
      assert.equal(res.statusCode, 429);
      assert.match(res.json().errors[0].message, /Too many requests have come from this internet address/);
      assert.equal((await postCallback(platform, validCallback({ phone: '21000009' }), { ip: '192.0.2.78' })).statusCode, 201);
    });

    it('the form without JavaScript: errors with the fields kept, then the confirmation page with the call-by time', async () => {
      const browser = new TestBrowser(platform.app);
      const form = { name: 'Jānis Ozols', phone: '+371 2612 3456', topic: 'maksajumi', date: '2026-11-18', from: '09:00', to: '10:00', description: '', email: '', consent: 'yes' };
      const bad = await browser.submitForm('/kase/talrunis', '/kase/talrunis/atzvanit', form);
      assert.equal(bad.statusCode, 400);
      assert.match(bad.body, /class="error-summary"/);
      assert.match(bad.body, /nav darba diena/);
      assert.match(bad.body, /value="Jānis Ozols"/);
      const noConsent = await browser.submitForm('/kase/talrunis', '/kase/talrunis/atzvanit', { ...form, date: '2026-11-19', consent: '' });
      assert.equal(noConsent.statusCode, 400);
      assert.match(noConsent.body, /apstipriniet piekrišanu/);
      const ok = await browser.submitForm('/kase/talrunis', '/kase/talrunis/atzvanit', { ...form, date: '2026-11-19' });
      assert.equal(ok.statusCode, 303);
      const done = await browser.get(String(ok.headers.location));
      assert.equal(done.statusCode, 200);
      assert.match(done.body, /Mēs jums piezvanīsim līdz otrdienai, 17\. novembrim, plkst\. 16:15\./);
      assert.doesNotMatch(done.body, /Jānis|2612/);
      assert.equal((await browser.get('/vsaa' + String(ok.headers.location).slice(5))).statusCode, 404, 'another agency does not show it');
      const before = await count(platform, 'phone_callbacks');
      const nul = await browser.submitForm('/kase/talrunis', '/kase/talrunis/atzvanit', { ...form, date: '2026-11-19', name: 'Jānis\u0000', phone: '2612\u00003456' });
      assert.equal(nul.statusCode, 400);
      assert.ok(!nul.body.includes('\u0000'), 'no NUL echoed');
      // The input guard takes the NUL out; the form says so next to both fields and keeps the other values.
      assert.match(nul.body, /href="#field-name">Teksts satur neatļautu rakstzīmi/);
      assert.match(nul.body, /href="#field-phone">Teksts satur neatļautu rakstzīmi/);
      assert.match(nul.body, /value="2026-11-19"/, 'the other values are kept');
      assert.equal(await count(platform, 'phone_callbacks'), before);
      const impossible = await browser.submitForm('/kase/talrunis', '/kase/talrunis/atzvanit', { ...form, date: '2026-02-30' });
      assert.equal(impossible.statusCode, 400);
      assert.match(impossible.body, /href="#field-date"/);
      assert.equal(await count(platform, 'phone_callbacks'), before);
    });

    it('the OpenAPI document describes both endpoints', async () => {
      const doc = (await platform.app.inject('/api/openapi.json')).json();
      assert.ok(doc.paths['/api/v1/agencies/{slug}/phone']?.get);
      assert.ok(doc.paths['/api/v1/agencies/{slug}/callbacks']?.post);
    });
  });
}
