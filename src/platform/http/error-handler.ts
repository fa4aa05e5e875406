import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ZodError } from 'zod';
import { DEFAULT_LANGUAGE, translator } from '../i18n/index.ts';
import { AppError, fieldErrorsFromIssues, fieldErrorsOf, problemType, sendProblem, type IssueLike, type Problem } from './problem.ts';

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

function ensureLanguage(request: FastifyRequest): void {
  // Errors thrown before the language hook ran (e.g. body parsing) still need a translator.
  if (!request.t) {
    request.lang = DEFAULT_LANGUAGE;
    request.t = translator(DEFAULT_LANGUAGE);
  }
}

/** Turns any error into RFC 9457 problem details; 5xx details never leave the server. */
export function problemFromError(error: FastifyError | AppError | Error, request: FastifyRequest): Problem {
  const t = request.t;
  if (error instanceof AppError) {
    const errors = fieldErrorsOf(error, t, request.lang);
    return {
      type: problemType(error.code),
      title: t(error.messageKey, error.values),
      status: error.status,
      code: error.code,
      ...(errors.length ? { errors } : {}),
      ...error.extensions,
    };
  }
  // A schema a handler applied itself (e.g. to a query it reads by hand): bad input, never a 500.
  if (error instanceof ZodError) {
    return {
      type: problemType('validation'),
      title: t('errors.validation'),
      status: 400,
      code: 'validation',
      errors: fieldErrorsFromIssues(error.issues as unknown as IssueLike[], t, request.lang),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues: IssueLike[] = error.validation.map((v) => ({
      ...(v.params as object),
      code: v.keyword,
      path: v.instancePath.split('/').filter(Boolean),
      message: v.message ?? '',
    }));
    return {
      type: problemType('validation'),
      title: t('errors.validation'),
      status: 400,
      code: 'validation',
      // Field names are the body's paths or the parameter names themselves ('from', not 'querystring.from').
      errors: fieldErrorsFromIssues(issues, t, request.lang),
    };
  }
  const fastifyError = error as FastifyError;
  const code = fastifyError.code ?? '';
  const status = fastifyError.statusCode ?? 500;
  if (code === 'FST_ERR_BAD_URL') return simple(400, 'bad-url', t('hardening.badUrl'));
  if (code === 'FST_ERR_MAX_PARAM_LENGTH') return simple(414, 'uri-too-long', t('hardening.uriTooLong'));
  if (code === 'FST_ERR_ASYNC_CONSTRAINT') return simple(400, 'bad-request', t('errors.badRequestTitle'));
  if (isBrokenMultipart(error, code)) {
    return { ...simple(400, 'malformed-body', t('hardening.multipartBroken')), errors: [{ field: '(body)', code: 'malformed', message: t('hardening.multipartBroken') }] };
  }
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || MULTIPART_LIMITS.has(code)) return simple(413, 'payload-too-large', t('errors.payloadTooLarge'));
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return simple(415, 'unsupported-media-type', t('errors.unsupportedMediaType'));
  if (code.startsWith('FST_CSRF')) return simple(403, 'csrf', t('errors.csrf'));
  if (code.startsWith('FST_ERR_CTP') || (status === 400 && error instanceof SyntaxError)) {
    return simple(400, 'malformed-body', t('errors.malformedJson'));
  }
  if (status === 429) return simple(429, 'too-many-requests', t('errors.tooManyRequests'));
  if (status >= 400 && status < 500) return simple(status, 'bad-request', t('errors.badRequestTitle'));
  return simple(500, 'internal', t('errors.serverTitle'));
}

/** @fastify/multipart's limits (parts, files, fields, a file's size when it throws): the body is too large. */
const MULTIPART_LIMITS = new Set(['FST_PARTS_LIMIT', 'FST_FILES_LIMIT', 'FST_FIELDS_LIMIT', 'FST_REQ_FILE_TOO_LARGE']);

/** busboy's errors carry no code: a missing boundary, a body cut short, a broken part header. */
function isBrokenMultipart(error: Error, code: string): boolean {
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return true;
  return !code && /^Multipart: |Unexpected end of (multipart data|form)|Malformed part header|Part terminated early/.test(error.message);
}

