import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import type { Agent } from 'node:http';
import { BODY_LIMIT_BYTES } from './app.ts';

const PROBLEM = /^application\/problem\+json/;

for (const target of testTargets()) {
  describe(`errors are problem+json, never 500 (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    it('unknown API route: 404 problem', async () => {
      const res = await platform.app.inject('/api/v1/nothing-here');
      assert.equal(res.statusCode, 404);
      assert.match(res.headers['content-type'] as string, PROBLEM);
      assert.equal(res.json().type, 'https://apkalpe.lv/problems/not-found');
      assert.equal(res.json().title, 'Lapa nav atrasta');
    });

    it('unknown page: 404 HTML page in Latvian, English on request', async () => {
      const lv = await platform.app.inject('/nav/tadas/lapas');
      assert.equal(lv.statusCode, 404);
      assert.match(lv.headers['content-type'] as string, /text\/html/);
      assert.match(lv.body, /<html lang="lv"/);
      assert.match(lv.body, /Lapa nav atrasta/);
      const en = await platform.app.inject('/nav/tadas/lapas?lang=en');
      assert.match(en.body, /Page not found/);
    });

    it('malformed JSON: 400 problem', async () => {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/validate',
        headers: { 'content-type': 'application/json' },
        payload: '{"slug": "demo",',
      });
      assert.equal(res.statusCode, 400);
      assert.match(res.headers['content-type'] as string, PROBLEM);
      assert.equal(res.json().code, 'malformed-body');
    });

    it('body over the limit: 413 problem', async () => {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/validate',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ padding: 'x'.repeat(BODY_LIMIT_BYTES + 10) }),
      });
      assert.equal(res.statusCode, 413);
      assert.match(res.headers['content-type'] as string, PROBLEM);
      assert.equal(res.json().title, 'Pieprasījums ir pārāk liels.');
    });

    it('unsupported content type: 415 problem', async () => {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/agencies/validate',
        headers: { 'content-type': 'application/xml' },
        payload: '<profile/>',
      });
      assert.equal(res.statusCode, 415);
      assert.match(res.headers['content-type'] as string, PROBLEM);
    });

    it('wrong body type: 400 with a field-level error', async () => {
      const res = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/validate', payload: [1, 2], headers: { 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().code, 'validation');
      assert.ok(Array.isArray(res.json().errors) && res.json().errors.length > 0);
    });

    it('profile validation gives field errors in Latvian, or English with ?lang=en', async () => {
      const draft = { slug: 'Bad Slug', name: { lv: 'Iestāde' } };
      const lv = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/validate', payload: draft });
      assert.equal(lv.statusCode, 200);
      assert.equal(lv.json().valid, false);
      const nameEn = lv.json().errors.find((e: { field: string }) => e.field === 'name.en');
      assert.equal(nameEn.message, 'Šis lauks ir obligāts.');
      const en = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/validate?lang=en', payload: draft });
      assert.equal(en.json().errors.find((e: { field: string }) => e.field === 'name.en').message, 'This field is required.');
      assert.ok(en.json().errors.some((e: { field: string }) => e.field === 'slug'));
    });

    it('a form post without a CSRF token is refused with 403', async () => {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/staff/login',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'email=a%40b.lv&password=x',
      });
      assert.equal(res.statusCode, 403);
      assert.match(res.body, /drošības pārbaude/);
    });

    it('odd paths and parameters never give a 500', async () => {
      const urls = [
        '/%',
        '/api/v1/agencies/%E0%A4%A',
        `/api/v1/agencies/${'a'.repeat(5000)}`,
        '/api/v1/agencies/kase/channels?lang[]=x',
        '/vsaa/kontakti?lang=xx',
        '/static/../package.json',
        '/api/health?%zz',
        '/staff/kase/audit',
      ];
      for (const url of urls) {
        const res = await platform.app.inject(url);
        assert.ok(res.statusCode < 500, `${url} gave ${res.statusCode}`);
      }
    });
  });
}

describe('request log lines', () => {
  it('never carry access codes, tokens or personal codes', async () => {
    const { redactUrl } = await import('./app.ts');
    assert.equal(redactUrl('/api/v1/inquiries/VSAA-2026-000001?code=ABCDEFGH23'), '/api/v1/inquiries/VSAA-2026-000001?code=[redacted]');
    assert.equal(redactUrl('/api/v1/appointments/1?lang=en&token=secret'), '/api/v1/appointments/1?lang=en&token=[redacted]');
    assert.equal(redactUrl('/api/v1/personal-codes/010190-10001/validity'), '/api/v1/personal-codes/[redacted]/validity');
    assert.equal(redactUrl('/vsaa/kontakti?lang=en'), '/vsaa/kontakti?lang=en');
  });
});

describe('a body that could not be parsed, over a real connection', () => {
  let platform: TestPlatform;
  let base: string;
  before(async () => {
    platform = await createTestPlatform('pglite');
    base = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  });
  after(() => platform.close());

  /** One request on a keep-alive agent: its status, its Connection header and the client port it went from. */
  async function send(agent: Agent, method: string, path: string, body?: string) {
    const { request } = await import('node:http');
    return new Promise<{ status: number; connection: string | undefined; port: number | undefined }>((resolve, reject) => {
      const req = request(`${base}${path}`, { method, agent, headers: body === undefined ? {} : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        const port = res.socket.localPort;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, port }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('a whole but broken JSON body is refused with 400 and the connection stays open for the next request', async () => {
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await send(agent, 'POST', '/api/v1/agencies/validate', '{"topic":');
    const second = await send(agent, 'POST', '/api/v1/agencies/validate', '{"topic":');
    const health = await send(agent, 'GET', '/api/health');
    agent.destroy();
    assert.deepEqual([first.status, second.status, health.status], [400, 400, 200]);
    assert.notEqual(first.connection, 'close');
    assert.equal(second.port, first.port, 'the second request went on the same connection');
    assert.equal(health.port, first.port);
  });

  it('a body over the limit still closes the connection (the rest of it is never read)', async () => {
    const { Agent } = await import('node:http');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const refused = await send(agent, 'POST', '/api/v1/agencies/validate', JSON.stringify({ a: 'x'.repeat(BODY_LIMIT_BYTES + 10) }));
    agent.destroy();
    assert.equal(refused.status, 413);
    assert.equal(refused.connection, 'close');
  });
});
