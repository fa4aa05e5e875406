import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { forbiddenCharacterErrors } from './input-guard.ts';
import { fieldErrorsFromIssues, type FieldError } from './problem.ts';

/** The posted form's text fields (never the CSRF token), as the form shows them again. */
export function formValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key !== '_csrf' && typeof value === 'string') values[key] = value;
  }
  return values;
}

export type ParsedForm<T> = { ok: true; data: T; values: Record<string, string> } | { ok: false; errors: FieldError[]; values: Record<string, string> };

/**
 * The form's own errors together with "contains a forbidden character" for each field the input guard took a NUL
 * out of (on a `config: { form: true }` route): that field's message replaces its others, the rest keep their order.
 */
export function withForbiddenCharacters(errors: readonly FieldError[], request: Pick<FastifyRequest, 't' | 'forbiddenFields'>, prefix = ''): FieldError[] {
  const forbidden = forbiddenCharacterErrors(request, prefix);
  if (forbidden.length === 0) return [...errors];
  const named = new Set(forbidden.map((e) => e.field));
  return [...forbidden, ...errors.filter((e) => !named.has(e.field))];
}

/**
 * An HTML form checked by its Zod schema (the one source, as for the JSON API): the data, or field errors in
 * the request's language — each named after its field, or `<prefix>-<field>` when a page has several forms —
 * and the values to show again. A field that held a NUL (removed by the input guard) is an error whatever the
 * schema says of the rest.
 */
export function parseForm<S extends z.ZodType>(
  schema: S,
  body: unknown,
  request: Pick<FastifyRequest, 't' | 'lang'> & Partial<Pick<FastifyRequest, 'forbiddenFields'>>,
  prefix = '',
): ParsedForm<z.infer<S>> {
  const values = formValues(body);
  const { _csrf: _token, ...input } = (body ?? {}) as Record<string, unknown>;
  const result = schema.safeParse(input);
  const forbidden = { t: request.t, forbiddenFields: request.forbiddenFields ?? [] };
  if (result.success && forbidden.forbiddenFields.length === 0) return { ok: true, data: result.data, values };
  const issues = result.success ? [] : fieldErrorsFromIssues(result.error.issues, request.t, request.lang);
  const errors = prefix ? issues.map((e) => ({ ...e, field: `${prefix}-${e.field}` })) : issues;
  return { ok: false, values, errors: withForbiddenCharacters(errors, forbidden, prefix) };
}
