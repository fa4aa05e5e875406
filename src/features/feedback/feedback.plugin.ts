import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';

/** Public pages and API of the feedback feature. */
export async function feedbackRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** Staff pages and API under /staff/:agency and /api/v1/staff/:agency (behind the agency access gate). */
export async function feedbackStaffRoutes(_scoped: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** Once-only seed data (runs at every start; must know whether it already ran). */
export async function seedFeedback(_deps: Pick<AppDeps, 'db' | 'agencies'>): Promise<void> {}
