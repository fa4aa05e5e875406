import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyFormbody from '@fastify/formbody';
import { Temporal } from 'temporal-polyfill';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { registerPageCache, type PageCache } from './page-cache.ts';

/** A small app with the cache in front of counted routes, the cookie, CSRF and language parts like the platform's. */
async function cachedApp(ttlMs: number, now: { instant: Temporal.Instant }, maxBytes?: number) {
  const app = Fastify({ logger: false });
  const made: Record<string, number> = {};
  const count = (name: string) => (made[name] = (made[name] ?? 0) + 1);
  await app.register(fastifyCookie, { secret: 'a test secret of enough length 1234567890' });
  await app.register(fastifyFormbody);
  await app.register(fastifyCsrf, { cookieKey: 'apkalpe_csrf', cookieOpts: { path: '/', signed: true, httpOnly: true } });
  app.decorateRequest('lang', 'lv');
  app.addHook('onRequest', async (request) => {
    request.lang = (request.query as { lang?: string }).lang === 'en' ? 'en' : 'lv';
  });
  // What the listed writes change: /noted nothing kept, /pages the numbered pages, /slower-write the slower page.
  const writeChanges = new Map([['POST /noted', []], ['POST /pages', ['/page/:n']], ['POST /slower-write', ['/slower']]]);
  const routes = new Set(['/page/:n', '/other', '/form', '/form2', '/slow', '/slower', '/cookie', '/fails']);
  const cache = registerPageCache(app, { ttlMs, clock: () => now.instant, routes, writeChanges, ...(maxBytes ? { maxBytes } : {}) }) as PageCache;
  app.get('/page/:n', async (request) => `page ${(request.params as { n: string }).n} ${request.lang} #${count('page')}`);
  app.get('/private', async () => `private #${count('private')}`);
  app.get('/form', async (_request, reply) => reply.type('text/html').send(`<form><input type="hidden" name="_csrf" value="${reply.generateCsrf()}"></form> #${count('form')}`));
  app.post('/form', { preHandler: app.csrfProtection }, async () => 'posted');
  // Two forms with one token, a one-time key and letters of two bytes before, between and after them.
  app.get('/form2', async (_request, reply) => {
    const token = reply.generateCsrf();
    const field = `<input type="hidden" name="_csrf" value="${token}">`;
    const key = `<input type="hidden" name="idempotencyKey" value="k-${count('form2')}">`;
    return reply.type('text/html').send(`<p>Jautājums</p><form>${field}${key}Iesniegt</form><form>${field}Ķēde</form> ūdens`);
  });
  app.post('/write', async () => 'written');
  for (const path of ['/noted', '/pages', '/slower-write']) app.post(path, async () => 'written');
  app.get('/other', async () => `other #${count('other')}`);
  app.get('/slower', async () => {
    count('slower');
    await sleep(50);
    return 'slower';
  });
  app.post('/refused', async (_request, reply) => reply.code(400).send('refused'));
  app.get('/slow', async () => {
    count('slow');
    await sleep(50);
    return 'slow';
  });
  app.get('/cookie', async (_request, reply) => reply.setCookie('flash', 'x').send(`cookie #${count('cookie')}`));
  app.get('/fails', async (_request, reply) => reply.code(500).send(`fails #${count('fails')}`));
  await app.ready();
  return { app, made, cache };
}

