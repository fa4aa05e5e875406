import type { FastifySchemaValidationError } from 'fastify';
import { translator } from '../../platform/i18n/index.ts';
import { AppError, fieldErrorsFromIssues, type IssueLike } from '../../platform/http/problem.ts';

/**
 * Route option `schemaErrorFormatter` for public GET endpoints: a querystring or path error becomes a 400
 * problem whose field names are the parameter names themselves ('from', not 'querystring.from'), with the
 * message in the request's language (the error handler picks LV or EN).
 */
export function parameterErrors(errors: FastifySchemaValidationError[]): Error {
  const issues: IssueLike[] = errors.map((v) => ({
    ...(v.params as object),
    code: v.keyword,
    path: v.instancePath.split('/').filter(Boolean),
    message: v.message ?? '',
  }));
  const lv = fieldErrorsFromIssues(issues, translator('lv'), 'lv');
  const en = fieldErrorsFromIssues(issues, translator('en'), 'en');
  return new AppError(
    400,
    'validation',
    'errors.validation',
    {},
    lv.map((error, i) => ({ field: error.field, code: error.code, message: { lv: error.message, en: en[i]?.message ?? error.message } })),
  );
}
