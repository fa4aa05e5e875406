import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { hashAccessCode } from '../../../domain/inquiry/index.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../../test/support/test-platform.ts';
import { fileOnce, fingerprintOf, type FilingHook } from '../idempotency.ts';
import { findInquiryByReference } from '../inquiries.repository.ts';
import { fileInquiry } from '../inquiries.service.ts';
import { QuestionBrowser, countRows, csrfTokenIn, mainOf, movableClock } from './question-form.testing.ts';

const body = { name: 'Anna Bērziņa', email: 'anna@example.lv', topic: 'maksajumi', text: 'Kā labot klasifikācijas kodu?' };
const FORM = '/vsaa/jautajums';
const formFields = { name: 'Jānis Ozols', email: 'janis@example.lv', phone: '', personalCode: '', topic: 'pensijas', text: 'Zxqvbn plorf glimmergrost vrrkt?', step: 'file' };

async function keyRows(platform: TestPlatform, key: string): Promise<number> {
  const result = await platform.deps.db.execute(sql`select count(*)::int as n from inquiry_idempotency_keys where key = ${key}`);
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? -1;
}

for (const target of testTargets()) {
  describe(`idempotent filing of inquiries (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: movableClock('2026-11-20T10:00:00Z').clock });
    });
    after(() => platform.close());

    const post = (slug: string, payload: unknown, key?: string) =>
      platform.app.inject({ method: 'POST', url: `/api/v1/agencies/${slug}/inquiries`, payload: payload as object, headers: key === undefined ? {} : { 'idempotency-key': key } });

    it('the same key twice answers the first inquiry: 201 with the code, then 200 with the same reference and no code', async () => {
      const before = await countRows(platform, 'inquiries');
      const mails = await countRows(platform, 'audit_log', `action = 'inquiry.filed'`);
      const first = await post('kase', body, 'retry-key-0001');
      assert.equal(first.statusCode, 201);
      const created = first.json() as { reference: string; accessCode: string; deadline: string };
      const again = await post('kase', body, 'retry-key-0001');
      assert.equal(again.statusCode, 200);
      assert.deepEqual(again.json(), { reference: created.reference, deadline: created.deadline });
      assert.equal(again.headers['cache-control'], 'no-store');
      assert.equal(await countRows(platform, 'inquiries'), before + 1);
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.filed'`), mails + 1);
      assert.equal((await findInquiryByReference(platform.deps.db, created.reference))?.accessCodeHash, hashAccessCode(created.accessCode));
      // The structured-field form of the draft ("…") is the same key.
      assert.equal((await post('kase', body, '"retry-key-0001"')).statusCode, 200);
    });

    it('the key belongs to one agency: the same key at another agency files its own inquiry', async () => {
      const kase = await post('kase', body, 'shared-key-0001');
      const vsaa = await post('vsaa', { ...body, topic: 'pensijas' }, 'shared-key-0001');
      assert.equal(kase.statusCode, 201);
      assert.equal(vsaa.statusCode, 201);
      assert.notEqual((kase.json() as { reference: string }).reference, (vsaa.json() as { reference: string }).reference);
      assert.equal(await keyRows(platform, 'shared-key-0001'), 2);
    });

    it('the same key with a different body is 422 problem+json in Latvian and English, and files nothing', async () => {
      const first = await post('kase', body, 'changed-body-01');
      assert.equal(first.statusCode, 201);
      const before = await countRows(platform, 'inquiries');
      const changed = await post('kase', { ...body, text: 'Cits jautājums' }, 'changed-body-01');
      assert.equal(changed.statusCode, 422);
      assert.match(String(changed.headers['content-type']), /application\/problem\+json/);
      const problem = changed.json() as { code: string; detail?: string; errors: Array<{ field: string; message: string }> };
      assert.equal(problem.code, 'idempotency-key-reused');
      assert.match(problem.errors.find((e) => e.field === 'idempotency-key')?.message ?? '', /jau izmantota citam jautājumam/);
      assert.doesNotMatch(changed.body, /Cits jautājums/);
      const english = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/kase/inquiries?lang=en', payload: { ...body, text: 'Other' }, headers: { 'idempotency-key': 'changed-body-01', 'accept-language': 'en' } });
      assert.equal(english.statusCode, 422);
      assert.match(english.body, /already used for a different question/);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('a malformed key is a 400 field error that writes nothing and echoes nothing', async () => {
      const before = await countRows(platform, 'inquiries');
      for (const key of ['', '""', 'x'.repeat(256), 'has space', 'tab\there', 'ūdens-atslēga']) {
        const response = await post('kase', body, key);
        assert.equal(response.statusCode, 400, JSON.stringify(key));
        assert.match(String(response.headers['content-type']), /application\/problem\+json/);
        const problem = response.json() as { errors: Array<{ field: string; message: string }> };
        const error = problem.errors.find((e) => e.field.endsWith('idempotency-key'));
        assert.ok(error, `${JSON.stringify(key)}: ${response.body}`);
        assert.match(error.message, /1 līdz 255/);
        if (key.length > 3) assert.ok(!response.body.includes(key), 'the key is not echoed');
      }
      assert.equal((await post('kase', body, 'x'.repeat(255))).statusCode, 201, '255 characters are allowed');
      assert.equal(await countRows(platform, 'inquiries'), before + 1);
    });

    it('a NUL byte in the key is refused with a 400 field error', async () => {
      // Node's HTTP parser refuses a NUL in a header before the app sees it; the schema refuses it for the form key too.
      const { IdempotencyKeySchema } = await import('../idempotency.ts');
      assert.equal(IdempotencyKeySchema.safeParse('abc\u0000def').success, false);
      const browser = new QuestionBrowser(platform.app);
      const before = await countRows(platform, 'inquiries');
      const response = await browser.submitQuestion(FORM, { ...formFields, idempotencyKey: 'abc\u0000def' });
      assert.equal(response.statusCode, 400);
      assert.equal(await countRows(platform, 'inquiries'), before);
    });

    it('concurrent requests with one key file once (the primary key decides the race)', async () => {
      const before = await countRows(platform, 'inquiries');
      const responses = await Promise.all(Array.from({ length: 8 }, () => post('kase', body, 'concurrent-key-01')));
      const statuses = responses.map((r) => r.statusCode).sort();
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 200, 200, 201], responses.map((r) => r.body).join('\n'));
      assert.equal(new Set(responses.map((r) => (r.json() as { reference: string }).reference)).size, 1);
      assert.equal(await countRows(platform, 'inquiries'), before + 1);
      assert.equal(await keyRows(platform, 'concurrent-key-01'), 1);
      // The losers were rolled back whole: one acknowledgement e-mail, one filing in the audit log.
      const reference = (responses[0]?.json() as { reference: string }).reference;
      const row = await findInquiryByReference(platform.deps.db, reference);
      const mails = await platform.deps.db.execute(sql`select count(*)::int as n from mail_outbox where created_at is not null and body_text like ${`%${reference}%`}`);
      assert.equal((mails as unknown as { rows: Array<{ n: number }> }).rows[0]?.n, 1);
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.filed' and record_id = '${row?.id}'`), 1);
    });

    it('two filings that both passed the look-up collide on the primary key: one is rolled back whole, both answer the winner', async () => {
      const before = await countRows(platform, 'inquiries');
      const filedBefore = await countRows(platform, 'audit_log', `action = 'inquiry.filed'`);
      // A barrier holds both until each has looked the key up and found nothing: only the constraint can decide.
      let arrived = 0;
      let release: () => void = () => {};
      const barrier = new Promise<void>((resolve) => (release = resolve));
      const idempotency = { key: 'forced-race-0001', fingerprint: fingerprintOf({ text: 'same' }) };
      const file = async (hook?: FilingHook) => {
        if (++arrived === 2) release();
        await barrier;
        return fileInquiry(platform.deps, { actorId: null, actorLabel: 'client', ip: null }, { agency: 'kase', channel: 'api', name: 'Anna', email: 'anna@example.lv', text: 'Jautājums', subject: 'Jautājums' }, hook);
      };
      const results = await Promise.all([fileOnce(platform.deps.db, 'kase', idempotency, file), fileOnce(platform.deps.db, 'kase', idempotency, file)]);
      assert.deepEqual(results.map((r) => r.kind).sort(), ['filed', 'repeated']);
      const references = results.map((r) => (r.kind === 'filed' ? r.filed.inquiry.reference : r.inquiry.reference));
      assert.equal(references[0], references[1]);
      assert.equal(await countRows(platform, 'inquiries'), before + 1);
      assert.equal(await countRows(platform, 'audit_log', `action = 'inquiry.filed'`), filedBefore + 1);
      assert.equal(await keyRows(platform, 'forced-race-0001'), 1);
    });

    it('without a key every request files (the behaviour before keys)', async () => {
      const before = await countRows(platform, 'inquiries');
      assert.equal((await post('kase', body)).statusCode, 201);
      assert.equal((await post('kase', body)).statusCode, 201);
      assert.equal(await countRows(platform, 'inquiries'), before + 2);
    });

    it('the OpenAPI document declares the Idempotency-Key header and the 200 answer without the code', async () => {
      const document = (await platform.app.inject({ url: '/api/openapi.json' })).json() as {
        paths: Record<string, { post?: { parameters?: Array<{ in: string; name: string; required?: boolean }>; responses: Record<string, unknown> } }>;
      };
      const operation = document.paths['/api/v1/agencies/{slug}/inquiries']?.post;
      const header = operation?.parameters?.find((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
      assert.ok(header, JSON.stringify(operation?.parameters));
      assert.notEqual(header.required, true);
      assert.ok(operation?.responses['200'] && operation.responses['201']);
      assert.doesNotMatch(JSON.stringify(operation?.responses['200']), /accessCode/);
    });

    describe('the question form (HTML, no browser)', () => {
      it('carries a hidden key; posting it twice files once and the second post shows the first filing', async () => {
        const browser = new QuestionBrowser(platform.app);
        const page = await browser.get(FORM);
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        assert.match(key, /^[\w-]{16,}$/);
        assert.notEqual(/name="idempotencyKey" value="([^"]+)"/.exec((await browser.get(FORM)).body)?.[1], key, 'each form gets its own key');
        const before = await countRows(platform, 'inquiries');
        const fields = { _csrf: csrfTokenIn(page.body), ...formFields, idempotencyKey: key };
        const first = await browser.postMultipart(FORM, fields);
        assert.equal(first.statusCode, 303);
        // The same browser (it holds the confirmation) is sent to the confirmation again.
        const second = await browser.postMultipart(FORM, fields);
        assert.equal(second.statusCode, 303);
        assert.equal(second.headers.location, first.headers.location);
        // Another browser replaying the same form (the answer was lost): the reference, never the code.
        const other = new QuestionBrowser(platform.app);
        const otherPage = await other.get(FORM);
        const replay = await other.postMultipart(FORM, { ...fields, _csrf: csrfTokenIn(otherPage.body) });
        assert.equal(replay.statusCode, 200);
        const main = mainOf(replay.body);
        assert.match(main, /Jautājums jau ir saņemts/);
        assert.match(main, /VSAA-2026-\d{6}/);
        assert.doesNotMatch(main, /Piekļuves kods/);
        assert.equal(replay.headers['cache-control'], 'no-store');
        assert.equal(await countRows(platform, 'inquiries'), before + 1);
        assert.equal(await keyRows(platform, key), 1);
      });

      it('two posts of one form at once file once', async () => {
        const browser = new QuestionBrowser(platform.app);
        const page = await browser.get(FORM);
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const before = await countRows(platform, 'inquiries');
        const fields = { _csrf: csrfTokenIn(page.body), ...formFields, idempotencyKey: key };
        const answers = await Promise.all([browser.postMultipart(FORM, fields), browser.postMultipart(FORM, fields), browser.postMultipart(FORM, fields)]);
        for (const answer of answers) assert.ok([200, 303].includes(answer.statusCode), answer.body);
        assert.equal(await countRows(platform, 'inquiries'), before + 1);
      });

      it('the same key with other content tells the client and gives a fresh key that files it', async () => {
        const browser = new QuestionBrowser(platform.app);
        const page = await browser.get(FORM);
        const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
        const fields = { _csrf: csrfTokenIn(page.body), ...formFields, idempotencyKey: key };
        assert.equal((await browser.postMultipart(FORM, fields)).statusCode, 303);
        const before = await countRows(platform, 'inquiries');
        const changed = await browser.postMultipart(FORM, { ...fields, text: 'Pavisam cits jautājums?' });
        assert.equal(changed.statusCode, 422);
        assert.match(mainOf(changed.body), /jau tika nosūtīta ar citu saturu \(jautājums VSAA-2026-\d{6}\)/);
        assert.match(mainOf(changed.body), /Pavisam cits jautājums\?/, 'the typed text is kept');
        const fresh = /name="idempotencyKey" value="([^"]+)"/.exec(changed.body)?.[1] ?? '';
        assert.ok(fresh && fresh !== key);
        assert.equal(await countRows(platform, 'inquiries'), before);
        const again = await browser.postMultipart(FORM, { ...fields, _csrf: csrfTokenIn(changed.body), text: 'Pavisam cits jautājums?', idempotencyKey: fresh });
        assert.equal(again.statusCode, 303);
        assert.equal(await countRows(platform, 'inquiries'), before + 1);
      });
    });
  });
}
