// The integrations feature's wiring: the public delivery API, the administrators' page, texts, tables, jobs, permissions.
import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../platform/deps.ts';
import { integrationsApi } from './integrations.api.ts';
import { integrationsPages } from './integrations.pages.tsx';

export { integrationsMessages } from './integrations.messages.ts';
export * from './integrations.tables.ts';
export { integrationsJobs } from './integrations.jobs.ts';
export { integrationsPermissions } from './integrations.permissions.ts';

export async function publicRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await integrationsApi(app, deps);
}

export async function staffRoutes(scoped: FastifyInstance, deps: AppDeps): Promise<void> {
  await integrationsPages(scoped, deps);
}
