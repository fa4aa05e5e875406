// Issue 13: each finding, checked where it was found.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/platform/clock.ts';
import { TestBrowser } from '../support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../support/test-platform.ts';
import { addStaff, signedIn, signedInStaff } from '../support/staff-accounts.ts';
import { QuestionBrowser } from '../../src/features/inquiries/public/question-form.testing.ts';
import { maskSecrets } from '../../src/features/outbox/mask-secrets.ts';
import { logCollector } from './fuzz-support.ts';
import { DEFAULT_SHEDDING } from '../../src/platform/http/load-shedding.ts';

const NOW = '2026-11-16T07:00:00Z'; // Monday 09:00 in Riga

function isProblem(response: { headers: Record<string, unknown> }): boolean {
  return String(response.headers['content-type']).startsWith('application/problem+json');
}

for (const target of testTargets()) {
  describe(`hardening (${target})`, { timeout: 300_000 }, () => {
    let platform: TestPlatform;
    const logs = logCollector();
    let admin: TestBrowser;

    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW), logStream: logs.stream, config: { trustProxy: true } });
      admin = await signedInStaff(platform, 'admin@vsaa.example', 'vsaa', 'administrator');
    });
    after(() => platform.close());

    describe('finding 2: input that used to give a 500 gets a field-level 4xx', () => {
      it('a NUL byte in JSON, query strings, forms and path parameters', async () => {
        const json = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/inquiries', payload: { name: 'A\u0000B', email: 'a@example.lv', text: 'Jautājums' } });
        assert.equal(json.statusCode, 400);
        assert.ok(isProblem(json));
        assert.deepEqual((json.json() as { errors: Array<{ field: string; code: string }> }).errors, [{ field: 'name', code: 'forbidden_character', message: 'Teksts satur neatļautu rakstzīmi (NUL).' }]);
        const query = await platform.app.inject({ url: '/api/v1/agencies/vsaa/faq?q=a%00b&lang=en' });
        assert.equal(query.statusCode, 400);
        assert.equal((query.json() as { errors: Array<{ field: string; message: string }> }).errors[0]?.field, 'q');
        assert.match((query.json() as { errors: Array<{ message: string }> }).errors[0]?.message ?? '', /not allowed/);
        const path = await platform.app.inject({ url: '/api/v1/inquiries/VSAA-2026-000001%00' });
        assert.equal(path.statusCode, 400);
        const page = await admin.get('/staff/vsaa/buj?q=%00');
        assert.equal(page.statusCode, 400);
        assert.match(String(page.headers['content-type']), /text\/html/);
      });

      it('a multipart body without a boundary, or cut short', async () => {
        const browser = new QuestionBrowser(platform.app);
        await browser.get('/vsaa/jautajums');
        const noBoundary = await platform.app.inject({ method: 'POST', url: '/vsaa/jautajums', headers: { 'content-type': 'multipart/form-data', cookie: browser.cookieHeader() }, payload: '--x\r\n' });
        assert.equal(noBoundary.statusCode, 400);
        const cut = await platform.app.inject({ method: 'POST', url: '/vsaa/jautajums', headers: { 'content-type': 'multipart/form-data; boundary=zz', cookie: browser.cookieHeader() }, payload: '--zz\r\nContent-Disposition: form-data; name="text"\r\n\r\nab' });
        assert.equal(cut.statusCode, 400);
        assert.match(cut.body, /Veidlapas saturu nevar nolasīt/);
      });

      it('impossible and out-of-range dates', async () => {
        for (const date of ['2026-13-01', '0000-00-00', '+275760-09-13T00:00:00Z', '9999-12-31']) {
          const page = await admin.get(`/staff/vsaa/pieraksti?date=${encodeURIComponent(date)}`);
          assert.equal(page.statusCode, 400, date);
          assert.match(page.body, /date: Ievadiet datumu/);
        }
        const api = await platform.app.inject({ url: '/api/v1/agencies/vsaa/slots?service=pensijas&centre=riga-lacplesa&from=%2B275760-09-13T00%3A00%3A00Z&to=2026-11-20' });
        assert.equal(api.statusCode, 400);
        assert.ok(isProblem(api));
      });

      it('PATCH of a staff appointment with {}', async () => {
        const created = await admin.request({ method: 'POST', url: '/api/v1/staff/vsaa/appointments', json: { service: 'pensijas', centre: 'riga-lacplesa', start: '2026-11-19T09:05:00+02:00', name: 'Ilze Kalniņa', phone: '+371 20000000', email: 'ilze@example.lv' } });
        assert.equal(created.statusCode, 201, created.body);
        const { id } = created.json() as { id: string };
        const empty = await admin.request({ method: 'PATCH', url: `/api/v1/staff/vsaa/appointments/${id}`, json: {} });
        assert.equal(empty.statusCode, 400);
        assert.equal((empty.json() as { errors: Array<{ field: string }> }).errors[0]?.field, 'notes');
      });
    });

    describe('finding 3: framework errors', () => {
      it('bad URL encoding and an over-long path parameter answer problem+json for the API and a page otherwise, without echoing the input', async () => {
        const api = await platform.app.inject({ url: '/api/v1/agencies/%E0%A4%A/faq' });
        assert.equal(api.statusCode, 400);
        assert.ok(isProblem(api));
        const page = await platform.app.inject({ url: '/vsaa%E0%A4%A/kontakti' });
        assert.equal(page.statusCode, 400);
        assert.match(String(page.headers['content-type']), /text\/html/);
        const marker = 'ECHO'.repeat(60);
        const long = await platform.app.inject({ url: `/api/v1/inquiries/${marker}` });
        assert.equal(long.statusCode, 414);
        assert.ok(isProblem(long));
        assert.ok(!long.body.includes('ECHOECHO'));
        const longPage = await platform.app.inject({ url: `/vsaa/jautajums/${marker}` });
        assert.equal(longPage.statusCode, 414);
        assert.ok(!longPage.body.includes('ECHOECHO'));
        assert.equal(longPage.headers['x-frame-options'], 'DENY');
      });

      it('oversize headers: 431 as problem+json for the API and a page otherwise', async () => {
        await platform.app.listen({ port: 0, host: '127.0.0.1' });
        const port = (platform.app.server.address() as { port: number }).port;
        const raw = (path: string) =>
          new Promise<string>((resolve) => {
            const socket = connect(port, '127.0.0.1', () => socket.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nX-Big: ${'ECHO'.repeat(20_000)}\r\n\r\n`));
            let data = '';
            socket.on('data', (chunk) => (data += chunk.toString()));
            socket.on('close', () => resolve(data));
            socket.on('error', () => resolve(data));
          });
        const api = await raw('/api/v1/agencies');
        assert.match(api, /^HTTP\/1\.1 431/);
        assert.match(api, /application\/problem\+json/);
        const page = await raw('/vsaa');
        assert.match(page, /^HTTP\/1\.1 431/);
        assert.match(page, /text\/html/);
        assert.ok(!page.includes('ECHOECHO'));
      });
    });

    describe('finding 6: proxies, cookies and sign-in throttling', () => {
      it('behind a trusted proxy, cookies are Secure, HSTS is sent, and the client address is the forwarded one', async () => {
        const response = await platform.app.inject({ url: '/staff/login', headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' } });
        assert.equal(response.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains');
        const csrf = (response.cookies as Array<{ name: string; secure?: boolean }>).find((c) => c.name === 'apkalpe_csrf');
        assert.equal(csrf?.secure, true);
        const plain = await platform.app.inject({ url: '/staff/login' });
        assert.equal(plain.headers['strict-transport-security'], undefined);
        assert.notEqual((plain.cookies as Array<{ name: string; secure?: boolean }>).find((c) => c.name === 'apkalpe_csrf')?.secure, true);
      });

      it('five wrong passwords from a stranger delay the account by seconds, not 15 minutes', async () => {
        await addStaff(platform, 'target@vsaa.example', 'vsaa', 'specialist');
        const stranger = new TestBrowser(platform.app);
        for (let i = 0; i < 5; i++) await stranger.submitForm('/staff/login', '/staff/login', { email: 'target@vsaa.example', password: `guess-${i}` });
        const refused = await stranger.submitForm('/staff/login', '/staff/login', { email: 'target@vsaa.example', password: 'guess-x' });
        assert.equal(refused.statusCode, 429);
        const wait = Number(refused.headers['retry-after']);
        assert.ok(wait >= 1 && wait <= 60, `retry-after ${wait}`);
        // The clock is fixed in this platform: move the failures back in time by the delay instead.
        await platform.deps.db.execute(sql`update audit_log set at = at - interval '61 seconds' where action = 'staff.sign-in-failed'`).catch(() => undefined);
      });
    });

    describe('finding 7: CSRF tied to the session, staff API JSON only', () => {
      it("B's token with A's session fails", async () => {
        const a = await signedInStaff(platform, 'a@vsaa.example', 'vsaa', 'supervisor');
        const b = await signedInStaff(platform, 'b@vsaa.example', 'vsaa', 'supervisor');
        const tokenB = /name="_csrf" value="([^"]+)"/.exec((await b.get('/staff/vsaa/buj/jauns')).body)?.[1] ?? '';
        const csrfCookieB = b.cookies.get('apkalpe_csrf') ?? '';
        a.cookies.set('apkalpe_csrf', csrfCookieB);
        const forged = await a.request({ method: 'POST', url: '/staff/vsaa/buj/jauns', form: { _csrf: tokenB, question: 'Q', answer: 'A' } });
        assert.equal(forged.statusCode, 403);
        const own = await b.submitForm('/staff/vsaa/buj/jauns', '/staff/vsaa/buj/jauns', { question: 'Kā pieteikt pensiju?', answer: 'Portālā latvija.gov.lv.' });
        assert.notEqual(own.statusCode, 403);
      });

      it('the staff JSON API refuses form-encoded and text/plain bodies with 415', async () => {
        for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
          const response = await platform.app.inject({ method: 'POST', url: '/api/v1/staff/vsaa/answer-templates', headers: { 'content-type': type, cookie: admin.cookieHeader() }, payload: 'title=x&text=y' });
          assert.equal(response.statusCode, 415, type);
          assert.ok(isProblem(response));
        }
      });
    });

    describe('finding 9: uploads judged by their bytes', () => {
      const register = (attachments: Array<{ fileName: string; contentType: string; contentBase64: string }>) =>
        admin.request({
          method: 'POST',
          url: '/api/v1/staff/vsaa/inquiries',
          json: { channel: 'post', receivedOn: '2026-11-16', name: 'Jānis Bērziņš', address: 'Rīga, Brīvības iela 1', text: 'Vēstule', attachments },
        });

      it('an executable called .pdf is refused; a real PDF with a traversal name is stored under its base name', async () => {
        const exe = await register([{ fileName: 'rēķins.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('MZ\x90\x00\x03\x00\x00\x00').toString('base64') }]);
        assert.equal(exe.statusCode, 400, exe.body);
        assert.equal((exe.json() as { errors: Array<{ code: string }> }).errors[0]?.code, 'executable');
        const fake = await register([{ fileName: 'scan.png', contentType: 'image/png', contentBase64: Buffer.from('%PDF-1.4\n%%EOF').toString('base64') }]);
        assert.equal(fake.statusCode, 400);
        assert.equal((fake.json() as { errors: Array<{ code: string }> }).errors[0]?.code, 'content_type_mismatch');
        const ok = await register([{ fileName: '../../x.pdf', contentType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF').toString('base64') }]);
        assert.equal(ok.statusCode, 201, ok.body);
        const rows = (await platform.deps.db.execute(sql`select file_name from inquiry_attachments`)) as unknown as { rows: Array<{ file_name: string }> };
        assert.deepEqual(rows.rows.map((r) => r.file_name), ['x.pdf']);
      });

      it('an archive claiming an absurd unpacked size is refused', async () => {
        const bomb = zipWithEntry('a.xml', 0xfffffff0);
        const response = await register([{ fileName: 'ligums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', contentBase64: bomb.toString('base64') }]);
        assert.equal(response.statusCode, 400, response.body);
        assert.equal((response.json() as { errors: Array<{ code: string }> }).errors[0]?.code, 'archive_too_large');
      });
    });

    describe('finding 11: load shedding', () => {
      it('a saturated process answers public requests 503 with Retry-After, and still serves staff', async () => {
        const busy = await createTestPlatform(target, { shedding: { maxInFlight: 0, maxSubmissionsInFlight: 0, searchConcurrency: 1, searchQueue: 0, maxEventLoopDelayMs: 0, retryAfterSeconds: 7 } });
        try {
          const api = await busy.app.inject({ url: '/api/v1/agencies' });
          assert.equal(api.statusCode, 503);
          assert.equal(api.headers['retry-after'], '7');
          assert.ok(isProblem(api));
          const page = await busy.app.inject({ url: '/vsaa' });
          assert.equal(page.statusCode, 503);
          assert.match(page.body, /pārslogots/);
          assert.equal((await busy.app.inject({ url: '/staff/login' })).statusCode, 200);
          const booking = await busy.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: {} });
          assert.equal(booking.statusCode, 503);
        } finally {
          await busy.close();
        }
      });

      it('reads and submissions have their own bounds: a booking is let through while reads are shed', async () => {
        const shedding = { ...DEFAULT_SHEDDING, maxInFlight: 0, maxSubmissionsInFlight: 1, maxEventLoopDelayMs: 0 };
        const busy = await createTestPlatform(target, { shedding });
        try {
          assert.equal((await busy.app.inject({ url: '/api/v1/agencies' })).statusCode, 503);
          const booking = await busy.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: {} });
          assert.equal(booking.statusCode, 400, booking.body);
          const second = await busy.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: {} });
          assert.equal(second.statusCode, 400, 'a finished submission gives its place back');
        } finally {
          await busy.close();
        }
      });
    });

    it('finding 1: no planted secret in the log of these hostile requests', () => {
      const log = logs.text();
      for (const secret of ['ilze@example.lv', '+371 20000000', 'Ilze Kalniņa', 'guess-1', 'Jānis Bērziņš']) assert.ok(!log.includes(secret), `log holds ${secret}`);
    });
  });
}

describe('finding 8: the outbox masks manage links and access codes', () => {
  it('masks tokens in links, survey tokens and access codes in both languages', () => {
    const text = 'Pārvaldīt: https://x.lv/vsaa/pieraksts/mans/123?token=SeCrEt_Token-123\nAptauja: https://x.lv/vsaa/aptauja/AbCdEf123\nPiekļuves kods: ABCDEFGH23\nAccess code: ABCDEFGH23';
    const masked = maskSecrets(text);
    for (const secret of ['SeCrEt_Token-123', 'AbCdEf123', 'ABCDEFGH23']) assert.ok(!masked.includes(secret), masked);
    assert.match(masked, /mans\/123\?token=•+/);
  });
});

/** A ZIP with one stored entry whose central directory claims `size` unpacked bytes. */
function zipWithEntry(name: string, size: number): Buffer {
  const fileName = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(fileName.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(0, 20);
  central.writeUInt32LE(size, 24);
  central.writeUInt16LE(fileName.length, 28);
  const centralOffset = local.length + fileName.length;
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(1, 8);
  eocd.writeUInt16LE(1, 10);
  eocd.writeUInt32LE(central.length + fileName.length, 12);
  eocd.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, fileName, central, fileName, eocd]);
}

describe('finding 1: the logger never writes a failed query’s parameters or a secret in a URL', () => {
  it('a drizzle/pg error keeps its type, code and query but loses the parameters, the detail and the "params:" line', async () => {
    const { serializeError } = await import('../../src/platform/http/log-redaction.ts');
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), { code: '23505', detail: 'Key (email)=(janis@example.lv) already exists.', where: 'x' });
    const error = Object.assign(new Error('Failed query: insert into inquiries (name, email) values ($1, $2)\nparams: Jānis Bērziņš,janis@example.lv,150583-12349,tok_SECRET'), { params: ['Jānis Bērziņš', 'janis@example.lv'], query: 'insert …', cause });
    const logged = JSON.stringify(serializeError(error));
    for (const secret of ['Jānis', 'janis@example.lv', '150583-12349', 'tok_SECRET']) assert.ok(!logged.includes(secret), logged);
    assert.match(logged, /Failed query: insert into inquiries/);
    assert.match(logged, /"code":"23505"/);
  });

  it('personalCode= and other query values are redacted on any URL; dates and the language stay', async () => {
    const { redactUrl } = await import('../../src/platform/http/log-redaction.ts');
    assert.equal(redactUrl('/vsaa/kontakti?personalCode=150583-12349&lang=en'), '/vsaa/kontakti?personalCode=[redacted]&lang=en');
    assert.equal(redactUrl('/vsaa/pieraksts/mans/0b4c2f9e-6f1a-4c59-9d51-0c8e8f0e1a2b?token=abc'), '/vsaa/pieraksts/mans/0b4c2f9e-6f1a-4c59-9d51-0c8e8f0e1a2b?token=[redacted]');
    assert.equal(redactUrl('/api/v1/calendar?from=2026-01-01'), '/api/v1/calendar?from=2026-01-01');
    assert.equal(redactUrl('/vsaa/jautajums/PQRSTUVWXY'), '/vsaa/jautajums/[redacted]');
  });
});
