/** PostgreSQL's SQLSTATE codes for the integrity constraints the app relies on. */
const SQLSTATE = { unique: '23505', check: '23514', foreignKey: '23503', exclusion: '23P01' } as const;

export type ConstraintKind = keyof typeof SQLSTATE;

/**
 * The name of the constraint of `kind` that a database error broke, or undefined when it broke none
 * (drizzle wraps the driver's error in `cause`; both drivers name the constraint).
 */
export function violatedConstraint(error: unknown, kind: ConstraintKind): string | undefined {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === SQLSTATE[kind]) return constraint ?? '';
  }
  return undefined;
}

/** True when the error broke a constraint of `kind` (and, when given, the one named `constraint`). */
export function isConstraintViolation(error: unknown, kind: ConstraintKind, constraint?: string): boolean {
  const broken = violatedConstraint(error, kind);
  return broken !== undefined && (constraint === undefined || broken === constraint);
}
