import { randomUUID } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { AppConfig } from '../config.ts';
import type { Clock } from '../clock.ts';
import type { Database } from '../db/client.ts';
import { insertOutboxMail, markOutboxMail, type NewOutboxRow, type OutboxRow } from './mail.repository.ts';
import { nextDeliveryAttempt } from './retry-policy.ts';

export type OutgoingMail = {
  /** The agency on whose behalf it is sent: staff of that agency can read it in /staff/outbox. */
  agency: string | null;
  to: string;
  subject: string;
  text: string;
  /** Extra headers, e.g. In-Reply-To / References to thread replies, X-Apkalpe-Reference. */
  headers?: Record<string, string>;
  attachments?: Array<{ fileName: string; contentType: string; content: Buffer }>;
  from?: string;
};

export type MailDeps = { db: Database; clock: Clock; config: Pick<AppConfig, 'smtpUrl' | 'mailFrom'> };

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    transport = nodemailer.createTransport(smtpUrl);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/**
 * Records the mail in the outbox (inside the caller's transaction when `db` is one), so that what the
 * platform promised to send is never lost. Without SMTP_URL the outbox is where staff read it.
 */
export async function queueMail(deps: MailDeps, mail: OutgoingMail): Promise<OutboxRow> {
  return insertOutboxMail(deps.db, outboxRowFor(deps, mail));
}

/** The outbox row of a mail, for a change that stores it in its own statement (see outboxInsertIf). */
export function outboxRowFor(deps: Omit<MailDeps, 'db'>, mail: OutgoingMail): NewOutboxRow {
  return {
    agency: mail.agency,
    toAddress: mail.to,
    fromAddress: mail.from ?? deps.config.mailFrom,
    subject: mail.subject,
    bodyText: mail.text,
    headers: { 'Message-ID': messageIdFor(mail.from ?? deps.config.mailFrom), ...mail.headers },
    attachments: (mail.attachments ?? []).map((a) => ({ fileName: a.fileName, contentType: a.contentType, contentBase64: a.content.toString('base64') })),
    transport: deps.config.smtpUrl ? 'smtp' : 'outbox',
    createdAt: new Date(deps.clock().epochMilliseconds),
  };
}

/** Our own Message-ID, kept with the mail: a reply names it in In-Reply-To, and the intake finds the inquiry. */
function messageIdFor(from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'apkalpe.lv';
  return `<${randomUUID()}@${domain}>`;
}

/** Sends one queued mail by SMTP (after the transaction that queued it has committed). */
export async function deliverMail(deps: MailDeps, row: OutboxRow): Promise<boolean> {
  if (row.transport !== 'smtp' || !deps.config.smtpUrl || row.sentAt) return false;
  const { 'Message-ID': messageId, ...headers } = row.headers;
  try {
    await transportFor(deps.config.smtpUrl).sendMail({
      from: row.fromAddress,
      to: row.toAddress,
      subject: row.subject,
      text: row.bodyText,
      ...(messageId ? { messageId } : {}),
      headers,
      attachments: row.attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: Buffer.from(a.contentBase64, 'base64') })),
    });
    await markOutboxMail(deps.db, row.id, { sentAt: new Date(deps.clock().epochMilliseconds), error: null });
    return true;
  } catch (error) {
    const failedAt = new Date(deps.clock().epochMilliseconds);
    const attempts = row.attempts + 1;
    await markOutboxMail(deps.db, row.id, {
      sentAt: null,
      error: error instanceof Error ? error.message.slice(0, 500) : String(error),
      attempts,
      nextAttemptAt: nextDeliveryAttempt(attempts, failedAt),
    });
    return false;
  }
}

/** Queue and, when SMTP is configured, deliver at once: for mail sent outside any transaction. */
export async function sendMail(deps: MailDeps, mail: OutgoingMail): Promise<OutboxRow> {
  const row = await queueMail(deps, mail);
  await deliverMail(deps, row);
  return row;
}
