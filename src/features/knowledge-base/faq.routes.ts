import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { faqStaffPages } from './faq-staff.pages.tsx';
import { faqPages } from './faq.pages.tsx';
import { faqApiRoutes, faqStaffApiRoutes } from './faq.api.ts';

/** Public knowledge-base routes (pages and API). */
export async function knowledgeBaseRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await faqApiRoutes(app, deps);
  await faqPages(app, deps);
}

/** Staff knowledge-base routes; registered inside the agency gate (request.scope is set). */
export async function knowledgeBaseStaffRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await faqStaffApiRoutes(app, deps);
  await faqStaffPages(app, deps);
}
