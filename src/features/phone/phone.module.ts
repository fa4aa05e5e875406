// The phone feature's wiring: routes, messages, tables, jobs and permissions (SPEC 7).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import type { JobDefinition } from '../../platform/jobs/job-definition.ts';
import { phoneApi } from './phone.api.ts';
import { phonePublicPages } from './phone-public.pages.tsx';
import { phoneStaffPages } from './phone-staff.pages.tsx';

export { phoneMessages } from './phone.messages.ts';
export * from './phone.tables.ts';

/** Public: /{agency}/talrunis (lines, callback form), GET /api/v1/agencies/{slug}/phone, POST /api/v1/agencies/{slug}/callbacks. */
export async function publicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await phoneApi(app, deps);
  await phonePublicPages(app, deps);
}

/** Staff, behind the agency gate: /staff/{agency}/talrunis (call log), …/atzvani (callbacks), …/skaitli (figures, CSV). */
export async function staffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await phoneStaffPages(scoped, deps);
}

export const phoneJobs: JobDefinition[] = [];

export { phonePermissions } from './phone.permissions.ts';
