import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { clientAccessPages } from '../client-access/client-access.pages.tsx';
import { privacyStaffApi } from './privacy.api.ts';
import { privacyStaffPages } from './privacy-staff.pages.tsx';
import { statementPages } from './statements.pages.tsx';

// The privacy feature's wiring in one place (for the composition root).
export { privacyMessages } from './privacy.messages.ts';
export { clientAccessMessages } from '../client-access/client-access.messages.ts';
export * as privacyTables from './privacy.tables.ts';
export { privacyJobs } from './privacy.jobs.ts';
export { privacyPermissions } from './privacy.permissions.ts';
export { RECORD_KINDS } from './record-kinds.ts';
export { retentionCommands } from './privacy.cli.ts';

/** Public: /{agency}/privatums, /{agency}/pieejamiba and the clients' own area /{agency}/mani. */
export async function publicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await statementPages(app, deps);
  await clientAccessPages(app, deps);
}

/** Behind the agency gate: /staff/{agency}/privatums… and POST /api/v1/staff/{agency}/subject-access. */
export async function staffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await privacyStaffPages(scoped, deps);
  await privacyStaffApi(scoped, deps);
}
