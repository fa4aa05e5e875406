// One place that keeps NUL characters out of any text a client sends (issue 13, finding 2): PostgreSQL cannot
// store U+0000 in text, so without this check it becomes a 500 wherever a string reaches a query.
//  - JSON API, params, query strings: refused here, a field-level 400 (problem+json for the API, an error page otherwise).
//  - The body of an HTML form route that reports its own field errors (`config: { form: true }`): the NUL is removed
//    here and the field named on the request (`forbiddenFields`); the form's check (parseForm, or
//    forbiddenCharacterErrors) reports it next to the field and shows the form again with the other values. So a NUL
//    never reaches a handler, whichever route it is sent to.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldError } from './problem.ts';
import { AppError } from './problem.ts';

/** Whether any string (or object key) in the value contains U+0000. Allocates nothing: every request's input is asked twice, and fieldsWithNul (which names the fields) runs only when this says yes. */
export function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || !value || typeof value !== 'object' || Buffer.isBuffer(value)) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsNul(item, depth + 1)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && (key.includes('\u0000') || holdsNul((value as Record<string, unknown>)[key], depth + 1))) return true;
  }
  return false;
}

/** The field paths of every string (or object key) containing U+0000, e.g. ['subject', 'attachments.0.fileName']. */
export function fieldsWithNul(value: unknown, path: string[] = [], found: string[] = [], depth = 0): string[] {
  if (found.length >= 20 || depth > 32) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(path.join('.') || '(root)');
  } else if (Buffer.isBuffer(value)) {
    return found; // file content is bytes, not text
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => fieldsWithNul(item, [...path, String(i)], found, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) found.push([...path, key.replace(/\u0000/g, '')].join('.') || '(root)');
      else fieldsWithNul(item, [...path, key], found, depth + 1);
    }
  }
  return found;
}

/** The value with every NUL removed from its strings (and object keys); file contents (Buffers) untouched. */
export function withoutNul(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(/\u0000/g, '');
  if (Buffer.isBuffer(value) || depth > 32) return value;
  if (Array.isArray(value)) return value.map((item) => withoutNul(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key.replace(/\u0000/g, ''), withoutNul(item, depth + 1)]));
  }
  return value;
}

const HTML_FORM = /^(application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/** A form post to an HTML route that reports its own field errors (`config: { form: true }`). */
function isReportingForm(request: FastifyRequest): boolean {
  return request.routeOptions.config?.form === true && !request.url.startsWith('/api/') && HTML_FORM.test(String(request.headers['content-type'] ?? ''));
}

/** The field errors "contains a forbidden character" of a form post's NUL fields (in the request's language), `prefix`-ed as parseForm does. */
export function forbiddenCharacterErrors(request: Pick<FastifyRequest, 't' | 'forbiddenFields'>, prefix = ''): FieldError[] {
  return (request.forbiddenFields ?? []).map((field) => ({
    field: prefix ? `${prefix}-${field}` : field,
    code: 'forbidden_character',
    message: request.t('hardening.forbiddenCharacter'),
  }));
}

/** Throws a field-level 400 when the params, query or body hold a NUL character. */
export function refuseNul(request: FastifyRequest): void {
  const refusal = nulRefusal(request);
  if (refusal) throw refusal;
}

/** The 400 for a request with a NUL byte in its params, query or body (but a reporting form's), or undefined. */
function nulRefusal(request: FastifyRequest): AppError | undefined {
  const body = isReportingForm(request) ? undefined : request.body;
  if (!holdsNul(request.params) && !holdsNul(request.query) && !holdsNul(body)) return undefined;
  const fields = [...fieldsWithNul(request.params), ...fieldsWithNul(request.query), ...fieldsWithNul(body)];
  return new AppError(
    400,
    'validation',
    'errors.validation',
    {},
    [...new Set(fields)].map((field) => ({ field, code: 'forbidden_character', messageKey: 'hardening.forbiddenCharacter' as const })),
  );
}

export function registerInputGuard(app: FastifyInstance): void {
  app.decorateRequest('forbiddenFields', null as never);
  // Before validation: params, query and (but for a reporting form's) the body, so the API answers its 400 first.
  // Callback form (nothing to wait for): an async hook costs every request a promise (issue 18).
  app.addHook('preValidation', (request, _reply, done) => {
    request.forbiddenFields = [];
    done(nulRefusal(request));
  });
  // Again once every body parser has run (@fastify/multipart attaches a form's fields in its own preValidation hook).
  app.addHook('preHandler', (request, _reply, done) => {
    if (!isReportingForm(request)) return done(nulRefusal(request));
    if (!holdsNul(request.body)) return done();
    const fields = fieldsWithNul(request.body);
    // Field names as the form knows them (a repeated field's index dropped: `actions.1` is the field `actions`).
    request.forbiddenFields = [...new Set(fields.map((field) => field.replace(/\.\d+$/, '')))];
    request.body = withoutNul(request.body);
    done();
  });
}
