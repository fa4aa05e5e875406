/** How outgoing mail that SMTP refused is tried again: 1, 2, 4 … minutes apart, at most 6 hours, 12 attempts in all (about 1.5 days). */
export const MAX_DELIVERY_ATTEMPTS = 12;
const FIRST_DELAY_MS = 60_000;
const LONGEST_DELAY_MS = 6 * 60 * 60_000;

/** When to try again after `attempts` failed attempts; null once the mail is given up. */
export function nextDeliveryAttempt(attempts: number, failedAt: Date): Date | null {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`attempts must be a positive integer, got ${attempts}`);
  if (attempts >= MAX_DELIVERY_ATTEMPTS) return null;
  const delay = Math.min(FIRST_DELAY_MS * 2 ** (attempts - 1), LONGEST_DELAY_MS);
  return new Date(failedAt.getTime() + delay);
}
