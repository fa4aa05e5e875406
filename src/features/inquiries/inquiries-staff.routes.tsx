import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** Staff inbox and inquiry work under /staff/{agency}/… and /api/v1/staff/{agency}/…; inside the agency gate. */
export async function staffInquiryRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
