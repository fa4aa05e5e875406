import type { FeatureModule } from '../../platform/module.ts';
import { clientAccessMessages } from './client-access.messages.ts';
import { clientAccessPages } from './client-access.pages.tsx';

/** /{agency}/mani: a client's own inquiries, appointments and callbacks, after a one-time sign-in link by e-mail. */
export const clientAccessModule = {
  name: 'client-access',
  messages: { lv: { clientAccess: clientAccessMessages.lv }, en: { clientAccess: clientAccessMessages.en } },
  publicRoutes: clientAccessPages,
} satisfies FeatureModule;
