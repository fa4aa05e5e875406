import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** /{agency}/jautajums (question form), client follow-up, POST /api/v1/agencies/{slug}/inquiries, GET /api/v1/inquiries/{reference}. */
export async function publicInquiryRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
