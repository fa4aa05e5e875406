import type { FeatureModule } from '../../platform/module.ts';
import { personalCodesRoutes } from './personal-codes.api.ts';
import { personalCodesMessages } from './personal-codes.messages.ts';

export const personalCodesModule = {
  name: 'personal-codes',
  publicRoutes: personalCodesRoutes,
  messages: { lv: { personalCodes: personalCodesMessages.lv }, en: { personalCodes: personalCodesMessages.en } },
  apiTags: [{ name: 'personal-codes', description: 'Latvian personal identity code validation' }],
} satisfies FeatureModule;
