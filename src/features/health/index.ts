import type { FeatureModule } from '../../platform/module.ts';
import { healthRoutes } from './health.routes.ts';

export const healthModule = {
  name: 'health',
  publicRoutes: healthRoutes,
  apiTags: [{ name: 'health', description: 'Service health' }],
} satisfies FeatureModule;
