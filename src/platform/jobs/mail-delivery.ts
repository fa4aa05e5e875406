import { deliverMail, type MailDeps } from '../mail/mail.ts';
import { defineJob } from './job-definition.ts';
import { listUnsentSmtpMail } from '../mail/mail.repository.ts';
import { MAX_DELIVERY_ATTEMPTS } from '../mail/retry-policy.ts';

export type MailRetryResult = { attempted: number; delivered: number };

/**
 * Delivers outbox mail that SMTP did not take when it was sent (server down, refused for a while), each
 * when its next attempt is due (retry-policy.ts: growing waits, given up after 12 attempts).
 * Only rows at least `minAgeMs` old: a younger one may still be in the hands of the `sendMail` that queued
 * it, and taking it here too would send it twice.
 */
export async function deliverUnsentMail(deps: MailDeps, options: { minAgeMs?: number; limit?: number } = {}): Promise<MailRetryResult> {
  if (!deps.config.smtpUrl) return { attempted: 0, delivered: 0 };
  const minAgeMs = options.minAgeMs ?? 60_000;
  const now = deps.clock().epochMilliseconds;
  const cutoff = now - minAgeMs;
  const rows = (await listUnsentSmtpMail(deps.db, options.limit ?? 500, new Date(now), MAX_DELIVERY_ATTEMPTS)).filter((row) => row.createdAt.getTime() <= cutoff);
  let delivered = 0;
  for (const row of rows) {
    if (await deliverMail(deps, row)) delivered += 1;
  }
  return { attempted: rows.length, delivered };
}

/** Mail SMTP did not take at once: tried again every minute while SMTP_URL is set. The platform's own job. */
export const mailDeliveryJob = defineJob('mail.deliver', (deps) => deliverUnsentMail(deps), {
  cron: '* * * * *',
  enabled: (deps) => Boolean(deps.config.smtpUrl),
  queue: { policy: 'singleton', retryLimit: 0, expireInSeconds: 10 * 60 },
});
