import { ALL_ROLES, MANAGING_ROLES, WORKING_ROLES } from '../../platform/access/roles.ts';
import type { FeatureModule } from '../../platform/module.ts';
import { appointmentsJobs } from './appointments.jobs.ts';
import { appointmentsMessages } from './appointments.messages.ts';
import { appointmentsRoutes, appointmentsStaffRoutes } from './appointments.routes.ts';

export const appointmentsModule = {
  name: 'appointments',
  messages: { lv: { appointments: appointmentsMessages.lv }, en: { appointments: appointmentsMessages.en } },
  permissions: {
    // Reading the schedule (auditors too), the day's work at a centre, and its setup (closures, capacity changes).
    'appointments.read': ALL_ROLES,
    'appointments.work': WORKING_ROLES,
    'appointments.configure': MANAGING_ROLES,
  },
  publicRoutes: appointmentsRoutes,
  staffRoutes: appointmentsStaffRoutes,
  jobs: appointmentsJobs,
  apiTags: [
    { name: 'appointments', description: 'Appointments at service centres and video consultations: centres, free slots, booking, the client’s own booking' },
  ],
} satisfies FeatureModule;
