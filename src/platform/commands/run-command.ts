import { recordAudit, type AuditInput, type AuditOrigin } from '../audit/audit.ts';
import type { Database } from '../db/client.ts';
import { withTransaction } from '../db/transaction.ts';
import type { AppDeps } from '../deps.ts';
import { deliverMail } from '../mail/mail.ts';
import type { OutboxRow } from '../mail/mail.repository.ts';

export type CommandDeps = Pick<AppDeps, 'db' | 'clock' | 'config'>;

/** What a command's work did: its result, the audit events it owes, the mail it queued (sent after commit). */
export type CommandOutcome<T> = { result: T; audit?: AuditInput | readonly AuditInput[]; mails?: ReadonlyArray<OutboxRow | null | undefined> };

/**
 * One command = one transaction: the work locks what it changes and writes it, its audit events are written in
 * the same transaction, and the mail it queued in the outbox is handed to SMTP only after commit — a rolled-back
 * command never sends anything (and when SMTP is down the outbox job sends it later).
 */
export async function runCommand<T>(deps: CommandDeps, origin: AuditOrigin, work: (db: Database) => Promise<CommandOutcome<T>>): Promise<T> {
  const { result, mails } = await withTransaction(deps.db, async (db) => {
    const outcome = await work(db);
    for (const event of [outcome.audit ?? []].flat()) await recordAudit(db, deps.clock, origin, event);
    return { result: outcome.result, mails: (outcome.mails ?? []).filter((mail): mail is OutboxRow => Boolean(mail)) };
  });
  for (const mail of mails) await deliverMail(deps, mail);
  return result;
}
