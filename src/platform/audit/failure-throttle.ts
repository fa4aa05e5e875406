// Throttling with growing delays after failures recorded in the audit log (OWASP ASVS 2.2.1), instead of a lockout
// that a stranger could trigger (issue 13, finding 6). Each rule counts one kind of failure by one detail (an
// account, a reference, a network address) with its own threshold: under it no delay, then 1, 2, 4 … seconds up to
// a minute after the last failure. Staff sign-in and the client's inquiry follow-up use it. The failures live in
// the database, so the delays hold across server processes.
import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { auditLog } from '../db/tables.ts';

export const MAX_DELAY_SECONDS = 60;

/** Seconds the next attempt must wait after the last failure: 0 under the threshold, then 1, 2, 4 … up to a minute. */
export function delayAfterFailures(failures: number, threshold: number): number {
  if (failures < threshold) return 0;
  return Math.min(MAX_DELAY_SECONDS, 2 ** (failures - threshold));
}

/** Failures of `action` whose audit details hold `key` = `value`, counted from `threshold` on. No value: not counted. */
export type ThrottleRule = { key: string; value: string | null | undefined; threshold: number };

async function recentFailures(db: Database, action: string, key: string, value: string, since: Date): Promise<{ n: number; last: Date | null }> {
  const [row] = await db
    .select({ n: count(), last: max(auditLog.at) })
    .from(auditLog)
    .where(and(eq(auditLog.action, action), gt(auditLog.at, since), sql`${auditLog.details}->>${key} = ${value}`));
  return { n: row?.n ?? 0, last: row?.last ? new Date(row.last) : null };
}

/** Seconds to wait before the next attempt (0: go ahead): the longest wait any rule asks, failures within `windowMinutes`. */
export async function failureWaitSeconds(db: Database, action: string, rules: readonly ThrottleRule[], now: Date, windowMinutes: number): Promise<number> {
  const since = new Date(now.getTime() - windowMinutes * 60_000);
  const waits = await Promise.all(
    rules.map(async (rule) => {
      if (!rule.value) return 0;
      const failures = await recentFailures(db, action, rule.key, rule.value, since);
      const delay = delayAfterFailures(failures.n, rule.threshold);
      if (!delay || !failures.last) return 0;
      return Math.max(0, Math.ceil((failures.last.getTime() + delay * 1000 - now.getTime()) / 1000));
    }),
  );
  return Math.max(0, ...waits);
}
