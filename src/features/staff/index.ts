import { ALL_ROLES } from '../../platform/access/roles.ts';
import type { FeatureModule } from '../../platform/module.ts';
import { staffSessionHook } from './staff-session.hook.ts';
import { staffShellHook } from './staff-shell.hook.ts';
import { staffShellMessages } from './staff-shell.messages.ts';
import { usersCommands } from './staff.cli.ts';
import { staffMessages } from './staff.messages.ts';
import { staffPages } from './staff.pages.tsx';
import { workplaceRoutes } from './workplace.pages.tsx';

export const staffModule = {
  name: 'staff',
  messages: { lv: { ...staffMessages.lv, staffShell: staffShellMessages.lv }, en: { ...staffMessages.en, staffShell: staffShellMessages.en } },
  permissions: { 'workplace.view': ALL_ROLES },
  onRequest: staffSessionHook,
  // The staff navigation, agency switch and counts of what waits, for every staff page.
  preHandler: staffShellHook,
  publicRoutes: staffPages,
  staffRoutes: workplaceRoutes,
  cli: { users: usersCommands },
  apiTags: [{ name: 'staff', description: 'Staff endpoints: session cookie required; agency and role checked in one place' }],
} satisfies FeatureModule;
