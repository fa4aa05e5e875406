// The registers feature's wiring, in one place for the composition root: routes, messages, tables, jobs, permissions.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { registersApi } from './registers.api.ts';
import { registersPages } from './registers.pages.tsx';

export { registersMessages } from './registers.messages.ts';
export { registersPermissions } from './registers.permissions.ts';
export * as registersTables from './registers.tables.ts';
// For the "is the standard kept" dashboard.
export { giftCounts, incidentCounts, serviceErrorCounts } from './registers.counts.ts';

/** No public routes: the registers are staff-only. */
export async function publicRoutes(_app: FastifyInstance, _deps: AppDeps): Promise<void> {}

/** /staff/{agency}/registri/… pages and /api/v1/staff/{agency}/{incidents,service-errors,gifts} (behind the agency gate). */
export async function staffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await registersApi(scoped, deps);
  await registersPages(scoped, deps);
}

/** No background jobs (the retention feature, when it lands, anonymises these tables too). */
export const registersJobs: JobDefinition[] = [];

/**
 * Where the registers hold personal data, for the retention feature (when it lands) to anonymise: free texts that
 * may name a client or a staff member, the client's name, the apology letter (recipient address and text).
 */
export const registersPersonalData = {
  register_incidents: ['client', 'staff_involved', 'description', 'review_note'],
  register_service_errors: ['description', 'consequences'],
  register_service_error_steps: ['text', 'letter'],
  register_gifts: ['offered_by', 'what', 'reason'],
} as const;
