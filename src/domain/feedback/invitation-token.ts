import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a survey link proves: which invitation, valid until when. */
export type InvitationClaim = { invitationId: string; expiresAt: Date };

export type TokenCheck =
  | { ok: true; claim: InvitationClaim }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const TOKEN = /^([0-9a-f-]{36})\.([0-9a-z]{1,12})\.([A-Za-z0-9_-]{43})$/;

function mac(secret: string, invitationId: string, expirySeconds: string): string {
  return createHmac('sha256', secret).update(`survey-invitation\n${invitationId}\n${expirySeconds}`).digest('base64url');
}

/** The signed link token: invitation id, expiry (seconds, base 36) and an HMAC-SHA256 over both. */
export function signInvitationToken(secret: string, claim: InvitationClaim): string {
  if (!UUID.test(claim.invitationId)) throw new Error('invitation id must be a lower-case UUID');
  const expiry = Math.floor(claim.expiresAt.getTime() / 1000).toString(36);
  return `${claim.invitationId}.${expiry}.${mac(secret, claim.invitationId, expiry)}`;
}

/** Checks the signature in constant time, then the expiry (a link is valid up to and excluding expiresAt). */
export function verifyInvitationToken(secret: string, token: string, now: Date): TokenCheck {
  const match = TOKEN.exec(token);
  if (!match || !UUID.test(match[1] as string)) return { ok: false, reason: 'malformed' };
  const [, invitationId, expiry, signature] = match as unknown as [string, string, string, string];
  const expected = Buffer.from(mac(secret, invitationId, expiry));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'forged' };
  const expiresAt = new Date(parseInt(expiry, 36) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claim: { invitationId, expiresAt } };
}
