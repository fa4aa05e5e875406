import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { opinionPages } from './opinion.pages.tsx';
import { feedbackStaffPages } from './feedback-staff.pages.tsx';
import { surveyPages } from './survey.pages.tsx';

/** Public pages of the feedback feature: /{agency}/aptauja/{token} (survey) and /{agency}/atsauksme (opinion form). */
export async function feedbackRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await surveyPages(app, deps);
  await opinionPages(app, deps);
}

/** Staff pages under /staff/:agency/atsauksmes (behind the agency access gate). */
export async function feedbackStaffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await feedbackStaffPages(scoped, deps);
}
