// Proof in CI (issue 13): every operation of /api/openapi.json and every public and staff HTML form,
// fed fixed-seed hostile values field by field — no 5xx, API errors always problem+json, no planted
// secret in any log line.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../support/test-platform.ts';
import { TestBrowser } from '../support/http-client.ts';
import { signedInStaff } from '../support/staff-accounts.ts';
import { multipartBody } from '../../src/features/inquiries/public/question-form.testing.ts';
import { baseline, formsOn, HOSTILE_STRINGS, HOSTILE_VALUES, logCollector, PLANTED, seededRandom, type JsonSchema } from './fuzz-support.ts';

const MIN_REQUESTS = 10_000;
const SEED = 20261313;
const REQUEST_TIMEOUT_MS = 10_000;
const RANDOM_UUID = '00000000-0000-4000-8000-00000000abcd';

type Operation = { method: string; path: string; params: Array<{ in: string; name: string; schema?: JsonSchema }>; body?: JsonSchema };
type Outcome = { method: string; url: string; status: number; contentType: string };

const PUBLIC_PAGES = ['/', '/vsaa', '/vsaa/jautajums', '/vsaa/jautajums/sekot', '/vsaa/atsauksme', '/vsaa/pieraksts', '/kase/rinda', '/staff/login'];
const STAFF_PAGES = [
  '/staff/vsaa',
  '/staff/vsaa/iesniegumi/registret',
  '/staff/vsaa/iesniegumi/veidnes',
  '/staff/vsaa/buj/jauns',
  '/staff/vsaa/pieraksti/jauns',
  '/staff/vsaa/pieraksti/slegsana',
  '/staff/vsaa/atsauksmes/jauna',
  '/staff/vsaa/atsauksmes/zvans',
  '/staff/kalendars',
];

