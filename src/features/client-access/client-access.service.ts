import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { AuditOrigin } from '../../platform/audit/audit.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { translator, type Language } from '../../platform/i18n/index.ts';
import { queueMail } from '../../platform/mail/mail.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { rowsOf } from '../privacy/sql-template.ts';
import type { ClientMatters, ClientPerson } from './client-matter-source.ts';
import { CLIENT_MATTER_SOURCES } from './client-matters.ts';
import { withLang } from '../../web/page-context.ts';

export const LINK_MINUTES = 15;
export const SESSION_MINUTES = 30;
/** Link requests within LINK_MINUTES: per address, and per network address (an office NAT may hold several clients). */
export const LIMIT_PER_ADDRESS = 3;
export const LIMIT_PER_NETWORK = 10;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type Deps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const now = (deps: Pick<AppDeps, 'clock'>) => new Date(deps.clock().epochMilliseconds);

async function emailKey(db: Database, email: string): Promise<string> {
  const [row] = await rowsOf<{ key: string }>(db, sql`select privacy_person_key('email', ${email}) as key`);
  return row?.key ?? '';
}

async function isKnown(db: Database, person: ClientPerson): Promise<boolean> {
  for (const source of CLIENT_MATTER_SOURCES) if (await source.exists(db, person)) return true;
  return false;
}

export type LinkRequestResult = { kind: 'accepted' } | { kind: 'rate-limited'; retryAfterMinutes: number };

/**
 * Records the request (for the rate limit) and, only when the address has matters at the agency, mails a
 * one-time link. The answer is the same either way: the page never tells whether an address is known.
 */
export async function requestSignInLink(deps: Deps, profile: AgencyProfile, input: { email: string; ip: string | null; lang: Language }): Promise<LinkRequestResult> {
  const email = input.email.trim().toLowerCase();
  return deps.db.transaction(async (tx) => {
    const key = await emailKey(tx, email);
    const since = new Date(now(deps).getTime() - LINK_MINUTES * 60_000).toISOString();
    const [counts] = await rowsOf<{ by_address: number; by_network: number }>(
      tx,
      sql`select (select count(*)::int from client_sign_in_links where email_key = ${key} and created_at > ${since}::timestamptz) as by_address,
                 (select count(*)::int from client_sign_in_links where ip = ${input.ip} and created_at > ${since}::timestamptz) as by_network`,
    );
    if ((counts?.by_address ?? 0) >= LIMIT_PER_ADDRESS || (input.ip !== null && (counts?.by_network ?? 0) >= LIMIT_PER_NETWORK)) {
      return { kind: 'rate-limited', retryAfterMinutes: LINK_MINUTES } as const;
    }
    const known = await isKnown(tx, { agency: profile.slug, email, emailKey: key });
    const token = randomBytes(32).toString('base64url');
    const createdAt = now(deps);
    await tx.execute(sql`insert into client_sign_in_links (agency, email_key, email, token_hash, ip, created_at, expires_at)
      values (${profile.slug}, ${key}, ${known ? email : null}, ${sha256(token)}, ${input.ip}, ${createdAt.toISOString()}::timestamptz,
              ${new Date(createdAt.getTime() + LINK_MINUTES * 60_000).toISOString()}::timestamptz)`);
    if (known) {
      const t = translator(input.lang);
      const agencyName = profile.name[input.lang];
      const link = `${deps.config.publicUrl}${withLang(`/${profile.slug}/mani/ieiet?token=${token}`, input)}`;
      await queueMail({ ...deps, db: tx }, { agency: profile.slug, to: email, subject: t('clientAccess.mailSubject', { agency: agencyName }), text: t('clientAccess.mailBody', { agency: agencyName, link }) });
    }
    return { kind: 'accepted' } as const;
  });
}

export type LinkState = 'valid' | 'invalid' | 'used' | 'expired';

