// Sign-in throttling per account and per address with growing delays (OWASP ASVS 2.2.1), instead of a
// 15-minute lockout that a stranger could trigger with five wrong passwords (issue 13, finding 6). The mechanism is
// the platform's (platform/audit/failure-throttle.ts); these are the sign-in's rules.
import type { Database } from '../../platform/db/client.ts';
import { failureWaitSeconds } from '../../platform/audit/failure-throttle.ts';

export { delayAfterFailures, MAX_DELAY_SECONDS } from '../../platform/audit/failure-throttle.ts';

export const SIGN_IN_WINDOW_MINUTES = 15;
/** Failures of one account before delays begin. */
export const MAX_FAILED_PER_EMAIL = 5;
/** Failures from one address (a shared office or proxy address) before delays begin. */
export const MAX_FAILED_PER_IP = 30;

/** Seconds to wait before this account may try again from this address (0: go ahead). */
export function signInWaitSeconds(db: Database, email: string, ip: string | null, now: Date): Promise<number> {
  return failureWaitSeconds(
    db,
    'staff.sign-in-failed',
    [
      { key: 'email', value: email, threshold: MAX_FAILED_PER_EMAIL },
      { key: 'ip', value: ip, threshold: MAX_FAILED_PER_IP },
    ],
    now,
    SIGN_IN_WINDOW_MINUTES,
  );
}
