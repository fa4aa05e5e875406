import type { ServiceDeps } from '../../platform/deps.ts';
import type { StaffRole } from '../../platform/access/roles.ts';
import { createStaffUser, hasAnyStaff } from './staff.service.ts';

export const DEMO_PASSWORD = 'apkalpe-demo-2026';
const DEMO_ROLES: StaffRole[] = ['specialist', 'supervisor', 'administrator', 'auditor'];

export type DemoUser = { email: string; agency: string; role: StaffRole };

/** Demo staff for each agency and role: created on the first start of the embedded database only. */
export async function createDemoUsers(deps: ServiceDeps, agencies: readonly string[]): Promise<DemoUser[]> {
  if (await hasAnyStaff(deps)) return [];
  const created: DemoUser[] = [];
  for (const agency of agencies) {
    for (const role of DEMO_ROLES) {
      const email = `${role}.${agency}@demo.apkalpe.lv`;
      await createStaffUser(
        { ...deps, agencyExists: () => true },
        { actorId: null, actorLabel: 'system:demo-setup', ip: null },
        { email, name: `Demo ${role} (${agency})`, password: DEMO_PASSWORD, agency, role },
      );
      created.push({ email, agency, role });
    }
  }
  return created;
}
