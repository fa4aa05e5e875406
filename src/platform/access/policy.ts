import type { StaffRole } from '../db/schema.ts';
import { standardFiguresPermissions } from '../../features/standard-figures/standard-figures.permissions.ts';

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

const ALL: readonly StaffRole[] = ['specialist', 'supervisor', 'administrator', 'auditor'];

/** Which roles may do what. One table, read by the access hook. */
export const PERMISSIONS = {
  'workplace.view': ALL,
  'audit.read': ['auditor', 'administrator'],
  'calendar.manage': ['administrator'],
  'faq.edit': ['supervisor', 'administrator'],
  // Appointments: the day's work at a centre, and its setup (closures, capacity changes).
  'appointments.work': ['specialist', 'supervisor', 'administrator'],
  'appointments.configure': ['supervisor', 'administrator'],
  // Queue: running a counter, and the centre's figures.
  'queue.operate': ['specialist', 'supervisor', 'administrator'],
  'queue.figures': ['supervisor', 'administrator', 'auditor'],
  // Feedback: recording opinions given in person or by phone, and reading the results.
  'feedback.record': ['specialist', 'supervisor', 'administrator'],
  'feedback.results': ['supervisor', 'administrator', 'auditor'],
  ...standardFiguresPermissions,
} as const satisfies Record<string, readonly StaffRole[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleAllows(role: StaffRole, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly StaffRole[]).includes(role);
}

export function scopeFor(actor: StaffActor, agency: string): AgencyScope | null {
  const membership = actor.memberships.find((m) => m.agency === agency);
  return membership ? { actor, agency, role: membership.role } : null;
}

/** True when the actor holds the permission in at least one agency (for platform-wide data such as the calendar). */
export function allowedAnywhere(actor: StaffActor, permission: Permission): boolean {
  return actor.memberships.some((m) => roleAllows(m.role, permission));
}
