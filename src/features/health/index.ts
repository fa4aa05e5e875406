import type { FeatureModule } from '../../platform/module.ts';
import { healthRoutes } from './health.api.ts';

export const healthModule = {
  name: 'health',
  publicRoutes: healthRoutes,
  apiTags: [{ name: 'health', description: 'Service health' }],
} satisfies FeatureModule;