function simple(status: number, code: string, title: string): Problem {
  return { type: problemType(code), title, status, code };
}

const UNREADABLE_ADDRESS = new Set(['uri-too-long', 'bad-url']);

/**
 * Renders an HTML error page (the web layer provides it; the platform knows no layout). `hideAddress`: the
 * address could not be read and must not be repeated, not even in the language switch's link.
 */
export type ErrorPageRenderer = (request: FastifyRequest, title: string, text: string, options: { hideAddress: boolean }) => string;

let renderErrorPage: ErrorPageRenderer = (_request, title, text) => `<!doctype html><title>${title}</title><p>${text}</p>`;

/**
 * The answer to an error, prepared on the reply (status, type) and returned as the payload:
 * problem+json for the API, an error page in the layout otherwise.
 */
export function errorPayload(error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply): Problem | string {
  ensureLanguage(request);
  const problem = problemFromError(error, request);
  if (problem.status >= 500 && problem.code !== 'overloaded') request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
  reply.status(problem.status);
  if (isApi(request)) {
    reply.type('application/problem+json; charset=utf-8');
    return problem;
  }
  const t = request.t;
  const title = problem.status === 404 ? t('errors.notFoundTitle') : problem.title;
  const text =
    problem.status >= 500
      ? t(problem.code === 'overloaded' ? 'hardening.overloaded' : 'errors.serverText')
      : problem.status === 404
        ? t('errors.notFoundText')
        : (problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? '');
  reply.type('text/html; charset=utf-8');
  return renderErrorPage(request, title, text, { hideAddress: UNREADABLE_ADDRESS.has(problem.code ?? '') });
}

/** The one answer to every error (a form route may answer a refused CSRF check itself: see csrfRefused). */
export function respondWithError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply | Promise<undefined> {
  keepConnectionWhenBodyWasRead(request, reply);
  return formResend(error, request, reply) ?? reply.send(errorPayload(error, request, reply));
}

/**
 * Fastify closes the connection after any body it could not parse, as the client may still be sending. When the
 * whole body has arrived (a broken JSON or form body, not one cut off at the size limit) nothing is left to read,
 * so the connection stays open: a client that sends bad JSON does not cost a new connection each time.
 */
function keepConnectionWhenBodyWasRead(request: FastifyRequest, reply: FastifyReply): void {
  if (request.raw.complete && reply.getHeader('connection') === 'close') reply.removeHeader('connection');
}

/**
 * A refused CSRF check on an HTML form route that declares `config.csrfRefused` (with `form: true`): the route shows
 * its form again with what was typed and a fresh token, writing nothing, instead of the 403 error page that would
 * lose the client's text. Any failure there falls back to that error page.
 */
function formResend(error: FastifyError, request: FastifyRequest, reply: FastifyReply): Promise<undefined> | null {
  const config = request.routeOptions?.config;
  const answer = config?.csrfRefused;
  if (!answer || config?.form !== true || isApi(request) || !String(error.code ?? '').startsWith('FST_CSRF')) return null;
  ensureLanguage(request);
  request.log.info({ code: 'csrf', status: 403 }, 'request refused, form shown again');
  return answer(request, reply).then(
    () => undefined,
    (failure: unknown) => {
      if (!reply.sent) reply.send(errorPayload(failure as FastifyError, request, reply));
      return undefined;
    },
  );
}

/** Every error of the app passes here; `renderPage` draws the HTML error pages (installed once, shared by framework errors). */
export function registerErrorHandling(app: FastifyInstance, renderPage: ErrorPageRenderer): void {
  renderErrorPage = renderPage;
  app.setErrorHandler(respondWithError);

  app.setNotFoundHandler((request, reply) => {
    ensureLanguage(request);
    const t = request.t;
    if (isApi(request)) {
      return sendProblem(reply, { type: problemType('not-found'), title: t('errors.notFoundTitle'), status: 404, code: 'not-found' });
    }
    return reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(request, t('errors.notFoundTitle'), t('errors.notFoundText'), { hideAddress: false }));
  });
}
