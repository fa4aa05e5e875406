// Helpers for the staff appointment tests (not a test file itself).
import type { StaffRole } from '../../platform/db/schema.ts';
import type { TestBrowser } from '../../platform/testing/http-client.ts';
import { signedInStaff } from '../../platform/testing/staff-accounts.ts';
import type { TestPlatform } from '../../platform/testing/test-platform.ts';

/** A signed-in browser for a new staff member of the agency with the role. */
export async function staffBrowser(platform: TestPlatform, agency: string, role: StaffRole): Promise<TestBrowser> {
  const email = `${role}.${agency}.${Math.random().toString(36).slice(2, 8)}@example.lv`;
  return signedInStaff(platform, email, agency, role);
}
