// Sign-in throttling per account and per address with growing delays (OWASP ASVS 2.2.1), instead of a
// 15-minute lockout that a stranger could trigger with five wrong passwords (issue 13, finding 6).
import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { auditLog } from '../../platform/db/tables.ts';

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures of one account before delays begin. */
export const MAX_FAILED_PER_EMAIL = 5;
/** Failures from one address (a shared office or proxy address) before delays begin. */
export const MAX_FAILED_PER_IP = 30;
export const MAX_DELAY_SECONDS = 60;

/** Seconds the next attempt must wait after the last failure: 0 under the threshold, then 1, 2, 4 … up to a minute. */
export function delayAfterFailures(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - threshold));
}

async function recentFailures(db: Database, key: 'email' | 'ip', value: string, since: Date): Promise<{ n: number; last: Date | null }> {
  const [row] = await db
    .select({ n: count(), last: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, 'staff.sign-in-failed'), gt(auditLog.at, since), sql`${auditLog.details}->>${key} = ${value}`));
  return { n: row?.n ?? 0, last: row?.last ? new Date(row.last) : null };
}

/** Seconds to wait before this account may try again from this address (0: go ahead). */
export async function signInWaitSeconds(db: Database, email: string, ip: string | null, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);
  const [byEmail, byIp] = await Promise.all([recentFailures(db, 'email', email, since), ip ? recentFailures(db, 'ip', ip, since) : { n: 0, last: null }]);
  const wait = (f: { n: number; last: Date | null }, threshold: number) => {
    const delay = delayAfterFailures(f.n, threshold);
    if (!delay || !f.last) return 0;
    return Math.max(0, Math.ceil((f.last.getTime() + delay * 1000 - now.getTime()) / 1000));
  };
  return Math.max(wait(byEmail, MAX_FAILED_PER_EMAIL), wait(byIp, MAX_FAILED_PER_IP));
}
