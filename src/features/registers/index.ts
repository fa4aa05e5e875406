import type { FeatureModule } from '../../platform/module.ts';
import { registerChannelValues, registerFigureSource } from '../standard-figures/index.ts';
import { incidentChannelValues, registersFigureSources } from './registers.figure-sources.ts';
import { registersApi } from './registers.api.ts';
import { registersMessages } from './registers.messages.ts';
import { registersPages } from './registers.pages.tsx';
import { registersPermissions } from './registers.permissions.ts';

// For the "is the standard kept" dashboard.
export { giftCounts, incidentCounts, serviceErrorCounts } from './registers.counts.ts';

// errors.*, incidents.recorded and gifts.* of "Is the standard kept?" (the seam of standard-figures).
for (const source of registersFigureSources) registerFigureSource(source);
for (const values of incidentChannelValues) registerChannelValues(values);

/** Conduct registers (SPEC 9): incidents, service errors, gifts and benefits; staff only. */
export const registersModule = {
  name: 'registers',
  messages: { lv: { registers: registersMessages.lv }, en: { registers: registersMessages.en } },
  permissions: registersPermissions,
  // /staff/{agency}/registri/… pages and /api/v1/staff/{agency}/{incidents,service-errors,gifts}.
  staffRoutes: async (scoped, deps) => {
    await registersApi(scoped, deps);
    await registersPages(scoped, deps);
  },
  apiTags: [{ name: 'registers', description: 'Conduct registers: incidents on premises, service errors (admit, apologise, remedy), gifts and benefits' }],
} satisfies FeatureModule;

/**
 * Where the registers hold personal data, for the retention feature to anonymise: free texts that may name a
 * client or a staff member, the client's name, the apology letter (recipient address and text).
 */
export const registersPersonalData = {
  register_incidents: ['client', 'staff_involved', 'description', 'review_note'],
  register_service_errors: ['description', 'consequences'],
  register_service_error_steps: ['text', 'letter'],
  register_gifts: ['offered_by', 'what', 'reason'],
} as const;
