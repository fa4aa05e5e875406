import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import { Temporal } from 'temporal-polyfill';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { Writable } from 'node:stream';
import { languageHook } from './language.ts';
import { loggerOptions } from './log-redaction.ts';
import { registerPageCache, type PageCache } from './page-cache.ts';
import { cacheFastPath, serverWithFastPath } from './page-cache.fast-path.ts';
import { CSRF_COOKIE, CSRF_COOKIE_OPTIONS, rawCsrfMinter } from './csrf-binding.ts';

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

describe('kept pages answered before Fastify (the fast path)', () => {
  const now = { instant: Temporal.Instant.from('2026-11-23T08:00:10Z') };
  let app: FastifyInstance;
  let base: string;
  let cache: PageCache;
  const reachedFastify: string[] = [];
  const logLines: string[] = [];
  before(async () => {
    const { serverFactory, setFastPath } = serverWithFastPath();
    const stream = new Writable({ write: (chunk, _encoding, done) => (logLines.push(...String(chunk).trim().split('\n')), done()) });
    app = Fastify({ logger: { ...loggerOptions('info'), stream }, serverFactory, keepAliveTimeout: 1234 });
    await app.register(fastifyCookie, { secret: 'a test secret of enough length 1234567890' });
    const secret = 'a test secret of enough length 1234567890';
    await app.register(fastifyCsrf, {
      cookieKey: CSRF_COOKIE,
      cookieOpts: { ...CSRF_COOKIE_OPTIONS },
      getUserInfo: () => 'anonymous',
      csrfOpts: { hmacKey: secret, userInfo: true },
    });
    app.decorateRequest('lang', 'lv');
    app.decorateRequest('t', null as never);
    app.addHook('onRequest', async (request) => void reachedFastify.push(`${request.method} ${request.url}`));
    app.addHook('onRequest', languageHook);
    cache = registerPageCache(app, { ttlMs: 60_000, clock: () => now.instant, routes: new Set(['/page', '/api/page', '/form']) }) as PageCache;
    let closing = false;
    app.addHook('preClose', (done) => ((closing = true), done()));
    const mintCsrf = rawCsrfMinter(app, secret, false);
    setFastPath(cacheFastPath({ cache, log: app.log, parseCookie: (h) => app.parseCookie(h), isClosing: () => closing, mintCsrf }));
    let made = 0;
    app.get('/page', async (request, reply) => reply.header('x-frame-options', 'DENY').type('text/html; charset=utf-8').send(`<p>${request.lang} ${++made} ā</p>`));
    app.get('/api/page', async (request) => ({ lang: request.lang, made: ++made }));
    app.get('/form', async (_request, reply) => reply.type('text/html').send(`<input name="_csrf" value="${reply.generateCsrf({ userInfo: 'anonymous' })}">`));
    app.post('/form', { preHandler: app.csrfProtection }, async () => 'posted');
    base = await listen(app);
  });
  after(() => app.close());

  it('answers a kept page with the same status, headers and bytes, without reaching Fastify', async () => {
    reachedFastify.length = 0;
    const first = await fetch(`${base}/page`);
    const firstBody = await first.text();
    const second = await fetch(`${base}/page`);
    assert.equal(await second.text(), firstBody);
    assert.equal(second.status, 200);
    for (const name of ['content-type', 'content-length', 'x-frame-options']) assert.equal(second.headers.get(name), first.headers.get(name), name);
    assert.deepEqual(reachedFastify, ['GET /page'], 'the second request was answered before Fastify');
    assert.equal(app.server.keepAliveTimeout, 1234, 'the server keeps Fastify’s timeouts');
  });

  it('logs each answer from memory as one line, its URL redacted like every other request line', async () => {
    await fetch(`${base}/page?q=010190-10001&lang2=x`);
    logLines.length = 0;
    await fetch(`${base}/page?q=010190-10001&lang2=x`);
    const lines = logLines.map((line) => JSON.parse(line) as { msg: string; kept?: boolean; req?: { url: string }; res?: { statusCode: number } });
    const kept = lines.filter((line) => line.kept);
    assert.equal(kept.length, 1, JSON.stringify(lines));
    assert.equal(kept[0]?.req?.url, '/page?q=[redacted]&lang2=[redacted]');
    assert.equal(kept[0]?.res?.statusCode, 200);
    assert.ok(!logLines.join('\n').includes('010190'), 'no personal code in the log');
  });

  it('keys by language like the platform: the lang cookie and, for the API, Accept-Language; ?lang= goes to Fastify', async () => {
    reachedFastify.length = 0;
    assert.match(await (await fetch(`${base}/page`, { headers: { cookie: 'lang=en' } })).text(), /<p>en /);
    assert.match(await (await fetch(`${base}/page`, { headers: { cookie: 'other=1; lang=en' } })).text(), /<p>en /);
    assert.match(await (await fetch(`${base}/page`, { headers: { 'accept-language': 'en' } })).text(), /<p>lv /, 'pages ignore Accept-Language');
    assert.equal(((await (await fetch(`${base}/api/page`, { headers: { 'accept-language': 'en-GB,lv' } })).json()) as { lang: string }).lang, 'en');
    assert.equal(((await (await fetch(`${base}/api/page`, { headers: { 'accept-language': 'en-GB,lv' } })).json()) as { lang: string }).lang, 'en');
    await fetch(`${base}/page?lang=en`);
    await fetch(`${base}/page?lang=en`);
    assert.deepEqual(reachedFastify, ['GET /page', 'GET /api/page', 'GET /page?lang=en', 'GET /page?lang=en']);
  });

  it('gives each visitor of a kept form a token of their own, and a new visitor the secret cookie, without Fastify', async () => {
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    await fetch(`${base}/form`);
    reachedFastify.length = 0;
    const fresh = await fetch(`${base}/form`);
    const cookie = fresh.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^apkalpe_csrf=[^;]+; Path=\/; HttpOnly; SameSite=Strict$/);
    const freshBody = await fresh.text();
    const freshToken = token(freshBody);
    assert.ok(freshToken, freshBody);
    const returning = await fetch(`${base}/form`, { headers: { cookie: cookie.split(';')[0] ?? '' } });
    assert.equal(returning.headers.get('set-cookie'), null, 'a returning visitor keeps the secret they have');
    const returningToken = token(await returning.text());
    assert.notEqual(returningToken, freshToken);
    assert.deepEqual(reachedFastify, [], 'both answered before Fastify');
    for (const _csrf of [freshToken, returningToken]) {
      const post = await fetch(`${base}/form`, {
        method: 'POST',
        headers: { cookie: cookie.split(';')[0] ?? '', 'content-type': 'application/json' },
        body: JSON.stringify({ _csrf }),
      });
      assert.equal(post.status, 200, 'the minted token is accepted with the visitor’s secret');
    }
    const forged = await fetch(`${base}/form`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ _csrf: freshToken }) });
    assert.equal(forged.status, 403, 'without the secret the token is worth nothing');
  });

  it('leaves to Fastify what it must do itself: a form for a visitor with other cookies, HEAD, unknown URLs', async () => {
    reachedFastify.length = 0;
    await fetch(`${base}/form`, { headers: { cookie: 'apkalpe_session=abc' } });
    await fetch(`${base}/page`, { method: 'HEAD' });
    await fetch(`${base}/nothing`);
    assert.deepEqual(reachedFastify, ['GET /form', 'HEAD /page', 'GET /nothing']);
  });

  it('stops answering from memory after a write and at the next minute', async () => {
    const before = await (await fetch(`${base}/page`)).text();
    cache.invalidate();
    assert.notEqual(await (await fetch(`${base}/page`)).text(), before);
    const kept = await (await fetch(`${base}/page`)).text();
    now.instant = now.instant.add({ minutes: 1 });
    assert.notEqual(await (await fetch(`${base}/page`)).text(), kept);
  });
});

