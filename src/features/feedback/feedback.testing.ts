import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { StaffRole } from '../../platform/access/roles.ts';
import type { TestPlatform } from '../../../test/support/test-platform.ts';
import { addStaff as addTestStaff } from '../../../test/support/staff-accounts.ts';

/** A clock the test can move forward. */
export function movableClock(iso: string) {
  let now = Temporal.Instant.from(iso);
  return {
    clock: () => now,
    advance: (duration: Temporal.DurationLike) => {
      now = now.add(duration);
    },
  };
}

export { signedIn } from '../../../test/support/staff-accounts.ts';

/** A new staff member's id; named "Name <local part>" so that a page showing the name is unmistakable. */
export async function addStaff(platform: TestPlatform, email: string, agency: string, role: StaffRole): Promise<string> {
  return (await addTestStaff(platform, email, agency, role, `Name ${email.split('@')[0]}`)).id;
}

import { queryRows as rows } from '../../../test/support/sql-rows.ts';
export { rows };
