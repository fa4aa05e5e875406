// Page plumbing of the registers: forms to API bodies, refusals to field errors, names of staff.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { inArray } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { z } from 'zod';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { scopeOf } from '../../platform/access/access.hook.ts';
import { RIGA } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import { staffUsers } from '../staff/staff.tables.ts';
import { problemFromError } from '../../platform/http/error-handler.ts';
import { AppError, fieldErrorsFromIssues, type FieldError, type IssueLike } from '../../platform/http/problem.ts';
import { withForbiddenCharacters } from '../../platform/http/form.ts';
import { hrefWith, pageContext, type PageContext } from '../../web/page-context.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { profileOf, type RegisterDeps } from './register-support.ts';

/** A posted form or query: strings, and lists for repeated names (checkboxes). */
export type RawForm = Record<string, string | string[]>;

export function rawForm(body: unknown): RawForm {
  const out: RawForm = {};
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (key === '_csrf' || key === 'lang') continue;
    if (typeof value === 'string') out[key] = value;
    else if (Array.isArray(value)) out[key] = value.filter((v): v is string => typeof v === 'string');
  }
  return out;
}

/** The single text of a field ('' when absent; the first of a repeated one). */
export function one(form: RawForm, key: string): string {
  const v = form[key];
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
}

export function list(form: RawForm, key: string): string[] {
  const v = form[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

/** '' → undefined: an empty optional field is an absent one. */
export function optional(value: string): string | undefined {
  return value.trim() === '' ? undefined : value;
}

/** The strings a form shows again (first of each). */
export function shownValues(form: RawForm): Record<string, string> {
  return Object.fromEntries(Object.keys(form).map((k) => [k, one(form, k)]));
}

/** A datetime-local value (Riga wall-clock) as an ISO instant with offset; undefined when not a real time. */
export function rigaLocalToIso(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  try {
    return Temporal.PlainDateTime.from(value, { overflow: 'reject' }).toZonedDateTime(RIGA).toString({ timeZoneName: 'never', smallestUnit: 'second' });
  } catch {
    return undefined;
  }
}

/** Now, as the value of a datetime-local field in Riga time. */
export function rigaLocalNow(instant: Temporal.Instant): string {
  return instant.toZonedDateTimeISO(RIGA).toPlainDateTime().toString({ smallestUnit: 'minute' });
}

/** Validates with the API's schema and gives the page's field errors (same messages as the API). */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, request: FastifyRequest): { data: T; errors: [] } | { data: null; errors: FieldError[] } {
  const parsed = schema.safeParse(input);
  // A field the input guard took a NUL out of (a `form: true` route) is an error whatever the schema says.
  const errors = withForbiddenCharacters(parsed.success ? [] : fieldErrorsFromIssues(parsed.error.issues as unknown as IssueLike[], request.t, request.lang), request);
  if (parsed.success && errors.length === 0) return { data: parsed.data, errors: [] };
  return { data: null, errors };
}

/** A refusal the page shows in its form (400/404/409 with field errors); anything else (403, 500) goes on. */
export function refusalErrors(error: unknown, request: FastifyRequest, field: string): { status: number; errors: FieldError[] } | null {
  if (!(error instanceof AppError) || ![400, 404, 409].includes(error.status)) return null;
  const problem = problemFromError(error, request);
  return { status: error.status, errors: problem.errors?.length ? problem.errors : [{ field, code: problem.code ?? 'refused', message: problem.title }] };
}

export function pageParts(deps: RegisterDeps, request: FastifyRequest, reply: FastifyReply, withCsrf = false): { scope: AgencyScope; profile: AgencyProfile; ctx: PageContext } {
  const scope = scopeOf(request);
  reply.header('cache-control', 'no-store');
  return { scope, profile: profileOf(deps, scope), ctx: pageContext(request, withCsrf ? reply.generateCsrf() : null) };
}

/** Display names of staff members (for "recorded by", "who"). */
export async function staffNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ id: staffUsers.id, name: staffUsers.name }).from(staffUsers).where(inArray(staffUsers.id, unique));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The redirect after a successful post (post/redirect/get), keeping the language. */
export function afterPost(reply: FastifyReply, request: FastifyRequest, path: string, done: string) {
  return reply.redirect(hrefWith(path, request, { done }), 303);
}
