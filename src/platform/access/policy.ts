import type { StaffRole } from './roles.ts';

export type Membership = { agency: string; role: StaffRole };

export type StaffActor = {
  id: string;
  email: string;
  name: string;
  memberships: Membership[];
  sessionId: string;
};

/** A staff member acting inside one agency: every staff service takes this, never a bare agency slug. */
export type AgencyScope = { actor: StaffActor; agency: string; role: StaffRole };

/**
 * The permission names the app knows. Empty here: the composition root (src/app/permissions.ts) augments it
 * with every feature's permissions, so a misspelt permission is a type error.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PermissionRegistry {}

export type Permission = keyof PermissionRegistry & string;

export type PermissionTable = Readonly<Record<string, readonly StaffRole[]>>;

let table: PermissionTable | undefined;

/** Installs the one permission table (called once by the composition root). */
export function installPermissions(permissions: PermissionTable): void {
  table = permissions;
}

export function isKnownPermission(permission: string): boolean {
  return Boolean(table && Object.hasOwn(table, permission));
}

export function roleAllows(role: StaffRole, permission: Permission): boolean {
  if (!table) throw new Error('permission table not installed (src/app/permissions.ts)');
  const roles = table[permission];
  if (!roles) throw new Error(`unknown permission: ${permission}`);
  return roles.includes(role);
}

export function scopeFor(actor: StaffActor, agency: string): AgencyScope | null {
  const membership = actor.memberships.find((m) => m.agency === agency);
  return membership ? { actor, agency, role: membership.role } : null;
}

/** True when the actor holds the permission in at least one agency (for platform-wide data such as the calendar). */
export function allowedAnywhere(actor: StaffActor, permission: Permission): boolean {
  return actor.memberships.some((m) => roleAllows(m.role, permission));
}

/** True when the scope's role holds the permission: what services and views ask, instead of comparing roles. */
export function can(scope: AgencyScope, permission: Permission): boolean {
  return roleAllows(scope.role, permission);
}
