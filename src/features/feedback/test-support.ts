import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { StaffRole } from '../../platform/db/schema.ts';
import { TestBrowser } from '../../platform/testing/http-client.ts';
import type { TestPlatform } from '../../platform/testing/test-platform.ts';
import { createStaffUser } from '../staff/staff.service.ts';

export const PASSWORD = 'correct horse battery';

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

export async function addStaff(platform: TestPlatform, email: string, agency: string, role: StaffRole): Promise<string> {
  const user = await createStaffUser(
    { ...platform.deps, agencyExists: () => true },
    { actorId: null, actorLabel: 'test', ip: null },
    { email, name: `Name ${email.split('@')[0]}`, password: PASSWORD, agency, role },
  );
  return user.id;
}

export async function signedIn(platform: TestPlatform, email: string): Promise<TestBrowser> {
  const browser = new TestBrowser(platform.app);
  await browser.signIn(email, PASSWORD);
  return browser;
}

export async function rows<T>(platform: TestPlatform, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await platform.deps.db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
