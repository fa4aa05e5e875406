import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { epochMillisecondsOf, type Clock } from '../clock.ts';
import { redactUrl } from './log-redaction.ts';

/**
 * A short-lived per-process cache of the public pages and public JSON answers that are the same for every visitor:
 * what they show changes only with the minute (open now, today's slots) or with a write. An answer is kept for
 * `ttlMs` (PAGE_CACHE_MS, 1 s by default) and never past the minute it was made in; a successful write (POST, PUT,
 * PATCH, DELETE answered below 400) in this process drops the kept answers it may change at once (`writeChanges`;
 * every kept answer for a write not listed there), so a process reads its own writes; another process's write is
 * seen within `ttlMs`. Forms keep working: the page's CSRF token is replaced by
 * a fresh one for the visitor on every answer. Only the listed route patterns are kept, only 200 answers, never an
 * answer that sets a cookie other than the CSRF secret or the language.
 */
export type PageCacheOptions = {
  ttlMs: number;
  clock: Clock;
  /** Route patterns (as registered, e.g. '/:agency/buj') whose GET answers may be kept. */
  routes: ReadonlySet<string>;
  maxEntries?: number;
  maxBodyBytes?: number;
  /** All kept answers' bytes together at most (the oldest go first). */
  maxBytes?: number;
  /**
   * The kept routes a successful write may change, by its method and route pattern ('POST /:agency/jautajums' → []):
   * its answer drops the answers of those routes only. A write not listed drops every kept answer (a staff edit).
   */
  writeChanges?: ReadonlyMap<string, readonly string[]>;
};

export type Entry = {
  status: number;
  headers: Record<string, string>;
  /** The bytes as they were made, sent as they are; empty for a personal page (its `holes` hold the bytes). */
  body: Buffer;
  /** What this entry holds in memory (the body or the pieces around the holes). */
  bytes: number;
  /** A personal page cut around the values each visitor gets their own of (`personalize`), or null. */
  holes: Holes | null;
  /** The kept page's CSRF token: the page is a form whose visitors each get their own. */
  csrfToken: string | null;
  expiresAt: number;
  generation: number;
  /** The route pattern the answer was made by (a write drops the answers of the routes it changes). */
  route: string;
  /** The headers with the length, for answers that are not personal sent straight from Node's request handler (page-cache.fast-path.ts). */
  rawHeaders: Record<string, string>;
  /** The URL as the request log may show it (worked out once), or null when the route is not logged. */
  loggedUrl: string | null;
};

type Making = { done: Promise<Entry | undefined>; settle: (entry: Entry | undefined) => void; route: string };
/** A request that found nothing kept and makes the answer: the key, its route, the generations it started in. */
export type Miss = { key: string; generation: number; routeGeneration: number; making: Making };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const CACHEABLE_COOKIES = new Set(['apkalpe_csrf', 'lang']);
const CSRF_FIELD = /name="_csrf" value="([^"]+)"/;
const FORM_KEY_FIELD = /name="idempotencyKey" value="([^"]*)"/;

/** The bytes between the per-visitor values (`parts`, one more than `kinds`) and which value goes in each gap. */
type Holes = { parts: Buffer[]; kinds: Array<'csrf' | 'formKey'> };

export function isPersonal(entry: Entry): boolean {
  return entry.holes !== null;
}

/**
 * A kept page with this visitor's own CSRF token (when it has one) and a fresh one-time form key: the kept bytes
 * around the values are copied as they are, so a form costs no search through the page and no text encoding.
 */
export function personalize(entry: Entry, csrfToken: string | null): Buffer {
  if (!entry.holes) return entry.body;
  const { parts, kinds } = entry.holes;
  // A form's hidden one-time key (a retried post files once): every visitor gets a fresh one, never another's.
  const formKey = kinds.includes('formKey') ? Buffer.from(randomBytes(16).toString('base64url')) : null;
  const token = Buffer.from(csrfToken ?? entry.csrfToken ?? '');
  const pieces: Buffer[] = [parts[0] as Buffer];
  kinds.forEach((kind, i) => pieces.push(kind === 'csrf' ? token : (formKey as Buffer), parts[i + 1] as Buffer));
  return Buffer.concat(pieces);
}

