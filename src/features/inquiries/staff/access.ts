import { canTransition, type InquiryStatus } from '../../../domain/inquiry/index.ts';

import { AppError } from '../../../platform/http/problem.ts';
import { isUuid } from '../inquiries-staff.schema.ts';

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
