import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { buildApplication } from '../../app/app.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { redactedRequestSerializer } from './personal-codes.api.ts';

type Validity = { valid: boolean; format: string | null; birthDate?: string | null; reason?: string; message?: { lv: string; en: string } };

for (const target of testTargets()) {
  describe(`GET /api/v1/personal-codes/{code}/validity (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    async function validity(code: string): Promise<Validity> {
      const response = await platform.app.inject({ url: `/api/v1/personal-codes/${encodeURIComponent(code)}/validity` });
      assert.equal(response.statusCode, 200, `${code}: ${response.body}`);
      assert.equal(response.headers['cache-control'], 'no-store');
      return response.json() as Validity;
    }

    it('accepts the valid examples of LEGAL.md', async () => {
      assert.deepEqual(await validity('010190-10001'), { valid: true, format: 'old', birthDate: '1990-01-01' });
      assert.deepEqual(await validity('290204-21208'), { valid: true, format: 'old', birthDate: '2004-02-29' });
      assert.deepEqual(await validity('320000-00000'), { valid: true, format: 'new', birthDate: null });
      assert.deepEqual(await validity(' 01019010001 '), { valid: true, format: 'old', birthDate: '1990-01-01' });
    });

    it('explains invalid codes with a reason and a message in Latvian and English', async () => {
      const cases: Array<[string, string]> = [
        ['010190-10002', 'bad-check-digit'],
        ['310490-10018', 'impossible-date'],
        ['010190-30002', 'bad-century'],
        ['12345', 'bad-length'],
        ['01019O-10001', 'not-digits'],
        ['910190-10001', 'bad-new-prefix'],
        [' ', 'empty'],
      ];
      for (const [code, reason] of cases) {
        const result = await validity(code);
        assert.equal(result.valid, false, code);
        assert.equal(result.reason, reason, code);
        assert.ok(result.message && result.message.lv.length > 10 && result.message.en.length > 10, code);
        assert.notEqual(result.message?.lv, result.message?.en);
      }
    });

    it('refuses an absurdly long input with 400 (not a 500)', async () => {
      const response = await platform.app.inject({ url: `/api/v1/personal-codes/${'1'.repeat(65)}/validity` });
      assert.equal(response.statusCode, 400);
      assert.deepEqual((response.json() as { errors: Array<{ field: string }> }).errors.map((e) => e.field), ['code']);
    });

    it('is documented under the personal-codes tag', async () => {
      const doc = (await platform.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { tags?: string[] } }> };
      assert.deepEqual(doc.paths['/api/v1/personal-codes/{code}/validity']?.get?.tags, ['personal-codes']);
    });

    it('keeps the code out of the request log', async () => {
      const lines: string[] = [];
      const stream = new Writable({
        write(chunk, _encoding, done) {
          lines.push(String(chunk));
          done();
        },
      });
      const app = await buildApplication(platform.deps, { logger: { level: 'info', stream } });
      try {
        await app.ready();
        const response = await app.inject({ url: '/api/v1/personal-codes/010190-10001/validity?lang=en' });
        assert.equal(response.statusCode, 200);
        assert.equal((response.json() as Validity).valid, true);
        const bad = await app.inject({ url: '/api/v1/personal-codes/31049010018/validity' });
        assert.equal((bad.json() as Validity).reason, 'impossible-date');
        // Another route still logs its URL: the redaction is specific to the validity route.
        await app.inject({ url: '/api/v1/calendar?from=2026-01-01&to=2026-01-02' });
      } finally {
        await app.close();
      }
      const log = lines.join('');
      // One line per request (src/platform/http/request-log.ts), with the URL redacted.
      const incoming = lines.filter((l) => l.includes('request completed'));
      assert.equal(incoming.length, 3, log);
      assert.match(incoming[0] ?? '', /"url":"\/api\/v1\/personal-codes\/\[redacted\]\/validity/);
      assert.match(incoming[2] ?? '', /"url":"\/api\/v1\/calendar\?from=2026-01-01/);
      for (const secret of ['010190', '10001', '310490', '31049010018', '10018']) assert.ok(!log.includes(secret), `log contains ${secret}`);
    });
  });
}

describe('redactedRequestSerializer', () => {
  it('keeps method and client address but never the path parameter', () => {
    const request = {
      method: 'GET',
      url: '/api/v1/personal-codes/010190-10001/validity',
      headers: {},
      host: 'localhost',
      ip: '127.0.0.1',
      socket: { remotePort: 1234 },
    } as unknown as FastifyRequest;
    const serialized = redactedRequestSerializer(request);
    assert.deepEqual(serialized, {
      method: 'GET',
      url: '/api/v1/personal-codes/[redacted]/validity',
      version: undefined,
      host: 'localhost',
      remoteAddress: '127.0.0.1',
      remotePort: 1234,
    });
    assert.ok(!JSON.stringify(serialized).includes('10001'));
  });
});
