import type { FeatureModule } from '../../platform/module.ts';
import { personalCodesRoutes } from './personal-codes.api.ts';

export const personalCodesModule = {
  name: 'personal-codes',
  publicRoutes: personalCodesRoutes,
  apiTags: [{ name: 'personal-codes', description: 'Latvian personal identity code validation' }],
} satisfies FeatureModule;
