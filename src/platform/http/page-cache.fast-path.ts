// A kept page (page-cache.ts) answered straight from Node's request handler, before Fastify routes the request and
// runs its hooks: a kept answer is already complete (security headers included), so the routing, the hook chain and
// the reply object were most of what a cached page cost (issue 18: 5,000–6,600 answers/s against the bare
// baseline's 30,000). Everything that is not a plain GET of a kept page without a per-visitor CSRF token goes on to
// Fastify unchanged.
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import { LANGUAGE_COOKIE, languageWithoutQuery } from './language.ts';
import { isPersonal, personalize, type Entry, type PageCache } from './page-cache.ts';
import type { RawCsrfMinter } from './csrf-binding.ts';

export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

export type FastPathOptions = {
  cache: PageCache;
  log: FastifyBaseLogger;
  parseCookie: (header: string) => Record<string, string | undefined>;
  isClosing: () => boolean;
  /** A kept form's CSRF token for this visitor (csrf-binding.ts), or null to leave the request to Fastify. */
  mintCsrf?: RawCsrfMinter;
};

/** true when the request was answered from the cache. */
export function cacheFastPath({ cache, log, parseCookie, isClosing, mintCsrf }: FastPathOptions): FastPath {
  // The line of a kept answer holds only what the fast path puts in it (the method, the URL already redacted when the
  // answer was kept, the status): no field redaction or URL serializer to run again on every hit. The last scrub of
  // every written line (log-redaction.ts) still applies.
  const hits = log.child({}, { redact: { paths: ['req.headers'], censor: '[redacted]' }, serializers: { req: (req: unknown) => req } });
  return (req, res) => {
    const url = req.url ?? '';
    if (req.method !== 'GET' || url.length > 512 || url.includes('lang=') || isClosing()) return false;
    const cookie = req.headers.cookie;
    const cookies = cookie ? parseCookie(cookie) : {};
    const lang = languageWithoutQuery(url, cookies[LANGUAGE_COOKIE], req.headers['accept-language']);
    const entry = cache.find(cache.keyFor(lang, url));
    if (!entry) return false;
    const started = performance.now();
    if (entry.csrfToken) {
      const minted = mintCsrf?.(req, cookies);
      if (!minted) return false;
      sendPersonal(res, entry, personalize(entry, minted.token), minted.setCookie);
    } else if (isPersonal(entry)) {
      sendPersonal(res, entry, personalize(entry, null), null);
    } else {
      res.writeHead(entry.status, entry.rawHeaders);
      res.end(entry.body);
    }
    if (entry.loggedUrl !== null) {
      const responseTime = Math.round((performance.now() - started) * 10) / 10;
      hits.info({ req: { method: 'GET', url: entry.loggedUrl }, res: { statusCode: entry.status }, responseTime, kept: true }, 'request completed');
    }
    return true;
  };
}

/** A kept form made this visitor's own (page-cache.ts `personalize`). */
function sendPersonal(res: ServerResponse, entry: Entry, body: Buffer, setCookie: string | null): void {
  const headers: Record<string, string> = { ...entry.headers, 'content-length': String(body.length) };
  if (setCookie) headers['set-cookie'] = setCookie;
  res.writeHead(entry.status, headers);
  res.end(body);
}

/**
 * Fastify's `serverFactory`: the HTTP server Fastify would make (same timeouts), whose handler tries the fast path
 * first once `setFastPath` has been called.
 */
export function serverWithFastPath(): { serverFactory: NonNullable<FastifyServerOptions['serverFactory']>; setFastPath: (fastPath: FastPath) => void } {
  let fastPath: FastPath | null = null;
  const serverFactory = (handler: RequestListener, options: FastifyServerOptions): Server => {
    const server = createServer((options as { http?: ServerOptions }).http ?? {}, (req, res) => {
      if (fastPath?.(req, res)) return;
      handler(req, res);
    });
    if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
    if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
    server.setTimeout(options.connectionTimeout ?? 0);
    return server;
  };
  return { serverFactory: serverFactory as never, setFastPath: (next) => void (fastPath = next) };
}
