import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { hashAccessCode } from '../../../domain/inquiry/index.ts';
import { personalCodesMessages } from '../../personal-codes/personal-codes.messages.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { findInquiryByReference, insertInquiryMessage } from '../inquiries.repository.ts';
import { ClientInquiryResponseSchema } from '../inquiries-public.schema.ts';
import { countRows, movableClock } from './question-form.testing.ts';

const body = { name: 'Anna Bērziņa', email: 'anna@example.lv', personalCode: '320000-00000', topic: 'maksajumi', text: 'Kā labot klasifikācijas kodu?' };

for (const target of testTargets()) {
  describe(`public inquiry API (${target})`, () => {
    let platform: TestPlatform;
    const time = movableClock('2026-11-20T10:00:00Z');
    before(async () => {
      platform = await createTestPlatform(target, { clock: time.clock });
    });
    after(() => platform.close());

    const post = (slug: string, payload: unknown, headers: Record<string, string> = {}) =>
      platform.app.inject({ method: 'POST', url: `/api/v1/agencies/${slug}/inquiries`, payload: payload as object, headers });
    const view = (reference: string, code?: string, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
      platform.app.inject({ url: `/api/v1/inquiries/${reference}${code === undefined ? '' : `?code=${encodeURIComponent(code)}`}`, remoteAddress, headers });

    it('files a question: 201 with the reference, the access code and the deadline as YYYY-MM-DD', async () => {
      const response = await post('kase', body);
      assert.equal(response.statusCode, 201);
      const created = response.json() as { reference: string; accessCode: string; deadline: string };
      assert.match(created.reference, /^KASE-2026-\d{6}$/);
      assert.equal(created.deadline, '2026-12-04');
      const row = await findInquiryByReference(platform.deps.db, created.reference);
      assert.equal(row?.accessCodeHash, hashAccessCode(created.accessCode));
      assert.equal(row?.channel, 'api');
      assert.equal(row?.topic, 'maksajumi');
      assert.equal(row?.subject, 'Kā labot klasifikācijas kodu?');
      assert.equal(row?.requesterPersonalCode, '320000-00000');
      const unhyphenated = (await post('kase', { ...body, personalCode: '01019010001' })).json() as { reference: string };
      assert.equal((await findInquiryByReference(platform.deps.db, unhyphenated.reference))?.requesterPersonalCode, '010190-10001');
    });

    it('refuses bad input with field errors (problem+json) and writes nothing', async () => {
      const before = await countRows(platform, 'inquiries');
      const cases: Array<[unknown, string, RegExp]> = [
        [{ ...body, email: undefined }, 'email', /e-pasta adresi vai tālruņa numuru/],
        [{ ...body, text: '' }, 'text', /obligāts/],
        [{ ...body, text: 'x'.repeat(20_001) }, 'text', /par garu/],
        [{ ...body, personalCode: '010190-10002' }, 'personalCode', new RegExp(personalCodesMessages.lv.reasons['bad-check-digit'].slice(0, 30))],
        [{ ...body, topic: 'nav-tada' }, 'topic', /Izvēlieties tēmu/],
        [{ ...body, extra: 1 }, 'extra', /Nezināms lauks/],
      ];
      for (const [payload, field, message] of cases) {
        const response = await post('kase', payload);
        assert.equal(response.statusCode, 400, field);
        assert.match(String(response.headers['content-type']), /application\/problem\+json/);
        const problem = response.json() as { errors: Array<{ field: string; message: string }> };
        const error = problem.errors.find((e) => e.field === field);
        assert.ok(error, `${field}: ${JSON.stringify(problem.errors)}`);
        assert.match(error.message, message, field);
      }
      const english = await post('kase', { ...body, personalCode: '310490-10018' }, { 'accept-language': 'en' });
      assert.equal((english.json() as { errors: Array<{ message: string }> }).errors[0]?.message, personalCodesMessages.en.reasons['impossible-date']);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('an unknown agency is 404, whatever the body', async () => {
      const before = await countRows(platform, 'inquiries');
      assert.equal((await post('nav-tadas', body)).statusCode, 404);
      const invalid = await post('nav-tadas', { text: '' });
      assert.equal(invalid.statusCode, 404);
      assert.equal((invalid.json() as { code: string }).code, 'agency-not-found');
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('GET /api/v1/inquiries/{reference} with the code: status, deadline and correspondence', async () => {
      const created = (await post('kase', { ...body, text: '<script>alert(1)</script> jautājums' })).json() as { reference: string; accessCode: string };
      const row = await findInquiryByReference(platform.deps.db, created.reference);
      await insertInquiryMessage(platform.deps.db, { inquiryId: row!.id, direction: 'out', medium: 'email', subject: 'Atbilde', bodyText: 'Labojiet kodu e-kasē.' });
      const viaHeader = await view(created.reference, undefined, '127.0.0.1', { 'x-access-code': created.accessCode.toLowerCase() });
      assert.equal(viaHeader.statusCode, 200);
      const response = await view(created.reference, created.accessCode);
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['cache-control'], 'no-store');
      const inquiry = ClientInquiryResponseSchema.parse(response.json());
      assert.equal(inquiry.reference, created.reference);
      assert.equal(inquiry.agency, 'kase');
      assert.equal(inquiry.status, 'new');
      assert.equal(inquiry.receivedOn, '2026-11-20');
      assert.equal(inquiry.deadline, '2026-12-04');
      assert.deepEqual(
        inquiry.messages.map((m) => [m.direction, m.text]),
        [
          ['in', '<script>alert(1)</script> jautājums'],
          ['out', 'Labojiet kodu e-kasē.'],
        ],
      );
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.viewed-by-client' and record_id = '${row!.id}'`), 2);
    });

    it('a wrong or missing code gives exactly the answer of an unknown reference', async () => {
      const created = (await post('kase', body)).json() as { reference: string };
      const wrong = await view(created.reference, 'AAAAAAAAAA');
      const unknown = await view('KASE-2026-999999', 'AAAAAAAAAA');
      const missing = await view(created.reference);
      const garbage = await view('nav-numurs', 'x');
      for (const response of [wrong, unknown, missing, garbage]) {
        assert.equal(response.statusCode, 404);
        assert.equal(response.body, unknown.body);
      }
      assert.equal((unknown.json() as { code: string }).code, 'inquiry-not-found');
    });

    it('30 failures from one address: 429 with Retry-After and a clear message, in Latvian and English; another address is not delayed', async () => {
      time.advanceMinutes(30);
      const created = (await post('kase', body)).json() as { reference: string; accessCode: string };
      for (let i = 0; i < 30; i++) assert.equal((await view(`KASE-2026-8${String(i).padStart(5, '0')}`, 'AAAAAAAAAA', '198.51.100.1')).statusCode, 404);
      const limited = await view(created.reference, created.accessCode, '198.51.100.1');
      assert.equal(limited.statusCode, 429);
      assert.equal(limited.headers['retry-after'], '1');
      assert.equal((limited.json() as { title: string }).title, 'Pārāk daudz neveiksmīgu mēģinājumu. Mēģiniet vēlreiz pēc 1 s.');
      const english = await view(created.reference, created.accessCode, '198.51.100.1', { 'accept-language': 'en' });
      assert.equal((english.json() as { title: string }).title, 'Too many failed attempts. Try again in 1 s.');
      assert.equal((await view(created.reference, created.accessCode, '198.51.100.2')).statusCode, 200, 'another IP is not affected');
    });

    it('failures on one reference from many addresses: that reference waits a growing delay (at most a minute), then opens with its code', async () => {
      time.advanceMinutes(30);
      const created = (await post('kase', body)).json() as { reference: string; accessCode: string };
      for (let i = 0; i < 5; i++) assert.equal((await view(created.reference, 'AAAAAAAAAA', `203.0.113.${i}`)).statusCode, 404);
      const first = await view(created.reference, created.accessCode, '203.0.113.99');
      assert.equal(first.statusCode, 429);
      assert.equal(first.headers['retry-after'], '1');
      // A patient stranger: one failure after each delay, the delay doubling up to the 60 s ceiling.
      for (let i = 5; i < 13; i++) {
        time.advanceSeconds(60);
        assert.equal((await view(created.reference, 'AAAAAAAAAA', `203.0.113.${i}`)).statusCode, 404);
      }
      const longest = await view(created.reference, created.accessCode, '203.0.113.99');
      assert.equal(longest.statusCode, 429);
      assert.equal(longest.headers['retry-after'], '60');
      time.advanceSeconds(60);
      assert.equal((await view(created.reference, created.accessCode, '203.0.113.99')).statusCode, 200, 'a delay, not a lockout');
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.access-denied' and details->>'reference' = '${created.reference}'`), 13);
    });

    it('the routes are documented under the inquiries tag', async () => {
      const spec = (await platform.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
      assert.deepEqual(spec.paths['/api/v1/agencies/{slug}/inquiries']?.post?.tags, ['inquiries']);
      assert.deepEqual(spec.paths['/api/v1/inquiries/{reference}']?.get?.tags, ['inquiries']);
    });
  });
}