async function linkState(db: Database, agency: string, token: string, at: Date, lock: boolean): Promise<{ state: LinkState; id?: string; email?: string | null }> {
  if (!TOKEN_SHAPE.test(token)) return { state: 'invalid' };
  const [link] = await rowsOf<{ id: string; email: string | null; used_at: string | null; expires_at: string | Date }>(
    db,
    sql`select id, email, used_at, expires_at from client_sign_in_links where token_hash = ${sha256(token)} and agency = ${agency} ${lock ? sql`for update` : sql``}`,
  );
  if (!link || link.email === null) return { state: 'invalid' };
  if (link.used_at) return { state: 'used' };
  if (new Date(link.expires_at) <= at) return { state: 'expired' };
  return { state: 'valid', id: link.id, email: link.email };
}

/** What the link page shows before the client presses the button (nothing is used up by opening it). */
export async function checkSignInLink(deps: Deps, agency: string, token: string): Promise<LinkState> {
  return (await linkState(deps.db, agency, token, now(deps), false)).state;
}

/** Uses the link (once) and opens a session of at most SESSION_MINUTES; returns the session cookie's token. */
export async function useSignInLink(deps: Deps, agency: string, token: string, origin: AuditOrigin): Promise<{ state: Exclude<LinkState, 'valid'> } | { state: 'valid'; sessionToken: string; expiresAt: Date }> {
  return deps.db.transaction(async (tx) => {
    const at = now(deps);
    const link = await linkState(tx, agency, token, at, true);
    if (link.state !== 'valid' || !link.email || !link.id) return { state: link.state === 'valid' ? 'invalid' : link.state };
    await tx.execute(sql`update client_sign_in_links set used_at = ${at.toISOString()}::timestamptz where id = ${link.id}::uuid`);
    const sessionToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(at.getTime() + SESSION_MINUTES * 60_000);
    await tx.execute(sql`insert into client_sessions (id, agency, email, created_at, expires_at)
      values (${sha256(sessionToken)}, ${agency}, ${link.email}, ${at.toISOString()}::timestamptz, ${expiresAt.toISOString()}::timestamptz)`);
    await recordAudit(tx, deps.clock, origin, { action: 'client-access.signed-in', recordType: 'client-session', recordId: sha256(sessionToken).slice(0, 16), agency });
    return { state: 'valid', sessionToken, expiresAt };
  });
}

export type ClientSession = { id: string; agency: string; email: string; expiresAt: Date };

export async function findClientSession(deps: Pick<AppDeps, 'db' | 'clock'>, agency: string, token: string | undefined): Promise<ClientSession | null> {
  if (!token || !TOKEN_SHAPE.test(token)) return null;
  const [row] = await rowsOf<{ id: string; agency: string; email: string; expires_at: string | Date }>(
    deps.db,
    sql`select id, agency, email, expires_at from client_sessions
        where id = ${sha256(token)} and agency = ${agency} and ended_at is null and expires_at > ${now(deps).toISOString()}::timestamptz`,
  );
  return row ? { id: row.id, agency: row.agency, email: row.email, expiresAt: new Date(row.expires_at) } : null;
}

export async function endClientSession(deps: Pick<AppDeps, 'db' | 'clock'>, session: ClientSession, origin: AuditOrigin): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`update client_sessions set ended_at = ${now(deps).toISOString()}::timestamptz where id = ${session.id}`);
    await recordAudit(tx, deps.clock, origin, { action: 'client-access.signed-out', recordType: 'client-session', recordId: session.id.slice(0, 16), agency: session.agency });
  });
}

/** The client's inquiries, appointments and open callbacks at the agency (a read of personal data: audited). */
export async function clientMatters(deps: Pick<AppDeps, 'db' | 'clock'>, session: ClientSession, origin: AuditOrigin): Promise<ClientMatters> {
  return deps.db.transaction(async (tx) => {
    const person: ClientPerson = { agency: session.agency, email: session.email, emailKey: await emailKey(tx, session.email) };
    const matters: ClientMatters = { inquiries: [], appointments: [], callbacks: [] };
    for (const source of CLIENT_MATTER_SOURCES) await source.collect(tx, person, matters);
    await recordAudit(tx, deps.clock, origin, {
      action: 'client-access.matters-viewed',
      recordType: 'client-session',
      recordId: session.id.slice(0, 16),
      agency: session.agency,
      details: { inquiries: matters.inquiries.map((i) => i.reference), appointments: matters.appointments.map((a) => a.id), callbacks: matters.callbacks.map((c) => c.id) },
    });
    return matters;
  });
}
