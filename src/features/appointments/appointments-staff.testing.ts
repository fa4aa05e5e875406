// Helpers for the staff appointment tests (not a test file itself).
import type { StaffRole } from '../../platform/access/roles.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import type { TestPlatform } from '../../../test/support/test-platform.ts';

/** A signed-in browser for a new staff member of the agency with the role. */
export async function staffBrowser(platform: TestPlatform, agency: string, role: StaffRole): Promise<TestBrowser> {
  const email = `${role}.${agency}.${Math.random().toString(36).slice(2, 8)}@example.lv`;
  return signedInStaff(platform, email, agency, role);
}