for (const target of testTargets()) {
  describe(`the fast path in the platform (${target})`, () => {
    let platform: TestPlatform;
    let base: string;
    before(async () => {
      platform = await createTestPlatform(target, { config: { pageCacheMs: 60_000 } });
      base = await listen(platform.app);
    });
    after(() => platform.close());

    it('a kept question form answered early still files a question with the token and cookie it gave', async () => {
      await fetch(`${base}/vsaa/jautajums`);
      const page = await fetch(`${base}/vsaa/jautajums`);
      const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      assert.match(cookie, /^apkalpe_csrf=/);
      const token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
      const posted = await fetch(`${base}/vsaa/jautajums`, {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: token }).toString(),
      });
      assert.notEqual(posted.status, 403, 'CSRF accepted');
      assert.ok(posted.status < 500);
    });

    it('a kept form answered early carries a fresh one-time form key for each visitor', async () => {
      const key = async () => /name="idempotencyKey" value="([^"]+)"/.exec(await (await fetch(`${base}/vsaa/jautajums`)).text())?.[1];
      const keys = new Set([await key(), await key(), await key()]);
      assert.equal(keys.size, 3);
      assert.ok(!keys.has(undefined));
    });

    for (const path of ['/vsaa/standarts', '/api/v1/agencies/kase/channels', '/api/health']) {
      it(`${path}: the kept answer is the one Fastify gave, security headers included`, async () => {
        const first = await fetch(`${base}${path}`);
        const firstBody = await first.text();
        const second = await fetch(`${base}${path}`);
        assert.equal(await second.text(), firstBody);
        const headers = (r: Response) => {
          const kept: Record<string, string> = {};
          r.headers.forEach((value, name) => {
            if (!['date', 'keep-alive', 'connection'].includes(name)) kept[name] = value;
          });
          return kept;
        };
        assert.deepEqual(headers(second), headers(first));
        assert.ok(second.headers.get('content-security-policy')?.includes("frame-ancestors 'none'"));
      });
    }
  });
}
