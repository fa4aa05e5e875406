// Helpers for the staff appointment tests (not a test file itself).
import type { StaffRole } from '../../platform/db/schema.ts';
import { TestBrowser } from '../../platform/testing/http-client.ts';
import type { TestPlatform } from '../../platform/testing/test-platform.ts';
import { createStaffUser } from '../staff/staff.service.ts';

const PASSWORD = 'correct horse battery';

/** A signed-in browser for a new staff member of the agency with the role. */
export async function staffBrowser(platform: TestPlatform, agency: string, role: StaffRole): Promise<TestBrowser> {
  const email = `${role}.${agency}.${Math.random().toString(36).slice(2, 8)}@example.lv`;
  await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'test', ip: null }, { email, name: `${role} ${agency}`, password: PASSWORD, agency, role });
  const browser = new TestBrowser(platform.app);
  await browser.signIn(email, PASSWORD);
  return browser;
}
