import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { appointmentsPublicApi } from './appointments-public.api.ts';
import { appointmentsStaffApi } from './appointments-staff.api.ts';
import { appointmentsStaffPages } from './staff.pages.tsx';
import { bookingPages } from './booking.pages.tsx';
import { managePages } from './manage.pages.tsx';

/** Public pages and API of the appointments feature. */
export async function appointmentsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await appointmentsPublicApi(app, deps);
  await bookingPages(app, deps);
  await managePages(app, deps);
}

/** Staff pages and API under /staff/:agency and /api/v1/staff/:agency (behind the agency access gate). */
export async function appointmentsStaffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await appointmentsStaffApi(scoped, deps);
  await appointmentsStaffPages(scoped, deps);
}
