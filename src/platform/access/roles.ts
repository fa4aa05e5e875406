export const STAFF_ROLES = ['specialist', 'supervisor', 'administrator', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Shorthands the features' permission tables use. */
export const ALL_ROLES: readonly StaffRole[] = STAFF_ROLES;
export const WORKING_ROLES: readonly StaffRole[] = ['specialist', 'supervisor', 'administrator'];
export const MANAGING_ROLES: readonly StaffRole[] = ['supervisor', 'administrator'];
