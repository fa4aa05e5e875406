import { WORKING_ROLES } from '../../platform/access/roles.ts';
import type { FeatureModule } from '../../platform/module.ts';
import { queueMessages } from './queue.messages.ts';
import { queueRoutes, queueStaffRoutes } from './queue.routes.ts';

export const queueModule = {
  name: 'queue',
  messages: { lv: { queue: queueMessages.lv }, en: { queue: queueMessages.en } },
  permissions: {
    // Running a counter, and the centre's figures.
    'queue.operate': WORKING_ROLES,
    'queue.figures': ['supervisor', 'administrator', 'auditor'],
    // One ticket opened from the records behind a queue figure (the same readers as the figures).
    'queue.tickets.view': ['supervisor', 'administrator', 'auditor'],
  },
  publicRoutes: queueRoutes,
  staffRoutes: queueStaffRoutes,
  apiTags: [{ name: 'queue', description: 'Walk-in queue: tickets, ticket state, display board (JSON and Server-Sent Events), counters, figures' }],
} satisfies FeatureModule;
