import { AppError } from '../http/problem.ts';
import { can, type AgencyScope, type Permission } from './policy.ts';

/**
 * A rule for a decision that depends on the record: the permission the role must hold, and optionally a
 * predicate over the scope and the record (Outline's `allow(actor, action, subject, predicate)`).
 */
export type PolicyRule<Subject> = {
  permission: Permission;
  when?: (scope: AgencyScope, subject: Subject) => boolean;
};

export type EntityPolicy<Action extends string, Subject> = {
  /** True when any rule for the action allows it. Views ask this to show or hide an action. */
  can: (scope: AgencyScope, action: Action, subject: Subject) => boolean;
  /** Refuses with 403 unless `can`. Services call it before the change. */
  authorize: (scope: AgencyScope, action: Action, subject: Subject) => void;
};

/** One declarative policy per entity, used by services and views alike. */
export function definePolicy<Action extends string, Subject>(
  rules: Record<Action, readonly PolicyRule<Subject>[]>,
): EntityPolicy<Action, Subject> {
  const allows = (scope: AgencyScope, action: Action, subject: Subject) =>
    rules[action].some((rule) => can(scope, rule.permission) && (rule.when?.(scope, subject) ?? true));
  return {
    can: allows,
    authorize: (scope, action, subject) => {
      if (!allows(scope, action, subject)) throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
    },
  };
}
