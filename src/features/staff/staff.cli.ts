import { randomBytes } from 'node:crypto';
import { ZodError } from 'zod';
import { STAFF_ROLES } from '../../platform/access/roles.ts';
import type { CliGroup } from '../../platform/cli-command.ts';
import { createStaffUser, StaffUserError } from './staff.service.ts';

export const usersCommands: CliGroup = {
  create: {
    usage: `--agency SLUG --role (${STAFF_ROLES.join('|')}) --email EMAIL [--name NAME] [--password PASSWORD]`,
    description: 'Create a staff user (or give an existing one a role in another agency). Without --password one is generated and printed.',
    options: {
      agency: { type: 'string' },
      role: { type: 'string' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
    run: async (values, _positionals, { withPlatform, out, err }) => {
      const password = (values.password as string | undefined) ?? randomBytes(12).toString('base64url');
      const email = String(values.email ?? '');
      try {
        const user = await withPlatform((deps) =>
          createStaffUser(
            { ...deps, agencyExists: (slug) => deps.agencies.get(slug) !== undefined },
            { actorId: null, actorLabel: 'cli:users-create', ip: null },
            {
              email,
              name: String(values.name ?? email),
              password,
              agency: String(values.agency ?? ''),
              role: String(values.role ?? '') as (typeof STAFF_ROLES)[number],
            },
          ),
        );
        out(`Created ${user.email} as ${String(values.role)} of ${String(values.agency)}.`);
        if (!values.password) out(`Password: ${password}`);
        return 0;
      } catch (error) {
        if (error instanceof ZodError) {
          for (const issue of error.issues) err(`--${issue.path.join('.')}: ${issue.message}`);
          return 2;
        }
        if (error instanceof StaffUserError) {
          err(error.message);
          return 2;
        }
        throw error;
      }
    },
  },
};
