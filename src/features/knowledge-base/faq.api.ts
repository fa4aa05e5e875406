import { scopeOf } from '../../platform/access/access.hook.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { originOf } from '../../platform/audit/audit.ts';
import { readsOf, type AppDeps } from '../../platform/deps.ts';
import { AppError, fieldErrorsFromIssues, problemType, sendProblem } from '../../platform/http/problem.ts';
import type { FaqEntryRow } from './faq.repository.ts';
import { markedTextHtml } from '../../web/marked-text.tsx';
import {
  FaqAgencyParamsSchema,
  FaqListResponseSchema,
  FaqQuerySchema,
  StaffFaqEntryParamsSchema,
  StaffFaqEntrySchema,
  StaffFaqListResponseSchema,
  StaffFaqParamsSchema,
  StaffFaqWriteBodySchema,
} from './faq.schema.ts';
import { createFaq, listFaqForStaff, updateFaq, type FaqWriteResult } from './faq-staff.service.ts';
import { DEFAULT_SEARCH_LIMIT, listPublishedFaq, searchFaq, type FaqSearchHit } from './faq.service.ts';
import { faqTopicsFor } from './faq.topics.ts';

const TAGS = ['knowledge-base'];

/** Public API: an agency's published questions and answers, or search hits with ?q=. */
export async function faqApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const reads = { ...deps, db: readsOf(deps) }; // published entries only: the replica serves them
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/agencies/:slug/faq',
    {
      schema: {
        tags: TAGS,
        summary: "An agency's published questions and answers; with q, ranked search hits (diacritics and word forms optional)",
        params: FaqAgencyParamsSchema,
        querystring: FaqQuerySchema,
        response: { 200: FaqListResponseSchema },
      },
    },
    async (request) => {
      const agency = deps.agencies.require(request.params.slug);
      const { q, topic, limit } = request.query;
      const lang = request.query.lang ?? request.lang;
      const topics = faqTopicsFor(agency);
      if (topic && !topics.some((t) => t.id === topic)) {
        throw new AppError(400, 'validation', 'errors.validation', {}, [{ field: 'topic', code: 'invalid_value', messageKey: 'faq.errors.topic' }]);
      }
      const query = q?.trim() ? q.trim() : null;
      if (query === null) {
        const entries = await listPublishedFaq(reads, agency.slug, lang, topic);
        return { agency: agency.slug, lang, query: null, topics, entries, hits: [] };
      }
      const wanted = limit ?? DEFAULT_SEARCH_LIMIT;
      const found = await searchFaq(reads, agency.slug, query, lang, { limit: topic ? 50 : wanted });
      const hits = (topic ? found.filter((h) => h.topic === topic) : found).slice(0, wanted).map(hitJson);
      return { agency: agency.slug, lang, query, topics, entries: [], hits };
    },
  );
}

/** A search hit as the API gives it: the marked parts as safe HTML. */
export function hitJson({ questionMarks, answerMarks, ...hit }: FaqSearchHit) {
  return { ...hit, questionHighlighted: markedTextHtml(questionMarks), answerSnippet: markedTextHtml(answerMarks) };
}

function staffEntry(row: FaqEntryRow) {
  return {
    id: row.id,
    topic: row.topic,
    status: row.status,
    questionLv: row.questionLv,
    answerLv: row.answerLv,
    questionEn: row.questionEn,
    answerEn: row.answerEn,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

function sendWriteProblem(request: FastifyRequest, reply: FastifyReply, result: Exclude<FaqWriteResult, { ok: true }>) {
  if (result.reason === 'stale') {
    return sendProblem(reply, {
      type: problemType('stale-version'),
      title: request.t('faq.errors.stale', { current: result.current.version }),
      status: 409,
      code: 'stale-version',
      currentVersion: result.current.version,
    });
  }
  return sendProblem(reply, {
    type: problemType('validation'),
    title: request.t('errors.validation'),
    status: 400,
    code: 'validation',
    errors: fieldErrorsFromIssues(result.issues, request.t, request.lang),
  });
}

/** Staff JSON API inside the agency gate; changes need a supervisor or administrator (checked in the service). */
export async function faqStaffApiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/staff/:agency/faq',
    { config: { permission: 'workplace.view' }, schema: { tags: TAGS, summary: "All the agency's entries, drafts included", params: StaffFaqParamsSchema, response: { 200: StaffFaqListResponseSchema } } },
    async (request) => ({ entries: (await listFaqForStaff(deps, scopeOf(request))).map(staffEntry) }),
  );

  api.post(
    '/api/v1/staff/:agency/faq',
    {
      config: { permission: 'faq.edit' },
      schema: {
        tags: TAGS,
        summary: 'Create an entry (supervisors and administrators)',
        params: StaffFaqParamsSchema,
        body: StaffFaqWriteBodySchema,
        response: { 201: StaffFaqEntrySchema },
      },
    },
    async (request, reply) => {
      const result = await createFaq(deps, scopeOf(request), originOf(request), request.body);
      if (!result.ok) return sendWriteProblem(request, reply, result);
      return reply.status(201).send(staffEntry(result.entry));
    },
  );

  api.put(
    '/api/v1/staff/:agency/faq/:id',
    {
      config: { permission: 'faq.edit' },
      schema: {
        tags: TAGS,
        summary: 'Change an entry; `version` is the version the change is based on (409 if someone saved since)',
        params: StaffFaqEntryParamsSchema,
        body: StaffFaqWriteBodySchema,
        response: { 200: StaffFaqEntrySchema },
      },
    },
    async (request, reply) => {
      const { version, ...input } = request.body;
      const result = await updateFaq(deps, scopeOf(request), originOf(request), request.params.id, input, version);
      if (!result.ok) return sendWriteProblem(request, reply, result);
      return staffEntry(result.entry);
    },
  );
}
