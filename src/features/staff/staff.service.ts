import { withTransaction } from '../../platform/db/transaction.ts';
import { createHash, randomBytes } from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { StaffActor } from '../../platform/access/policy.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import * as repo from './staff.repository.ts';
import { signInWaitSeconds } from './sign-in-throttle.ts';
import { NewStaffUserSchema, type NewStaffUser } from './staff.schema.ts';

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;
export { MAX_FAILED_PER_EMAIL, MAX_FAILED_PER_IP, SIGN_IN_WINDOW_MINUTES } from './sign-in-throttle.ts';

const ARGON2 = { algorithm: Algorithm.Argon2id } as const;
// Verified when the e-mail is unknown, so that the answer takes as long either way.
const DUMMY_HASH = await hash('apkalpe-timing-equaliser', ARGON2);

export class StaffUserError extends Error {}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createStaffUser(
  deps: ServiceDeps & { agencyExists: (slug: string) => boolean },
  origin: AuditOrigin,
  input: NewStaffUser,
): Promise<repo.StaffUserRow> {
  const user = NewStaffUserSchema.parse(input);
  if (!deps.agencyExists(user.agency)) throw new StaffUserError(`Unknown agency "${user.agency}"`);
  const passwordHash = await hash(user.password, ARGON2);
  return withTransaction(deps.db, async (db) => {
    const existing = await repo.findUserByEmail(db, user.email);
    const row = existing ?? (await repo.insertUser(db, { email: user.email, name: user.name, passwordHash }));
    await repo.upsertMembership(db, row.id, user.agency, user.role);
    await recordAudit(db, deps.clock, origin, {
      action: existing ? 'staff.membership-set' : 'staff.user-created',
      recordType: 'staff_user',
      recordId: row.id,
      agency: user.agency,
      details: { email: user.email, role: user.role },
    });
    return row;
  });
}

export type SignInResult =
  | { ok: true; token: string; actor: StaffActor }
  | { ok: false; reason: 'bad-credentials' }
  | { ok: false; reason: 'rate-limited'; retryAfterSeconds: number };

export async function signIn(
  deps: ServiceDeps,
  origin: AuditOrigin & { userAgent: string | null },
  credentials: { email: string; password: string },
): Promise<SignInResult> {
  const email = credentials.email.trim().toLowerCase();
  const now = new Date(deps.clock().epochMilliseconds);
  const wait = await signInWaitSeconds(deps.db, email, origin.ip, now);
  if (wait > 0) {
    await recordAudit(deps.db, deps.clock, origin, {
      action: 'staff.sign-in-refused',
      recordType: 'staff_session',
      details: { email, reason: 'rate-limited' },
    });
    return { ok: false, reason: 'rate-limited', retryAfterSeconds: wait };
  }

  const user = await repo.findUserByEmail(deps.db, email);
  const passwordOk = await verify(user?.passwordHash ?? DUMMY_HASH, credentials.password);
  if (!user || !passwordOk || user.disabledAt) {
    await recordAudit(deps.db, deps.clock, { ...origin, actorId: user?.id ?? null, actorLabel: email }, {
      action: 'staff.sign-in-failed',
      recordType: 'staff_session',
      details: { email, ip: origin.ip ?? '' },
    });
    return { ok: false, reason: 'bad-credentials' };
  }

  const token = randomBytes(32).toString('base64url');
  const sessionId = hashSessionToken(token);
  await withTransaction(deps.db, async (db) => {
    await repo.insertSession(db, {
      id: sessionId,
      userId: user.id,
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      ip: origin.ip,
      userAgent: origin.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(db, deps.clock, { ...origin, actorId: user.id, actorLabel: user.email }, {
      action: 'staff.signed-in',
      recordType: 'staff_session',
      recordId: sessionId.slice(0, 12),
    });
  });
  const memberships = await repo.listMemberships(deps.db, user.id);
  return { ok: true, token, actor: { id: user.id, email: user.email, name: user.name, memberships, sessionId } };
}

export async function resolveSession(deps: ServiceDeps, token: string): Promise<StaffActor | null> {
  const sessionId = hashSessionToken(token);
  const row = await repo.findLiveSession(deps.db, sessionId, new Date(deps.clock().epochMilliseconds));
  if (!row || row.user.disabledAt) return null;
  return { id: row.user.id, email: row.user.email, name: row.user.name, memberships: row.memberships, sessionId };
}

export async function signOut(deps: ServiceDeps, origin: AuditOrigin, actor: StaffActor): Promise<void> {
  await withTransaction(deps.db, async (db) => {
    await repo.deleteSession(db, actor.sessionId);
    await recordAudit(db, deps.clock, origin, {
      action: 'staff.signed-out',
      recordType: 'staff_session',
      recordId: actor.sessionId.slice(0, 12),
    });
  });
}

export async function hasAnyStaff(deps: ServiceDeps): Promise<boolean> {
  return (await repo.countUsers(deps.db)) > 0;
}
