// CSRF tokens tied to the staff session (issue 13, finding 7): a token minted for B's session fails
// with A's session, and the staff JSON API accepts JSON bodies only, so no cross-site form can drive it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './problem.ts';

/** What a CSRF token is bound to: the staff session when there is one, else the anonymous visitor. */
export function csrfUserOf(request: FastifyRequest): string {
  return request.staff?.sessionId ?? 'anonymous';
}

/** Every token a page mints carries the session it was minted for. */
export function bindCsrfTokensToSession(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const mint = reply.generateCsrf;
    reply.generateCsrf = (options) => mint.call(reply, { ...options, userInfo: csrfUserOf(request) });
  });
}

const STAFF_API = /^\/api\/v1\/staff\//;
const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** A body sent to the staff API must be JSON: form-encoded and text/plain bodies are what cross-site forms send. */
export function refuseNonJsonStaffBodies(app: FastifyInstance): void {
  app.addHook('preParsing', async (request: FastifyRequest) => {
    if (!STAFF_API.test(request.url)) return;
    const length = Number(request.headers['content-length'] ?? 0);
    const hasBody = length > 0 || request.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return;
    if (!JSON_TYPE.test(request.headers['content-type'] ?? '')) {
      throw new AppError(415, 'unsupported-media-type', 'hardening.jsonOnly', {}, [{ field: 'content-type', code: 'json_only', messageKey: 'hardening.jsonOnly' }]);
    }
  });
}
