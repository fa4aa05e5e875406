import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** Public pages and API of the queue feature. */
export async function queueRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** Staff pages and API under /staff/:agency and /api/v1/staff/:agency (behind the agency access gate). */
export async function queueStaffRoutes(_scoped: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** Once-only seed data (runs at every start; must know whether it already ran). */
export async function seedQueue(_deps: Pick<AppDeps, 'db' | 'agencies'>): Promise<void> {}