describe('the public page cache', () => {
  const now = { instant: Temporal.Instant.from('2026-11-23T08:00:10Z') };
  let app: FastifyInstance;
  let made: Record<string, number>;
  let cache: PageCache;
  before(async () => {
    ({ app, made, cache } = await cachedApp(60_000, now));
  });
  after(() => app.close());

  it('answers a listed route from memory, per URL and language; an unlisted route never', async () => {
    const first = await app.inject('/page/1');
    const second = await app.inject('/page/1');
    assert.equal(second.body, first.body);
    assert.equal(second.headers['content-type'], first.headers['content-type']);
    assert.equal(made.page, 1);
    assert.equal((await app.inject('/page/1?lang=en')).body, 'page 1 en #2');
    assert.equal((await app.inject('/page/2')).body, 'page 2 lv #3');
    await app.inject('/private');
    assert.equal((await app.inject('/private')).body, 'private #2');
  });

  it('makes the answer again in the next minute', async () => {
    const before = (await app.inject('/page/9')).body;
    now.instant = now.instant.add({ seconds: 60 });
    assert.notEqual((await app.inject('/page/9')).body, before);
  });

  it('forgets everything after a successful write in this process, not after a refused one', async () => {
    const before = (await app.inject('/page/3')).body;
    assert.equal((await app.inject({ method: 'POST', url: '/refused' })).statusCode, 400);
    assert.equal((await app.inject('/page/3')).body, before);
    assert.equal((await app.inject({ method: 'POST', url: '/write' })).statusCode, 200);
    assert.notEqual((await app.inject('/page/3')).body, before);
  });

  it('forgets after a listed write only the routes it changes; after any other write everything', async () => {
    const page = (await app.inject('/page/4')).body;
    await app.inject('/other');
    const others = made.other ?? 0;
    assert.equal((await app.inject({ method: 'POST', url: '/noted' })).statusCode, 200);
    assert.equal((await app.inject('/page/4')).body, page, 'a write that changes nothing kept');
    assert.equal((await app.inject({ method: 'POST', url: '/pages' })).statusCode, 200);
    const remade = (await app.inject('/page/4')).body;
    assert.notEqual(remade, page, 'the changed route is made again');
    await app.inject('/other');
    assert.equal(made.other, others, 'another route stays kept');
    assert.equal((await app.inject({ method: 'POST', url: '/write' })).statusCode, 200);
    assert.notEqual((await app.inject('/page/4')).body, remade);
    await app.inject('/other');
    assert.equal(made.other, others + 1, 'a write not listed: every route made again');
  });

  it('does not keep an answer that a listed write changed while it was being made', async () => {
    const slower = app.inject('/slower');
    await sleep(10);
    assert.equal((await app.inject({ method: 'POST', url: '/slower-write' })).statusCode, 200);
    await slower;
    await app.inject('/slower');
    assert.equal(made.slower, 2, 'made twice: the first answer was not kept');
    await app.inject('/slower');
    assert.equal(made.slower, 2, 'the second answer was kept');
  });

  it('gives each visitor a fresh CSRF token that the form accepts, and the secret cookie to a new visitor', async () => {
    const one = new TestBrowser(app as never);
    const two = new TestBrowser(app as never);
    const pageOne = (await one.get('/form')).body;
    const pageTwo = (await two.get('/form')).body;
    assert.equal(made.form, 1, 'the second visitor got the kept page');
    const token = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.notEqual(token(pageTwo), token(pageOne));
    assert.ok(two.cookies.has('apkalpe_csrf'), 'the new visitor got a CSRF secret');
    const posted = await two.request({ method: 'POST', url: '/form', form: { _csrf: token(pageTwo) } });
    assert.equal(posted.statusCode, 200, posted.body);
    const forged = await two.request({ method: 'POST', url: '/form', form: { _csrf: token(pageOne) } });
    assert.equal(forged.statusCode, 403, 'the first visitor’s token is not the second’s');
  });

  it('changes only the token and the one-time key in a kept form, byte for byte, wherever they are', async () => {
    const first = await new TestBrowser(app as never).get('/form2');
    const second = await new TestBrowser(app as never).get('/form2');
    assert.equal(made.form2, 1, 'the second visitor got the kept page');
    const tokens = (html: string) => [...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]);
    const key = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? '';
    const [token] = tokens(second.body);
    assert.deepEqual(tokens(second.body), [token, token], 'both forms carry the visitor’s one token');
    assert.notEqual(token, tokens(first.body)[0]);
    assert.notEqual(key(second.body), key(first.body));
    assert.match(key(second.body), /^[A-Za-z0-9_-]{22}$/);
    const normalised = (html: string) => html.replaceAll(tokens(html)[0] as string, 'T').replace(key(html), 'K');
    assert.equal(normalised(second.body), normalised(first.body));
    assert.equal(Number(second.headers['content-length']), Buffer.byteLength(second.body));
  });

  it('never keeps an answer that sets another cookie, nor an error', async () => {
    await app.inject('/cookie');
    const again = await app.inject('/cookie');
    assert.equal(again.body, 'cookie #2');
    assert.ok(String(again.headers['set-cookie']).startsWith('flash='));
    await app.inject('/fails');
    assert.equal((await app.inject('/fails')).body, 'fails #2');
  });

  it('makes an answer once for requests that miss together', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => app.inject('/slow')));
    assert.ok(answers.every((a) => a.statusCode === 200 && a.body === 'slow'));
    assert.equal(made.slow, 1);
  });

  it('keeps at most its time: another process’s change is seen after ttlMs', async () => {
    const short = await cachedApp(40, now);
    try {
      await short.app.inject('/page/1');
      await short.app.inject('/page/1');
      assert.equal(short.made.page, 1);
      await sleep(60);
      await short.app.inject('/page/1');
      assert.equal(short.made.page, 2);
    } finally {
      await short.app.close();
    }
  });

  it('is bounded: hostile URLs cannot grow it without limit', async () => {
    for (let i = 0; i < 50; i++) await app.inject(`/page/${'x'.repeat(600)}${i}`);
    assert.ok(cache.size < 50, `${cache.size} entries`);
  });

  it('lets go of expired answers when it keeps a new one: only the living stay in memory', async () => {
    const short = await cachedApp(40, now);
    try {
      for (let i = 0; i < 20; i++) await short.app.inject(`/page/${i}`);
      assert.equal(short.cache.size, 20);
      await sleep(60);
      await short.app.inject('/page/new');
      assert.equal(short.cache.size, 1, 'the twenty expired answers are gone');
      assert.equal(short.cache.keptBytes, Buffer.byteLength('page new lv #21'));
    } finally {
      await short.app.close();
    }
  });

  it('holds at most maxBytes, the oldest answers going first; a personal page is held once, around its token', async () => {
    const small = await cachedApp(60_000, now, 100);
    try {
      for (let i = 0; i < 30; i++) await small.app.inject(`/page/${i}`);
      assert.ok(small.cache.keptBytes <= 100, `${small.cache.keptBytes} bytes`);
      assert.ok(small.cache.size >= 5 && small.cache.size < 10, `${small.cache.size} entries`);
      assert.equal(small.made.page, 30);
      await small.app.inject('/page/29');
      assert.equal(small.made.page, 30, 'the newest answer is still kept');
      await small.app.inject('/page/0');
      assert.equal(small.made.page, 31, 'the oldest was let go');
      const before = small.cache.size;
      const big = await small.app.inject(`/page/${'x'.repeat(95)}`); // an answer of over 100 bytes
      assert.equal(big.statusCode, 200);
      assert.equal(small.cache.size, before, 'an answer larger than maxBytes is not kept and pushes nothing out');
      await small.app.inject('/page/0');
      assert.equal(small.made.page, 32, '/page/0 is still kept (the big answer was the one made)');
    } finally {
      await small.app.close();
    }
    const forms = await cachedApp(60_000, now);
    try {
      const page = (await forms.app.inject('/form')).body;
      const token = /value="([^"]+)"/.exec(page)?.[1] ?? '';
      assert.equal(forms.cache.keptBytes, Buffer.byteLength(page) - token.length);
    } finally {
      await forms.app.close();
    }
  });
});

