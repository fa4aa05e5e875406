import type { FeatureModule } from '../../platform/module.ts';
import { privacyStaffApi } from './privacy.api.ts';
import { retentionCommands } from './privacy.cli.ts';
import { privacyJobs } from './privacy.jobs.ts';
import { privacyMessages } from './privacy.messages.ts';
import { privacyPermissions } from './privacy.permissions.ts';
import { privacyStaffPages } from './privacy-staff.pages.tsx';
import { statementPages } from './statements.pages.tsx';

export { RECORD_KINDS } from './record-kinds.ts';

/** Privacy (SPEC 10): retention and anonymisation, legal holds, subject access, the privacy and accessibility statements. */
export const privacyModule = {
  name: 'privacy',
  messages: { lv: { privacy: privacyMessages.lv }, en: { privacy: privacyMessages.en } },
  permissions: privacyPermissions,
  // /{agency}/privatums and /{agency}/pieejamiba.
  publicRoutes: statementPages,
  // /staff/{agency}/privatums… and POST /api/v1/staff/{agency}/subject-access.
  staffRoutes: async (scoped, deps) => {
    await privacyStaffPages(scoped, deps);
    await privacyStaffApi(scoped, deps);
  },
  jobs: privacyJobs,
  cli: { retention: retentionCommands },
  apiTags: [{ name: 'privacy', description: 'Subject access: every record the agency holds about a person, with who read or changed it' }],
} satisfies FeatureModule;
