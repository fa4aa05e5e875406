import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { originOf } from '../../../platform/audit/audit.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/http/problem.ts';
import { PublicInquiryBodySchema, PublicInquiryCreatedSchema } from '../inquiries.schema.ts';
import { AgencySlugParamsSchema, ClientAccessQuerySchema, ClientInquiryResponseSchema, ReferenceParamsSchema } from '../inquiries-public.schema.ts';
import { IdempotencyHeadersSchema } from '../idempotency.ts';
import { fileApiQuestion, openInquiryForClient } from '../inquiries-public.service.ts';

/** POST /api/v1/agencies/{slug}/inquiries and GET /api/v1/inquiries/{reference}: JSON only (no multipart here). */
export async function publicInquiryApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/agencies/:slug/inquiries',
    {
      schema: {
        tags: ['inquiries'],
        summary:
          'Ask the agency a question (the public question form as JSON); the access code is shown only in this answer. ' +
          'With an `Idempotency-Key` a retry answers 200 with the first inquiry (no access code); the key with a different body is 422',
        params: AgencySlugParamsSchema,
        headers: IdempotencyHeadersSchema,
        body: PublicInquiryBodySchema,
        response: { 201: PublicInquiryCreatedSchema, 200: PublicInquiryCreatedSchema.omit({ accessCode: true }) },
      },
      // An unknown agency is a 404 whatever the body holds.
      preValidation: async (request) => {
        deps.agencies.require((request.params as { slug: string }).slug);
      },
    },
    async (request, reply) => {
      const profile = deps.agencies.require(request.params.slug);
      const result = await fileApiQuestion(deps, originOf(request), profile, request.body, request.headers['idempotency-key']);
      reply.header('cache-control', 'no-store');
      if (result.kind === 'mismatch') throw new AppError(422, 'idempotency-key-reused', 'inquiries.public.idempotency.keyReused', {}, [
          { field: 'idempotency-key', code: 'reused', messageKey: 'inquiries.public.idempotency.keyReused' },
        ]);
      // A retry gets the first inquiry, but not its access code: it was shown once, in the first answer (as a booking's manage token).
      if (result.kind === 'repeated') return reply.status(200).send({ reference: result.inquiry.reference, deadline: result.inquiry.deadline });
      const { inquiry, accessCode } = result.filed;
      return reply.status(201).send({ reference: inquiry.reference, accessCode, deadline: inquiry.deadline });
    },
  );

  api.get(
    '/api/v1/inquiries/:reference',
    {
      schema: {
        tags: ['inquiries'],
        summary: "The client's view of an inquiry: status, deadline and correspondence. A wrong code answers exactly like an unknown reference (404); after repeated failures on a reference or from an address the next attempt waits a growing delay (429 with Retry-After, at most 60 s)",
        params: ReferenceParamsSchema,
        querystring: ClientAccessQuerySchema,
        response: { 200: ClientInquiryResponseSchema },
      },
    },
    async (request, reply) => {
      const header = request.headers['x-access-code'];
      const code = request.query.code ?? (typeof header === 'string' ? header : undefined);
      const result = await openInquiryForClient(deps, originOf(request), { reference: request.params.reference, code });
      reply.header('cache-control', 'no-store');
      if (result.ok) return result.inquiry;
      if (result.reason === 'rate-limited') {
        reply.header('retry-after', String(result.retryAfterSeconds));
        throw new AppError(429, 'too-many-attempts', 'hardening.slowDown', { seconds: result.retryAfterSeconds });
      }
      throw new AppError(404, 'inquiry-not-found', 'inquiries.public.follow.notFound');
    },
  );
}