for (const target of testTargets()) {
  describe(`the page cache in the platform (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { config: { pageCacheMs: 60_000 } });
    });
    after(() => platform.close());

    it('a kept question form still files a question (its CSRF token is the visitor’s own)', async () => {
      await platform.app.inject('/vsaa/jautajums');
      const browser = new TestBrowser(platform.app);
      const page = await browser.get('/vsaa/jautajums');
      assert.equal(page.statusCode, 200);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const posted = await browser.request({ method: 'POST', url: '/vsaa/jautajums', form: { _csrf: token } });
      assert.notEqual(posted.statusCode, 403, 'CSRF accepted');
      assert.ok(posted.statusCode < 500, posted.body.slice(0, 200));
    });

    it('each visitor of a kept form gets a one-time form key of their own (two questions never share one)', async () => {
      const key = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1] ?? '';
      const keys = new Set<string>();
      for (let i = 0; i < 3; i++) keys.add(key((await platform.app.inject('/vsaa/jautajums')).body));
      assert.equal(keys.size, 3, [...keys].join(', '));
      assert.ok(![...keys].includes(''));
    });

    it('a booking in this process is in the kept free slots at once', async () => {
      const today = Temporal.Now.plainDateISO('Europe/Riga');
      const url = `/api/v1/agencies/vsaa/slots?service=pabalsti&centre=riga-lacplesa&from=${today.add({ days: 10 })}&to=${today.add({ days: 20 })}`;
      const freeAt = async (start?: string) => {
        const { slots } = (await platform.app.inject(url)).json() as { slots: Array<{ start: string; free: number }> };
        return start ? (slots.find((slot) => slot.start === start)?.free ?? 0) : slots[0];
      };
      const slot = (await freeAt()) as { start: string; free: number };
      assert.ok(slot, 'a free slot in those days');
      assert.equal(await freeAt(slot.start), slot.free, 'kept');
      const booking = { service: 'pabalsti', centre: 'riga-lacplesa', start: slot.start, name: 'Anna Bērziņa', phone: '+371 20000000' };
      const booked = await platform.app.inject({ method: 'POST', url: '/api/v1/agencies/vsaa/appointments', payload: booking });
      assert.equal(booked.statusCode, 201, booked.body.slice(0, 300));
      assert.equal(await freeAt(slot.start), slot.free - 1, 'seen at once, not after PAGE_CACHE_MS');
    });

    it('an administrator’s calendar change in this process is on the public calendar at once', async () => {
      const url = '/api/v1/calendar?from=2027-05-05&to=2027-05-05';
      const working = async () => ((await platform.app.inject(url)).json() as { days: Array<{ working: boolean }> }).days[0]?.working;
      assert.equal(await working(), true);
      assert.equal(await working(), true, 'kept');
      const admin = await signedInStaff(platform, 'cache-admin@kase.test', 'kase', 'administrator');
      const token = /name="_csrf" value="([^"]+)"/.exec((await admin.get('/staff/kalendars')).body)?.[1] ?? '';
      const form = { kind: 'holiday', date: '2027-05-05', nameLv: 'Vienreizēja svētku diena', nameEn: 'One-off holiday', source: 'tests', _csrf: token };
      const post = await admin.request({ method: 'POST', url: '/staff/kalendars', form });
      assert.equal(post.statusCode, 303, post.body.slice(0, 300));
      assert.equal(await working(), false, 'seen at once, not after PAGE_CACHE_MS');
    });
  });
}
