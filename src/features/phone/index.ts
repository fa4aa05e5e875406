import type { FeatureModule } from '../../platform/module.ts';
import { registerChannelValues, registerFigureSource } from '../standard-figures/index.ts';
import { phoneFigureSources, phoneTopicChannelValues } from './phone.figure-sources.ts';
import { phoneApi } from './phone.api.ts';
import { phoneMessages } from './phone.messages.ts';
import { phonePermissions } from './phone.permissions.ts';
import { phonePublicPages } from './phone-public.pages.tsx';
import { phoneStaffPages } from './phone-staff.pages.tsx';

// phone.calls and phone.callbacksWithinPromise of "Is the standard kept?" (the seam of standard-figures).
for (const source of phoneFigureSources) registerFigureSource(source);
registerChannelValues(phoneTopicChannelValues);

/** The phone line (SPEC 7): lines and callbacks in public, the call log, callbacks and figures for staff. */
export const phoneModule = {
  name: 'phone',
  messages: { lv: { phone: phoneMessages.lv }, en: { phone: phoneMessages.en } },
  permissions: phonePermissions,
  // /{agency}/talrunis (lines, callback form), GET /api/v1/agencies/{slug}/phone, POST /api/v1/agencies/{slug}/callbacks.
  publicRoutes: async (app, deps) => {
    await phoneApi(app, deps);
    await phonePublicPages(app, deps);
  },
  // /staff/{agency}/talrunis (call log), …/atzvani (callbacks), …/skaitli (figures, CSV).
  staffRoutes: phoneStaffPages,
  apiTags: [{ name: 'phone', description: 'Phone lines with their hours and topics, callback requests' }],
} satisfies FeatureModule;
