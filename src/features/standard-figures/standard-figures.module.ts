// The standard-figures feature in one place: "Is the standard kept?" (issue 19).
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { standardFiguresPublicRoutes, standardFiguresStaffRoutes } from './standard-figures.routes.tsx';

export { standardFiguresMessages } from './standard-figures.messages.ts';
export * from './standard-figures.tables.ts';
export { standardFiguresJobs } from './standard-figures.jobs.ts';
export { standardFiguresPermissions } from './standard-figures.permissions.ts';
/** The seam for the phone and registers features: each registers its FigureSource here. */
export { registerFigureSource } from './sources.ts';
/** Flow counters for the question form and the booking flow (called from their pages). */
export { countFlowStep } from './flow-counter.ts';

/** Public page /{agency}/standarts/izpilde and the open-data API (JSON, CSV). */
export async function publicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await standardFiguresPublicRoutes(app, deps);
}

/** Staff page /staff/{agency}/standarts, its CSV and drill-down, and the staff API (behind the agency gate). */
export async function staffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await standardFiguresStaffRoutes(scoped, deps);
}
