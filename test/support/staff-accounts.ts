// Staff accounts for the tests: created through the real service, signed in through the real form.
import type { StaffRole } from '../../src/platform/access/roles.ts';
import { createStaffUser } from '../../src/features/staff/staff.service.ts';
import { TestBrowser } from './http-client.ts';
import type { TestPlatform } from './test-platform.ts';

export const TEST_PASSWORD = 'correct horse battery';

export type TestStaff = { id: string; email: string; name: string; agency: string; role: StaffRole };

/** A new staff member of the agency with the role (password TEST_PASSWORD); named after the e-mail's local part unless told. */
export async function addStaff(platform: TestPlatform, email: string, agency: string, role: StaffRole, name = email.split('@')[0] ?? email): Promise<TestStaff> {
  const user = await createStaffUser({ ...platform.deps, agencyExists: () => true }, { actorId: null, actorLabel: 'test', ip: null }, { email, name, password: TEST_PASSWORD, agency, role });
  return { id: user.id, email, name, agency, role };
}

/** A browser signed in as an existing staff member. */
export async function signedIn(platform: TestPlatform, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(platform.app);
  await browser.signIn(email, TEST_PASSWORD);
  return browser;
}

/** A new staff member, signed in. */
export async function signedInStaff(platform: TestPlatform, email: string, agency: string, role: StaffRole): Promise<TestBrowser> {
  await addStaff(platform, email, agency, role);
  return signedIn(platform, email);
}
