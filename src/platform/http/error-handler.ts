import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DEFAULT_LANGUAGE, translator } from '../i18n/index.ts';
import { AppError, fieldErrorsFromIssues, problemType, sendProblem, type IssueLike, type Problem } from './problem.ts';

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
    const errors = error.fieldErrors.map((f) => ({
      field: f.field,
      code: f.code,
      message: f.message ? f.message[request.lang] : t(f.messageKey ?? 'errors.field.invalidFormat', f.values),
    }));
    return {
      type: problemType(error.code),
      title: t(error.messageKey, error.values),
      status: error.status,
      code: error.code,
      ...(errors.length ? { errors } : {}),
      ...error.extensions,
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
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return simple(413, 'payload-too-large', t('errors.payloadTooLarge'));
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return simple(415, 'unsupported-media-type', t('errors.unsupportedMediaType'));
  if (code.startsWith('FST_CSRF')) return simple(403, 'csrf', t('errors.csrf'));
  if (code.startsWith('FST_ERR_CTP') || (status === 400 && error instanceof SyntaxError)) {
    return simple(400, 'malformed-body', t('errors.malformedJson'));
  }
  if (status === 429) return simple(429, 'too-many-requests', t('errors.tooManyRequests'));
  if (status >= 400 && status < 500) return simple(status, 'bad-request', t('errors.badRequestTitle'));
  return simple(500, 'internal', t('errors.serverTitle'));
}

function simple(status: number, code: string, title: string): Problem {
  return { type: problemType(code), title, status, code };
}

/** Renders an HTML error page (the web layer provides it; the platform knows no layout). */
export type ErrorPageRenderer = (request: FastifyRequest, title: string, text: string) => string;

export function registerErrorHandling(app: FastifyInstance, renderErrorPage: ErrorPageRenderer): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    ensureLanguage(request);
    const problem = problemFromError(error, request);
    if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
    else request.log.info({ code: problem.code, status: problem.status }, 'request refused');
    if (isApi(request)) return sendProblem(reply, problem);
    const t = request.t;
    const title = problem.status === 404 ? t('errors.notFoundTitle') : problem.title;
    const text =
      problem.status >= 500
        ? t('errors.serverText')
        : problem.status === 404
          ? t('errors.notFoundText')
          : (problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ') ?? '');
    return reply.status(problem.status).type('text/html; charset=utf-8').send(renderErrorPage(request, title, text));
  });

  app.setNotFoundHandler((request, reply) => {
    ensureLanguage(request);
    const t = request.t;
    if (isApi(request)) {
      return sendProblem(reply, { type: problemType('not-found'), title: t('errors.notFoundTitle'), status: 404, code: 'not-found' });
    }
    return reply
      .status(404)
      .type('text/html; charset=utf-8')
      .send(renderErrorPage(request, t('errors.notFoundTitle'), t('errors.notFoundText')));
  });
}
