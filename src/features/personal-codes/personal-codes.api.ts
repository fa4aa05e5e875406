import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { validatePersonalCode } from '../../domain/personal-code/index.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { bilingual } from '../../platform/i18n/index.ts';
import { personalCodeReasonKey } from './personal-codes.messages.ts';
import { PersonalCodeParamsSchema, PersonalCodeValidityResponseSchema } from './personal-codes.schema.ts';

export const VALIDITY_ROUTE = '/api/v1/personal-codes/:code/validity';

/**
 * The request log line of the validity route: Fastify's default `req` serializer with the URL replaced by the
 * route pattern, so that a personal code never reaches the logs (Cabinet Regulation 764: no personal data
 * in technical logs beyond need).
 */
export function redactedRequestSerializer(request: FastifyRequest): Record<string, unknown> {
  const query = request.url.includes('?') ? '?[redacted]' : '';
  return {
    method: request.method,
    url: `${VALIDITY_ROUTE.replace(':code', '[redacted]')}${query}`,
    version: request.headers?.['accept-version'],
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export function personalCodeValidity(code: string) {
  const result = validatePersonalCode(code);
  if (result.valid) return { valid: true, format: result.format, birthDate: result.birthDate };
  return { valid: false, format: result.format, reason: result.reason, message: bilingual(personalCodeReasonKey(result.reason)) };
}

export async function personalCodesRoutes(app: FastifyInstance, _deps: AppDeps): Promise<void> {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    VALIDITY_ROUTE,
    {
      schema: {
        tags: ['personal-codes'],
        summary: 'Check a Latvian personal identity code (format, date, check digit); nothing is stored or logged',
        description: 'Always 200 for a string up to 64 characters: `valid` says whether the code is well-formed.',
        params: PersonalCodeParamsSchema,
        response: { 200: PersonalCodeValidityResponseSchema },
      },
      logSerializers: { req: redactedRequestSerializer },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return personalCodeValidity(request.params.code);
    },
  );
}
