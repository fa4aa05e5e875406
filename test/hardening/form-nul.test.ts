// Issue 13, finding 2: a NUL byte in an HTML form field is taken out by the input guard and reported by the form
// itself — "contains a forbidden character" next to the field, in Latvian or English, the form shown again with the
// other values kept, nothing written. The JSON API keeps its 400 problem+json. (Phone, registers and /mani: their own tests.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/platform/clock.ts';
import { QuestionBrowser } from '../../src/features/inquiries/public/question-form.testing.ts';
import { TestBrowser } from '../support/http-client.ts';
import { signedInStaff } from '../support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../support/test-platform.ts';

const NOW = '2026-11-16T07:00:00Z'; // Monday 09:00 in Riga
const START = '2026-11-19T09:05:00+02:00';
const FORBIDDEN_LV = /Teksts satur neatļautu rakstzīmi \(NUL\)/;
const FORBIDDEN_EN = /The text contains a character that is not allowed \(NUL\)/;

for (const target of testTargets()) {
  describe(`a NUL in an HTML form: the form says it next to the field (${target})`, () => {
    let platform: TestPlatform;
    const count = async (table: string) =>
      ((await platform.deps.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? -1;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
    });
    after(() => platform.close());

    it('the question form (multipart): field error on the text, the name and e-mail kept, nothing filed; English too', async () => {
      const before = await count('inquiries');
      const browser = new QuestionBrowser(platform.app);
      const fields = { name: 'Anna Bērziņa', email: 'anna@example.lv', phone: '', personalCode: '', topic: 'pensijas', text: 'Jautā\u0000jums', step: 'preview' };
      const res = await browser.submitQuestion('/vsaa/jautajums', fields);
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-text">Teksts satur neatļautu rakstzīmi/);
      assert.match(res.body, /value="Anna Bērziņa"/);
      assert.match(res.body, /value="anna@example.lv"/);
      assert.match(res.body, />Jautājums<\/textarea>/, 'the text shown again without the NUL');
      assert.ok(!res.body.includes('\u0000'));
      const english = await browser.submitQuestion('/vsaa/jautajums?lang=en', { ...fields, name: 'Anna\u0000' }, [], '/vsaa/jautajums?lang=en');
      assert.equal(english.statusCode, 400);
      assert.match(english.body, /href="#field-name">/);
      assert.match(english.body, FORBIDDEN_EN);
      assert.equal(await count('inquiries'), before);
    });

    it('the booking form: field error on the name, the e-mail kept, no appointment', async () => {
      const before = await count('appointments');
      const browser = new TestBrowser(platform.app);
      const page = `/vsaa/pieraksts?service=pensijas&centre=riga-lacplesa&day=2026-11-19&start=${encodeURIComponent(START)}`;
      const res = await browser.submitForm(page, '/vsaa/pieraksts', { service: 'pensijas', centre: 'riga-lacplesa', start: START, name: 'Jānis\u0000 Ozols', email: 'janis@example.lv', phone: '', personalCode: '', assistant: 'none' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-name">Teksts satur neatļautu rakstzīmi/);
      assert.match(res.body, /value="janis@example.lv"/);
      assert.ok(!res.body.includes('\u0000'));
      assert.equal(await count('appointments'), before);
    });

    it('a staff form (booking for a client): field error on the name, the other values kept, no appointment', async () => {
      const before = await count('appointments');
      const staff = await signedInStaff(platform, 'nul@vsaa.test', 'vsaa', 'specialist');
      const url = '/staff/vsaa/pieraksti/jauns';
      const res = await staff.submitForm(url, url, { service: 'pensijas', centre: 'riga-lacplesa', start: START, name: 'Pēteris\u0000', email: 'peteris@example.lv', phone: '', personalCode: '' });
      assert.equal(res.statusCode, 400);
      assert.match(res.body, /href="#field-name">/);
      assert.match(res.body, FORBIDDEN_LV);
      assert.match(res.body, /value="peteris@example.lv"/);
      assert.ok(!res.body.includes('\u0000'));
      assert.equal(await count('appointments'), before);
    });

    it('the JSON API keeps its 400 problem+json naming the field; a form route without its own report keeps the error page', async () => {
      const api = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/inquiries', payload: { name: 'A\u0000B', email: 'a@example.lv', text: 'Jautājums' } });
      assert.equal(api.statusCode, 400);
      assert.match(String(api.headers['content-type']), /application\/problem\+json/);
      assert.deepEqual((api.json() as { errors: Array<{ field: string; code: string }> }).errors.map((e) => [e.field, e.code]), [['name', 'forbidden_character']]);
      // Sent as a form to the JSON route, the guard still refuses it (no field is quietly changed).
      const formToApi = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/inquiries', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'name=A%00B&email=a%40example.lv&text=J' });
      assert.ok(formToApi.statusCode >= 400 && formToApi.statusCode < 500, String(formToApi.statusCode));
    });
  });
}
