import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
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
 * An HTML form checked by its Zod schema (the one source, as for the JSON API): the data, or field errors in
 * the request's language — each named after its field, or `<prefix>-<field>` when a page has several forms —
 * and the values to show again.
 */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown, request: Pick<FastifyRequest, 't' | 'lang'>, prefix = ''): ParsedForm<z.infer<S>> {
  const values = formValues(body);
  const { _csrf: _token, ...input } = (body ?? {}) as Record<string, unknown>;
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data, values };
  const errors = fieldErrorsFromIssues(result.error.issues, request.t, request.lang);
  return { ok: false, values, errors: prefix ? errors.map((e) => ({ ...e, field: `${prefix}-${e.field}` })) : errors };
}
