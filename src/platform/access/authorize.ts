import { AppError } from '../http/problem.ts';
import { can, type AgencyScope, type Permission } from './policy.ts';

/** Refuses with 403 unless the scope holds the permission (services call it for decisions the gate cannot make). */
export function authorize(scope: AgencyScope, permission: Permission): void {
  if (!can(scope, permission)) throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
}