for (const target of testTargets()) {
  describe(`fuzz from the OpenAPI document and the HTML forms (${target})`, { timeout: 1_800_000 }, () => {
    let platform: TestPlatform;
    const logs = logCollector();
    let staff: TestBrowser;
    let visitor: TestBrowser;
    let inquiryId = RANDOM_UUID;
    const outcomes: Outcome[] = [];
    const random = seededRandom(SEED);
    let address = 0;

    before(async () => {
      platform = await createTestPlatform(target, { logStream: logs.stream });
      staff = await signedInStaff(platform, 'fuzz.admin@vsaa.example', 'vsaa', 'administrator');
      visitor = new TestBrowser(platform.app);
      await visitor.get('/vsaa/jautajums');
      const filed = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/vsaa/inquiries',
        payload: { subject: 'Pensija', text: `Mans personas kods ir ${PLANTED.personalCode}.`, name: PLANTED.name, email: PLANTED.email, phone: PLANTED.phone, personalCode: PLANTED.personalCode, replyChannel: 'email' },
      });
      if (filed.statusCode === 201) inquiryId = (filed.json() as { id: string }).id;
      await visitor.submitForm('/staff/login', '/staff/login', { email: PLANTED.email, password: PLANTED.password });
    });
    after(() => platform.close());

    async function send(browser: TestBrowser | null, method: string, url: string, headers: Record<string, string>, payload?: string | Buffer) {
      address = (address + 1) % 60_000;
      const allHeaders = { ...headers, ...(browser && browser.cookies.size ? { cookie: browser.cookieHeader() } : {}) };
      const remoteAddress = `10.${(address >> 8) & 255}.${address & 255}.${1 + (address % 200)}`;
      const pending = platform.app.inject({ method: method as 'GET', url, headers: allHeaders, ...(payload !== undefined ? { payload } : {}), remoteAddress });
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms: ${method} ${url.slice(0, 200)}`)), REQUEST_TIMEOUT_MS);
      });
      const response = await Promise.race([pending, timeout]).finally(() => clearTimeout(timer));
      outcomes.push({ method, url: url.slice(0, 200), status: response.statusCode, contentType: String(response.headers['content-type'] ?? '') });
      return response;
    }

    function operations(doc: { paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } }>> }): Operation[] {
      return Object.entries(doc.paths).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          params: op.parameters ?? [],
          ...(op.requestBody?.content?.['application/json']?.schema ? { body: op.requestBody.content['application/json'].schema } : {}),
        })),
      );
    }

    function pathValue(op: Operation, name: string): string {
      if (name === 'agency' || name === 'slug') return 'vsaa';
      if (name === 'centre') return 'riga-lacplesa';
      if (name === 'id' && op.path.includes('/inquiries/')) return inquiryId;
      return RANDOM_UUID;
    }

    function urlOf(op: Operation, pathOverride: Record<string, string>, query: Record<string, string>): string {
      const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodePart(pathOverride[name] ?? pathValue(op, name)));
      const qs = new URLSearchParams(query).toString();
      return qs ? `${path}?${qs}` : path;
    }

    function encodePart(value: string): string {
      try {
        return encodeURIComponent(value);
      } catch {
        return '%ED%A0%80'; // a lone surrogate, as malformed UTF-8
      }
    }

    function pick<T>(list: readonly T[]): T {
      return list[Math.floor(random() * list.length)] as T;
    }

    async function fuzzOperation(op: Operation, mutations: number): Promise<void> {
      const query: Record<string, string> = {};
      for (const p of op.params.filter((p) => p.in === 'query')) query[p.name] = String(baseline(p.schema, { uuid: RANDOM_UUID }));
      const body = op.body ? (baseline(op.body, { uuid: RANDOM_UUID }) as Record<string, unknown>) : undefined;
      const jsonHeaders = { 'content-type': 'application/json' };
      const fire = (path: Record<string, string>, q: Record<string, string>, b: unknown) =>
        send(staff, op.method, urlOf(op, path, q), b === undefined ? {} : jsonHeaders, b === undefined ? undefined : JSON.stringify(b));
      for (let i = 0; i < mutations; i++) {
        const hostile = pick(HOSTILE_STRINGS);
        const roll = random();
        const pathParams = op.params.filter((p) => p.in === 'path');
        if (roll < 0.25 && pathParams.length) {
          await fire({ [pick(pathParams).name]: hostile }, query, body);
        } else if (roll < 0.5 && Object.keys(query).length) {
          await fire({}, { ...query, [pick(Object.keys(query))]: hostile }, body);
        } else if (body && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length) {
          const key = pick(Object.keys(body));
          const value = random() < 0.7 ? hostile : pick(HOSTILE_VALUES);
          const mutated = random() < 0.1 ? pick<unknown>([{}, [], null, 'text', { ...body, extra: hostile }]) : { ...body, [key]: value };
          await fire({}, query, mutated);
        } else if (op.method !== 'GET' && random() < 0.5) {
          await send(staff, op.method, urlOf(op, {}, query), { 'content-type': pick(['application/json', 'text/plain', 'application/x-www-form-urlencoded']) }, pick(['{', '\u0000', '{"a":"\u0000"}', 'a=%00', hostile]));
        } else {
          await fire({}, { ...query, [pick(['q', 'from', 'date', 'lang', 'page'])]: hostile }, body);
        }
      }
    }

    async function fuzzForms(browser: TestBrowser, pages: string[], rounds: number): Promise<number> {
      let forms = 0;
      for (const page of pages) {
        const html = (await browser.get(page)).body;
        for (const form of formsOn(html, page).filter((f) => !f.action.includes('logout'))) {
          forms++;
          const names = Object.keys(form.fields).filter((n) => n !== '_csrf');
          for (let i = 0; i < rounds; i++) {
            const fields = { ...form.fields };
            for (const name of names.length ? [pick(names), pick(names)] : []) fields[name] = pick(HOSTILE_STRINGS);
            if (form.multipart) {
              const { payload, contentType } = await multipartBody(fields, random() < 0.3 ? [{ name: pick(HOSTILE_STRINGS) || 'a.pdf', type: 'application/pdf', content: '%PDF-1.4 x' }] : []);
              await send(browser, 'POST', form.action, { 'content-type': contentType }, random() < 0.1 ? payload.subarray(0, Math.floor(payload.length / 2)) : payload);
            } else {
              await send(browser, 'POST', form.action, { 'content-type': 'application/x-www-form-urlencoded' }, new URLSearchParams(fields).toString());
            }
          }
        }
      }
      return forms;
    }

    it(`sends at least ${MIN_REQUESTS} hostile requests without a 5xx, a non-problem API error or a logged secret`, async () => {
      const cpuAtStart = process.cpuUsage();
      const doc = (await platform.app.inject({ url: '/api/openapi.json' })).json();
      // The display board's event stream never ends by design: it is not a request/response operation.
      const ops = operations(doc).filter((op) => !op.path.endsWith('/board/events'));
      assert.ok(ops.length > 50, `only ${ops.length} operations in the document`);
      const formCount = (await fuzzForms(visitor, PUBLIC_PAGES, 30)) + (await fuzzForms(staff, STAFF_PAGES, 30));
      assert.ok(formCount >= 10, `only ${formCount} forms found`);
      // Broken multipart bodies: without a boundary, and cut short.
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await visitor.get('/vsaa/jautajums')).body)?.[1] ?? '';
      await send(visitor, 'POST', '/vsaa/jautajums', { 'content-type': 'multipart/form-data' }, '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb');
      await send(visitor, 'POST', '/vsaa/jautajums', { 'content-type': 'multipart/form-data; boundary=zz' }, `--zz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}\r\n--zz\r\nContent-Disposition: form-data; name="subject"\r\n\r\nab`);
      const perOperation = Math.ceil((MIN_REQUESTS - outcomes.length) / ops.length) + 1;
      for (const op of ops) await fuzzOperation(op, perOperation);

      const serverErrors = outcomes.filter((o) => o.status >= 500);
      const nonProblem = outcomes.filter((o) => o.url.startsWith('/api/') && o.status >= 400 && !o.contentType.startsWith('application/problem+json'));
      const log = logs.text();
      const leaked = Object.entries(PLANTED).filter(([, secret]) => log.includes(secret) || log.includes(JSON.stringify(secret).slice(1, -1)));
      const summary = (list: Outcome[]) => list.slice(0, 15).map((o) => `${o.status} ${o.method} ${o.url} ${o.contentType}`).join('\n');
      assert.ok(outcomes.length >= MIN_REQUESTS, `${outcomes.length} requests`);
      assert.equal(serverErrors.length, 0, `5xx answers:\n${summary(serverErrors)}`);
      assert.equal(nonProblem.length, 0, `API errors that are not problem+json:\n${summary(nonProblem)}`);
      const leakedLines = logs.lines.filter((line) => leaked.some(([, secret]) => line.includes(secret))).slice(0, 5);
      assert.deepEqual(leaked.map(([k]) => k), [], `planted secrets found in the log:\n${leakedLines.map((l) => l.slice(0, 400)).join('\n')}`);
      const cpu = process.cpuUsage(cpuAtStart);
      process.stdout.write(`# fuzz (${target}): ${outcomes.length} requests, ${ops.length} operations, ${formCount} forms, ${serverErrors.length} 5xx, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s\n`);
    });
  });
}
