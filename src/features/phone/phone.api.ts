import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { originOf } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { problemType, sendProblem } from '../../platform/http/problem.ts';
import { rigaIsoAt } from '../../domain/opening-hours/index.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { instantOf, requestCallback } from './callback-request.service.ts';
import { linesWithStatus, phoneTopics } from './phone-lines.ts';
import { AgencyParamsSchema, CallbackBodySchema, CallbackCreatedSchema, PhoneLinesSchema } from './phone.schema.ts';

/** GET /api/v1/agencies/{slug}/phone and POST /api/v1/agencies/{slug}/callbacks. */
export async function phoneApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/agencies/:slug/phone',
    { schema: { tags: ['phone'], summary: 'Phone lines (with each centre’s own number), their hours, open now / next change, topics, recording', params: AgencyParamsSchema, response: { 200: PhoneLinesSchema } } },
    async (request) => {
      const profile = deps.agencies.require(request.params.slug);
      const lang = request.lang;
      const lines = linesWithStatus(profile, await loadCalendar(deps), deps.clock());
      return {
        lines: lines.map(({ line, status }) => ({
          id: line.id,
          number: line.number,
          name: line.name[lang],
          hours: status.weekly,
          openNow: status.openNow,
          nextChange: status.nextChange,
          topics: line.topics.map((topic) => topic.id),
          recorded: line.recorded,
        })),
        topics: phoneTopics(profile).map((topic) => ({ id: topic.id, name: topic.name[lang] })),
      };
    },
  );

  api.post(
    '/api/v1/agencies/:slug/callbacks',
    {
      schema: {
        tags: ['phone'],
        summary: 'Ask to be called back on a working day inside the line hours',
        description: 'Errors: 400 with field errors (phone, topic, window.from, window.to, email, consent…); 404 unknown agency; 429 too many requests from one address or for one number.',
        params: AgencyParamsSchema,
        body: CallbackBodySchema,
        response: { 201: CallbackCreatedSchema },
      },
      preValidation: async (request) => {
        deps.agencies.require((request.params as { slug: string }).slug);
      },
    },
    async (request, reply) => {
      const profile = deps.agencies.require(request.params.slug);
      const body = request.body;
      const result = await requestCallback(
        deps,
        originOf(request),
        profile,
        { name: body.name, phone: body.phone, topic: body.topic, from: instantOf(body.window.from), to: instantOf(body.window.to), description: body.description ?? '', email: body.email ?? '', consent: body.consent, lang: request.lang },
        { window: 'window', from: 'window.from', to: 'window.to' },
      );
      reply.header('cache-control', 'no-store');
      if (result.kind === 'invalid') {
        return sendProblem(reply, { type: problemType('validation'), title: request.t('errors.validation'), status: 400, code: 'validation', errors: result.errors });
      }
      if (result.kind === 'rate-limited') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        return sendProblem(reply, { type: problemType('too-many-requests'), title: result.errors[0]?.message ?? request.t('errors.tooManyRequests'), status: 429, code: 'too-many-requests', errors: result.errors });
      }
      return reply.status(201).send({ id: result.id, callBy: rigaIsoAt(result.callBy.epochMilliseconds) });
    },
  );
}
