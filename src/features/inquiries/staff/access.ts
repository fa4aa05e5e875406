import { canTransition, type InquiryStatus } from '../../../domain/inquiry/index.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { StaffRole } from '../../../platform/db/schema.ts';
import { AppError } from '../../../platform/http/problem.ts';
import { isUuid } from '../inquiries-staff.schema.ts';

/** Specialists and up work inquiries; auditors only read. */
export const WORKING_ROLES: readonly StaffRole[] = ['specialist', 'supervisor', 'administrator'];
/** Answer templates and merging duplicates. */
export const MANAGING_ROLES: readonly StaffRole[] = ['supervisor', 'administrator'];

export function canWork(scope: AgencyScope): boolean {
  return WORKING_ROLES.includes(scope.role);
}

export function canManage(scope: AgencyScope): boolean {
  return MANAGING_ROLES.includes(scope.role);
}

export function requireRole(scope: AgencyScope, roles: readonly StaffRole[]): void {
  if (!roles.includes(scope.role)) throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
}

export function inquiryNotFound(): AppError {
  return new AppError(404, 'inquiry-not-found', 'errors.notFoundTitle');
}

/** A malformed id can never match: answer 404 before it reaches a uuid column. */
export function requireUuid(id: string): void {
  if (!isUuid(id)) throw inquiryNotFound();
}

export function assertTransition(from: InquiryStatus, to: InquiryStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError(409, 'invalid-transition', 'inquiries.staff.errors.invalidTransition', { status: from }, [], { from, to });
  }
}
