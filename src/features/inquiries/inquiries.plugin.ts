import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { publicInquiryRoutes } from './inquiries-public.routes.tsx';
import { staffInquiryRoutes } from './inquiries-staff.routes.tsx';

/** Public inquiry routes: the question form, client follow-up, the public API. */
export async function inquiriesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await publicInquiryRoutes(app, deps);
}

/** Staff inquiry routes; registered inside the agency gate (request.scope is set). */
export async function inquiriesStaffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await staffInquiryRoutes(app, deps);
}
