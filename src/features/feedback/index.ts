import { WORKING_ROLES } from '../../platform/access/roles.ts';
import type { FeatureModule } from '../../platform/module.ts';
import { feedbackMessages } from './feedback.messages.ts';
import { feedbackRoutes, feedbackStaffRoutes } from './feedback.routes.ts';

export const feedbackModule = {
  name: 'feedback',
  messages: { lv: { feedback: feedbackMessages.lv }, en: { feedback: feedbackMessages.en } },
  permissions: {
    // Recording opinions given in person or by phone, and reading the results.
    'feedback.record': WORKING_ROLES,
    'feedback.results': ['supervisor', 'administrator', 'auditor'],
  },
  publicRoutes: feedbackRoutes,
  staffRoutes: feedbackStaffRoutes,
} satisfies FeatureModule;
