import type { FeatureModule } from '../../platform/module.ts';
import { standardFiguresJobs } from './standard-figures.jobs.ts';
import { standardFiguresMessages } from './standard-figures.messages.ts';
import { standardFiguresPermissions } from './standard-figures.permissions.ts';
import { standardFiguresPublicRoutes, standardFiguresStaffRoutes } from './standard-figures.routes.ts';

/** The seam for the phone and registers features: each registers its FigureSource here. */
export { FIGURE_DAYS_INSERT, registerChannelValues, registerFigureSource, rigaDay, type ChannelValues, type FigureSource, type RefreshWindow } from './sources.ts';
/** Flow counters for the question form and the booking flow (called from their pages). */
export { countFlowStep } from './flow-counter.ts';

/** "Is the standard kept?" (SPEC 11): every promise of the standard against its measured figure, for staff and in public. */
export const standardFiguresModule = {
  name: 'standard-figures',
  messages: { lv: { standardFigures: standardFiguresMessages.lv }, en: { standardFigures: standardFiguresMessages.en } },
  permissions: standardFiguresPermissions,
  // /{agency}/standarts/izpilde and the open data API (JSON, CSV).
  publicRoutes: standardFiguresPublicRoutes,
  // /staff/{agency}/standarts, its CSV and drill-down, and the staff API.
  staffRoutes: standardFiguresStaffRoutes,
  jobs: standardFiguresJobs,
  apiTags: [{ name: 'standard-figures', description: 'Is the standard kept: each promise of the agency’s standard against its measured figure' }],
} satisfies FeatureModule;