/** Cuts `payload` around every occurrence of the CSRF token and of the form key's value. */
function holesOf(payload: string, csrfToken: string | null, formKey: string | null): Holes | null {
  const found: Array<{ at: number; length: number; kind: 'csrf' | 'formKey' }> = [];
  const collect = (needle: string, offset: number, length: number, kind: 'csrf' | 'formKey') => {
    for (let at = payload.indexOf(needle); at !== -1; at = payload.indexOf(needle, at + needle.length)) found.push({ at: at + offset, length, kind });
  };
  if (csrfToken) collect(csrfToken, 0, csrfToken.length, 'csrf');
  if (formKey) collect(`name="idempotencyKey" value="${formKey}"`, 'name="idempotencyKey" value="'.length, formKey.length, 'formKey');
  if (found.length === 0) return null;
  found.sort((a, b) => a.at - b.at);
  const parts: Buffer[] = [];
  let from = 0;
  for (const hole of found) {
    parts.push(Buffer.from(payload.slice(from, hole.at)));
    from = hole.at + hole.length;
  }
  parts.push(Buffer.from(payload.slice(from)));
  return { parts, kinds: found.map((hole) => hole.kind) };
}
const MAX_URL_LENGTH = 512;
const EMPTY = Buffer.alloc(0);
const MINUTE_MS = 60_000;
const LOGS_INFO = new Set(['trace', 'debug', 'info']);

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  /** Answers being made now: the requests that miss the same key meanwhile wait for the first one's answer. */
  private readonly making = new Map<string, Making>();
  private generation = 0;
  /** Per route pattern: bumped by each write that changes the route's answers. */
  private readonly routeGenerations = new Map<string, number>();
  private bytes = 0;
  private readonly maxEntries: number;
  private readonly maxBodyBytes: number;
  private readonly maxBytes: number;
  private readonly nowMs: () => number;

  constructor(private readonly options: PageCacheOptions) {
    this.nowMs = epochMillisecondsOf(options.clock);
    this.maxEntries = options.maxEntries ?? 2_000;
    this.maxBodyBytes = options.maxBodyBytes ?? 512 * 1024;
    this.maxBytes = options.maxBytes ?? 16 * 1024 * 1024;
  }

  get size(): number {
    return this.entries.size;
  }

  /** The bytes all kept answers hold. */
  get keptBytes(): number {
    return this.bytes;
  }

  /** The key of a request whose answer may be kept, or null. */
  keyOf(request: FastifyRequest): string | null {
    if (request.method !== 'GET' || request.url.length > MAX_URL_LENGTH) return null;
    if (!this.options.routes.has(request.routeOptions.url ?? '')) return null;
    return this.keyFor(request.lang, request.url);
  }

  /** The key of a GET of `url` in `lang`: only answers of the listed routes are ever kept under it. */
  keyFor(lang: string, url: string): string {
    const minute = Math.floor(this.nowMs() / MINUTE_MS);
    return `${lang}|${minute}|${url}`;
  }

  find(key: string, now = Date.now()): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.generation !== this.generation || entry.expiresAt <= now) {
      this.forget(key, entry);
      return undefined;
    }
    return entry;
  }

  /** The answer another request is making for this key right now, if any. */
  pending(key: string): Promise<Entry | undefined> | undefined {
    return this.making.get(key)?.done;
  }

  /** This request makes the answer for `key` by `route`: later misses wait for it (until `keep` or `abandon`). */
  miss(key: string, route: string): Miss {
    let settle: (entry: Entry | undefined) => void = () => undefined;
    const done = new Promise<Entry | undefined>((resolve) => (settle = resolve));
    const making = { done, settle, route };
    this.making.set(key, making);
    return { key, generation: this.generation, routeGeneration: this.routeGenerationOf(route), making };
  }

  /** The kept routes a successful write by this request may change, or undefined: every kept answer. */
  changedBy(request: FastifyRequest): readonly string[] | undefined {
    return this.options.writeChanges?.get(`${request.method} ${request.routeOptions.url ?? ''}`);
  }

  private routeGenerationOf(route: string): number {
    return this.routeGenerations.get(route) ?? 0;
  }

  /** The maker is done (with an answer kept or not): the requests waiting for it go on. */
  private settle(miss: Miss, entry: Entry | undefined): void {
    miss.making.settle(entry);
    if (this.making.get(miss.key) === miss.making) this.making.delete(miss.key);
  }

  abandon(miss: Miss): void {
    this.settle(miss, undefined);
  }

  keep(miss: Miss, reply: FastifyReply, payload: unknown, loggedUrl: string | null): void {
    const entry = this.entryOf(miss, reply, payload, loggedUrl);
    if (entry) this.store(miss.key, entry);
    this.settle(miss, entry);
  }

  /**
   * Keeps `entry` last, after letting go of the answers that expired (a key holds its minute, so an answer of a past
   * minute is never asked for again: without this, up to maxEntries stale pages stayed in memory) and of the oldest
   * while over the count or the bytes. Answers are kept in the order they were made and all live as long, so the
   * expired ones are at the front.
   */
  private store(key: string, entry: Entry): void {
    if (entry.bytes > this.maxBytes) return; // would push out every other answer and still not fit
    const kept = this.entries.get(key);
    if (kept) this.forget(key, kept);
    const now = Date.now();
    for (const [oldKey, old] of this.entries) {
      const full = this.entries.size >= this.maxEntries || this.bytes + entry.bytes > this.maxBytes;
      if (!full && old.expiresAt > now) break;
      this.forget(oldKey, old);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
  }

  private forget(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  private entryOf(miss: Miss, reply: FastifyReply, payload: unknown, loggedUrl: string | null): Entry | undefined {
    // A write that changes this answer happened while it was being made.
    if (miss.generation !== this.generation || miss.routeGeneration !== this.routeGenerationOf(miss.making.route)) return undefined;
    if (reply.statusCode !== 200 || typeof payload !== 'string' || payload.length > this.maxBodyBytes) return undefined;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (name === 'set-cookie') {
        // Kept without them: the CSRF secret and the language were the first visitor's; each later one gets its own.
        const cookies = Array.isArray(value) ? value : [String(value)];
        if (cookies.some((c) => !CACHEABLE_COOKIES.has(c.slice(0, c.indexOf('='))))) return undefined;
      } else if (name !== 'content-length' && value !== undefined) {
        headers[name] = String(value);
      }
    }
    const csrfToken = CSRF_FIELD.exec(payload)?.[1] ?? null;
    const formKey = FORM_KEY_FIELD.exec(payload)?.[1] || null;
    const holes = holesOf(payload, csrfToken, formKey);
    const body = holes ? EMPTY : Buffer.from(payload);
    const bytes = holes ? holes.parts.reduce((sum, part) => sum + part.length, 0) : body.length;
    // Only an answer that is not personal is sent with these; its length is the body's.
    const rawHeaders = { ...headers, 'content-length': String(body.length) };
    const expiresAt = Date.now() + this.options.ttlMs;
    return { status: 200, headers, body, bytes, holes, csrfToken, expiresAt, generation: this.generation, route: miss.making.route, rawHeaders, loggedUrl };
  }

  /**
   * A write succeeded in this process: what it may change (`routes`; all when undefined) is not answered again from
   * what was kept, nor kept from answers being made now.
   */
  invalidate(routes?: readonly string[]): void {
    if (routes) return this.invalidateRoutes(routes);
    this.generation++;
    this.entries.clear();
    this.bytes = 0;
    for (const making of this.making.values()) making.settle(undefined);
    this.making.clear();
  }

  private invalidateRoutes(routes: readonly string[]): void {
    if (routes.length === 0) return; // a write that changes nothing kept (a question filed)
    for (const route of routes) this.routeGenerations.set(route, this.routeGenerationOf(route) + 1);
    for (const [key, entry] of this.entries) if (routes.includes(entry.route)) this.forget(key, entry);
    for (const [key, making] of this.making) {
      if (!routes.includes(making.route)) continue;
      making.settle(undefined);
      this.making.delete(key);
    }
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    pageCacheMiss?: Miss | null;
  }
}

