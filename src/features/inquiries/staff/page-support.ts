export { parseForm } from '../../../platform/http/form.ts';
export { scopeOf } from '../../../platform/access/access.hook.ts';
export { formValues, nonEmpty } from '../../../web/form-values.ts';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../../platform/deps.ts';
import { problemFromError } from '../../../platform/http/error-handler.ts';
import { AppError, type FieldError } from '../../../platform/http/problem.ts';
import { faqTopicsFor } from '../../knowledge-base/faq.topics.ts';



/**
 * A refused action as field errors for the page: field errors keep their field (prefixed by the form),
 * other refusals (a status that does not allow the action) point at the form itself.
 */
export function pageErrors(error: unknown, request: FastifyRequest, prefix = ''): FieldError[] | null {
  if (!(error instanceof AppError) || (error.status !== 400 && error.status !== 409)) return null;
  const problem = problemFromError(error, request);
  const named = (field: string) => (prefix ? `${prefix}-${field}` : field);
  if (problem.errors?.length) return problem.errors.map((e) => ({ ...e, field: named(e.field) }));
  return [{ field: prefix || 'main', code: problem.code ?? 'refused', message: problem.title }];
}

/** Topic ids and names: the agency's question topics, plus any other value found on its inquiries. */
export function topicNames(deps: Pick<AppDeps, 'agencies'>, agency: string, lang: 'lv' | 'en', found: readonly string[] = []): Map<string, string> {
  const profile = deps.agencies.get(agency);
  const topics = new Map<string, string>(profile ? faqTopicsFor(profile).map((t) => [t.id, t.name[lang]]) : []);
  for (const topic of found) if (!topics.has(topic)) topics.set(topic, topic);
  return topics;
}
