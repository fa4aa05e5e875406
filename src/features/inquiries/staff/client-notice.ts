import type { Database } from '../../../platform/db/client.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { translator, type MessageKey } from '../../../platform/i18n/index.ts';
import { queueMail } from '../../../platform/mail/mail.ts';
import type { OutboxRow } from '../../../platform/mail/mail.repository.ts';
import { formatDate } from '../../../web/format.ts';
import { insertInquiryMessage, type InquiryMessageRow, type InquiryRow } from '../inquiries.repository.ts';
import { findLatestClientEmailId } from '../inquiries-staff.repository.ts';
import { replyThroughIntegration } from '../../integrations/routing.service.ts';

export type NoticeDeps = Pick<AppDeps, 'clock' | 'config' | 'agencies'>;

/** Channels on which the client wrote to us by e-mail or gave an e-mail for the answer. */
const EMAIL_ANSWER_CHANNELS: ReadonlySet<string> = new Set(['email', 'web-form', 'api', 'feedback']);

/** The answer goes back the way the inquiry came: e-mail when it came by e-mail (or a form with an e-mail), else a letter to print. */
export function answerMedium(inquiry: Pick<InquiryRow, 'channel' | 'requesterEmail'>): 'email' | 'letter' {
  return inquiry.requesterEmail && EMAIL_ANSWER_CHANNELS.has(inquiry.channel) ? 'email' : 'letter';
}

export function letterUrl(inquiry: Pick<InquiryRow, 'agency' | 'id'>, messageId: string): string {
  return `/staff/${inquiry.agency}/iesniegumi/${inquiry.id}/vestule/${messageId}`;
}

/**
 * The address a client's reply should go to: the agency's first e-mail channel, which the SMTP intake reads
 * (MAIL_FROM is a no-reply sender). With the reference in the subject and In-Reply-To, the reply joins the inquiry.
 */
export function replyToAddress(agencies: AppDeps['agencies'], agency: string): string | null {
  const channel = agencies.get(agency)?.channels.find((c) => c.kind === 'email');
  return channel && channel.kind === 'email' ? channel.address : null;
}

function bracketed(messageId: string): string {
  const id = messageId.trim();
  return id.startsWith('<') ? id : `<${id}>`;
}

export type ClientNotice = { subject: string; text: string };
export type SentNotice = { message: InquiryMessageRow; mail: OutboxRow | null };

/**
 * Tells the client inside the caller's transaction: an e-mail queued in the outbox (threaded under the
 * client's last e-mail, the reference in the subject) or a letter to print; either way an outgoing message.
 */
export async function tellClient(
  deps: NoticeDeps,
  db: Database,
  inquiry: InquiryRow,
  notice: ClientNotice,
  authorId: string | null,
  at: Date,
): Promise<SentNotice> {
  const subject = `${notice.subject} [${inquiry.reference}]`;
  // Came through the e-address / Latvija.lv integration: the answer goes back the same way (a callback).
  const integration = await replyThroughIntegration(db, inquiry, { subject, text: notice.text }, at);
  const medium = integration ? integration.medium : answerMedium(inquiry);
  let mail: OutboxRow | null = null;
  if (!integration && medium === 'email' && inquiry.requesterEmail) {
    const headers: Record<string, string> = { 'X-Apkalpe-Reference': inquiry.reference };
    const replyTo = replyToAddress(deps.agencies, inquiry.agency);
    if (replyTo) headers['Reply-To'] = replyTo;
    const inReplyTo = await findLatestClientEmailId(db, inquiry.id);
    if (inReplyTo) {
      headers['In-Reply-To'] = bracketed(inReplyTo);
      headers.References = bracketed(inReplyTo);
    }
    const footer = bothLanguages('inquiries.staff.notice.footer', { reference: inquiry.reference });
    mail = await queueMail(
      { db, clock: deps.clock, config: deps.config },
      { agency: inquiry.agency, to: inquiry.requesterEmail, subject, text: `${notice.text}\n\n--\n${footer}`, headers },
    );
  }
  const message = await insertInquiryMessage(db, {
    inquiryId: inquiry.id,
    direction: 'out',
    medium,
    at,
    authorId,
    subject,
    bodyText: notice.text,
    outboxId: mail?.id ?? null,
  });
  return { message, mail };
}

/** A system text in Latvian, then English: the client's language is not recorded. */
export function bothLanguages(key: MessageKey, values: Record<string, unknown> = {}, localizedValues: Record<string, (lang: 'lv' | 'en') => string> = {}): string {
  const render = (lang: 'lv' | 'en') => {
    const local = Object.fromEntries(Object.entries(localizedValues).map(([k, f]) => [k, f(lang)]));
    return translator(lang)(key, { ...values, ...local });
  };
  return `${render('lv')}\n\n${render('en')}`;
}

export function subjectIn(key: MessageKey): string {
  return `${translator('lv')(key)} / ${translator('en')(key)}`;
}

export function dateIn(isoDate: string): (lang: 'lv' | 'en') => string {
  return (lang) => formatDate(isoDate, lang);
}
