import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** Public inquiry routes: the question form, client follow-up, the public API. */
export async function inquiriesRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** Staff inquiry routes; registered inside the agency gate (request.scope is set). */
export async function inquiriesStaffRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}
