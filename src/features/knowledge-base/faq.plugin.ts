import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** Public knowledge-base routes (pages and API). */
export async function knowledgeBaseRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** Staff knowledge-base routes; registered inside the agency gate (request.scope is set). */
export async function knowledgeBaseStaffRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