/** Registers the cache's hooks; to be called after the cookie, CSRF and language hooks. Returns the cache (for tests). */
export function registerPageCache(app: FastifyInstance, options: PageCacheOptions): PageCache | null {
  if (options.ttlMs <= 0) return null;
  const cache = new PageCache(options);
  app.decorateRequest('pageCacheMiss', null);

  // Callback form where there is nothing to wait for: an async hook costs every request a promise (issue 18).
  app.addHook('onRequest', (request, reply, done) => {
    const key = cache.keyOf(request);
    if (key === null) return done();
    answerFromCache(request, reply, key).then((sent) => (sent ? undefined : done()), done);
  });
  /** Answers from the cache (true) or marks the request as the one making the page (false). */
  const answerFromCache = async (request: FastifyRequest, reply: FastifyReply, key: string): Promise<boolean> => {
    let entry = cache.find(key);
    const pending = entry ? undefined : cache.pending(key); // (no await unless someone is making it: misses must claim the key at once)
    if (pending) entry = await pending;
    if (!entry) {
      request.pageCacheMiss = cache.miss(key, request.routeOptions.url ?? '');
      return false;
    }
    const body = isPersonal(entry) ? personalize(entry, entry.csrfToken ? reply.generateCsrf() : null) : entry.body;
    reply.headers(entry.headers).code(entry.status);
    reply.send(body);
    return true;
  };

  // Before the answer leaves: a client that reads the answer to its write and asks again gets fresh content.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.pageCacheMiss) {
      cache.keep(request.pageCacheMiss, reply, payload, LOGS_INFO.has(request.log.level) ? redactUrl(request.url) : null);
      request.pageCacheMiss = null;
    }
    else if (UNSAFE_METHODS.has(request.method) && reply.statusCode < 400) cache.invalidate(cache.changedBy(request));
    done(null, payload);
  });
  // A request that ends without onSend (the client went away, an error before sending) must not leave others waiting.
  app.addHook('onResponse', (request, _reply, done) => {
    if (request.pageCacheMiss) cache.abandon(request.pageCacheMiss);
    done();
  });
  app.addHook('onRequestAbort', async (request) => {
    if (request.pageCacheMiss) cache.abandon(request.pageCacheMiss);
  });
  return cache;
}
