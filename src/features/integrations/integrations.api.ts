import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { deliverDocument } from './deliveries.service.ts';
import { checkIntegrationKey, type IntegrationKeyRow } from './integration-keys.service.ts';
import { AgencyParamsSchema, DELIVERY_BODY_LIMIT, DeliveryBodySchema, DeliveryResultSchema } from './integrations.schema.ts';

declare module 'fastify' {
  interface FastifyRequest {
    integrationKey?: IntegrationKeyRow;
  }
}

/** The key is checked before the body is read: a request without a valid key costs no parsing and writes nothing. */
function requireKey(deps: AppDeps) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    const agency = (request.params as { agency?: string }).agency ?? '';
    const check = await checkIntegrationKey(deps.db, agency, request.headers.authorization);
    if (!check.ok) {
      throw check.status === 401 ? new AppError(401, 'integration-key-required', 'integrations.errors.missingKey') : new AppError(403, 'integration-key-other-agency', 'integrations.errors.otherAgency');
    }
    request.integrationKey = check.key;
  };
}

/** POST /api/v1/integrations/{agency}/documents: the e-address / Latvija.lv gateway delivers a document. */
export async function integrationsApi(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/integrations/:agency/documents',
    {
      bodyLimit: DELIVERY_BODY_LIMIT,
      onRequest: requireKey(deps),
      schema: {
        tags: ['integrations'],
        summary: 'Deliver a document from the official e-address or Latvija.lv (integration key)',
        description:
          'Authorization: Bearer <integration key>. A repeated externalMessageId returns the first inquiry (200, duplicate: true). Files are base64; each is examined for e-signatures on arrival.',
        params: AgencyParamsSchema,
        body: DeliveryBodySchema,
        response: { 200: DeliveryResultSchema, 201: DeliveryResultSchema },
      },
    },
    async (request, reply) => {
      const result = await deliverDocument(deps, request.integrationKey as IntegrationKeyRow, request.body, request.ip);
      return reply.status(result.duplicate ? 200 : 201).send(result);
    },
  );
}
