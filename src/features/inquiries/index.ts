import { ALL_ROLES, MANAGING_ROLES, WORKING_ROLES } from '../../platform/access/roles.ts';
import type { FeatureModule } from '../../platform/module.ts';
import { inquiriesJobs } from './inquiries.jobs.ts';
import { inquiriesMessages } from './inquiries.messages.ts';
import { inquiriesRoutes, inquiriesStaffRoutes } from './inquiries.routes.ts';

export const inquiriesModule = {
  name: 'inquiries',
  messages: { lv: { inquiries: inquiriesMessages.lv }, en: { inquiries: inquiriesMessages.en } },
  permissions: {
    'inquiries.read': ALL_ROLES,
    // Specialists and up work inquiries; auditors only read.
    'inquiries.work': WORKING_ROLES,
    // Answer templates and merging duplicates.
    'inquiries.manage': MANAGING_ROLES,
  },
  publicRoutes: inquiriesRoutes,
  staffRoutes: inquiriesStaffRoutes,
  jobs: inquiriesJobs,
  apiTags: [{ name: 'inquiries', description: 'Written inquiries: filing, client follow-up, staff work' }],
} satisfies FeatureModule;
