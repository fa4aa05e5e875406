// CSRF tokens tied to the staff session (issue 13, finding 7): a token minted for B's session fails
// with A's session, and the staff JSON API accepts JSON bodies only, so no cross-site form can drive it.
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import CSRF from '@fastify/csrf';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';

export const CSRF_COOKIE = 'apkalpe_csrf';
export const CSRF_COOKIE_OPTIONS = { path: '/', sameSite: 'strict', httpOnly: true, signed: true, secure: 'auto' } as const;

/** A token minted outside Fastify, and the secret's cookie to set when the visitor had none. */
export type MintedCsrf = { token: string; setCookie: string | null };
export type RawCsrfMinter = (req: IncomingMessage, cookies: Record<string, string | undefined>) => MintedCsrf | null;

/**
 * Mints an anonymous visitor's CSRF token for a page answered before Fastify (page-cache.fast-path.ts), as
 * @fastify/csrf-protection's generateCsrf does with this platform's options: the same token library and HMAC key, the
 * visitor's signed secret or a new one in a Set-Cookie. null (Fastify mints it) when the request is not plainly
 * anonymous (any cookie but the language and the CSRF secret: a staff session binds its tokens to itself) or when a
 * new secret's cookie would need to know whether the request came over HTTPS through a trusted proxy.
 */
export function rawCsrfMinter(app: FastifyInstance, hmacKey: string, behindProxy: boolean): RawCsrfMinter {
  const tokens = CSRF({ hmacKey, userInfo: true }) as unknown as CSRF.TokensUserinfo; // (the typings pick the overload without userInfo)
  return (req, cookies) => {
    for (const name of Object.keys(cookies)) if (name !== CSRF_COOKIE && name !== 'lang') return null;
    const signed = cookies[CSRF_COOKIE];
    const secret = signed ? app.unsignCookie(signed) : null;
    if (secret?.valid && secret.value) return { token: tokens.create(secret.value, 'anonymous'), setCookie: null };
    if (behindProxy) return null;
    const fresh = tokens.secretSync();
    const secure = (req.socket as TLSSocket).encrypted === true;
    const setCookie = app.serializeCookie(CSRF_COOKIE, app.signCookie(fresh), { path: CSRF_COOKIE_OPTIONS.path, sameSite: CSRF_COOKIE_OPTIONS.sameSite, httpOnly: true, secure });
    return { token: tokens.create(fresh, 'anonymous'), setCookie };
  };
}

/** What a CSRF token is bound to: the staff session when there is one, else the anonymous visitor. */
export function csrfUserOf(request: FastifyRequest): string {
  return request.staff?.sessionId ?? 'anonymous';
}

/** Every token a page mints carries the session it was minted for. */
export function bindCsrfTokensToSession(app: FastifyInstance): void {
  app.addHook('onRequest', (request, reply, done) => {
    const mint = reply.generateCsrf;
    reply.generateCsrf = (options) => mint.call(reply, { ...options, userInfo: csrfUserOf(request) });
    done();
  });
}

const STAFF_API = /^\/api\/v1\/staff\//;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** A body sent to the staff API must be JSON: form-encoded and text/plain bodies are what cross-site forms send. */
export function refuseNonJsonStaffBodies(app: FastifyInstance): void {
  app.addHook('preParsing', (request: FastifyRequest, _reply, payload, done) => {
    const length = Number(request.headers['content-length'] ?? 0);
    const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody || !STAFF_API.test(request.url) || JSON_TYPE.test(request.headers['content-type'] ?? '')) return done(null, payload);
    done(new AppError(415, 'unsupported-media-type', 'hardening.jsonOnly', {}, [{ field: 'content-type', code: 'json_only', messageKey: 'hardening.jsonOnly' }]));
  });
}
