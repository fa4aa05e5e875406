// The web defences every page gets (issue 13, finding 5): a Content-Security-Policy without inline
// scripts (pages load their scripts from /static), no framing, no referrer (manage links carry tokens),
// a Permissions-Policy, HSTS when served over TLS, and no caching of staff pages or pages with personal data.
import helmet from 'helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Stylesheets from /static only: no style attribute or <style> element anywhere (classes instead).
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  objectSrc: ["'none'"],
};

/** The policy as a header value, for answers written before the helmet hook runs. */
export const CONTENT_SECURITY_POLICY_HEADER = Object.entries(CONTENT_SECURITY_POLICY)
  .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
  .join('; ');

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()';
export const HSTS = 'max-age=31536000; includeSubDomains';

const PERSONAL_PATHS: readonly RegExp[] = [
  /^\/staff(\/|\?|$)/,
  /^\/api\/v1\/staff\//,
  /^\/api\/v1\/personal-codes\//,
  /^\/api\/v1\/(inquiries|appointments|queue\/tickets)\//,
  /^\/api\/v1\/agencies\/[^/]+\/(inquiries|appointments)/,
  /^\/[^/]+\/jautajums\/[^?]/,
  /^\/[^/]+\/pieraksts\/(mans|apstiprinats)/,
  /^\/[^/]+\/aptauja\//,
  /^\/[^/]+\/atsauksme\/paldies/,
  /^\/[^/]+\/rinda\/[^/]+\/biletes\//,
];

/** Staff pages, the staff API and every page or answer that may show a client's personal data. */
export function showsPersonalData(request: Pick<FastifyRequest, 'method' | 'url'>): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return true;
  return PERSONAL_PATHS.some((pattern) => pattern.test(request.url));
}

type HeaderSink = { setHeader(name: string, value: string): void; removeHeader(name: string): void };

/**
 * helmet's headers, worked out once: with no nonces and HSTS off they are the same for every answer, and building
 * helmet per request (as @fastify/helmet does) was a visible share of a cached page's cost.
 */
function helmetHeaders(): Readonly<Record<string, string>> {
  const headers: Array<[string, string]> = [];
  const sink: HeaderSink = { setHeader: (name, value) => void headers.push([name.toLowerCase(), String(value)]), removeHeader: () => undefined };
  helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // Set per request below, and only over TLS: a plain-HTTP answer cannot promise HTTPS.
    strictTransportSecurity: false,
    crossOriginEmbedderPolicy: false,
  })(sink as never, sink as never, (error?: unknown) => {
    if (error) throw error;
  });
  return Object.fromEntries([...headers, ['permissions-policy', PERMISSIONS_POLICY]]);
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const headers = helmetHeaders();
  // On the reply as the request arrives, so every answer has them, errors and early replies included (a hijacked
  // answer writes reply.getHeaders() itself). Not raw.setHeader: Node then checks each header twice and makes
  // Fastify's own headers take the slow path too (issue 18: a booking's share, docs/performance.md).
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done();
  });
  // Last, so no handler's own cache-control can weaken it.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (showsPersonalData(request)) reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
    done(null, payload);
  });
}
