import type { FeatureModule } from '../../platform/module.ts';
import { calendarAdminPages } from './calendar-admin.pages.tsx';
import { calendarCommands } from './calendar.cli.ts';
import { calendarMessages } from './calendar.messages.ts';
import { calendarPages } from './calendar.pages.tsx';
import { calendarRoutes } from './calendar.api.ts';
import { seedKnownCalendarEntries } from './calendar.service.ts';

export const calendarModule = {
  name: 'calendar',
  messages: calendarMessages,
  permissions: { 'calendar.manage': ['administrator'] },
  publicRoutes: async (app, deps) => {
    await calendarRoutes(app, deps);
    await calendarPages(app, deps);
    await calendarAdminPages(app, deps);
  },
  seed: seedKnownCalendarEntries,
  cli: { calendar: calendarCommands },
  apiTags: [{ name: 'calendar', description: 'Latvian working-day calendar and statutory time limits' }],
} satisfies FeatureModule;
