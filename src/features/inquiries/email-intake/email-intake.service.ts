import type { Attachment, ParsedMail } from 'mailparser';
import { findReferenceIn } from '../../../domain/inquiry/index.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import type { AgencyRegistry } from '../../agencies/agency-registry.ts';
import { findInquiryByReference, findInquiryInAgency, type InquiryRow } from '../inquiries.repository.ts';
import {
  ALLOWED_ATTACHMENT_TYPES,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_COUNT,
  ATTACHMENTS_MAX_TOTAL_BYTES,
  isAllowedAttachment,
  type AttachmentInput,
} from '../inquiries.schema.ts';
import { appendClientMessage, fileInquiry, type InquiryDeps } from '../inquiries.service.ts';
import { findInquiryByMessageIds, hasIncomingMessage } from './email-intake.repository.ts';

/** Body of an inquiry whose e-mail had no text at all (only a subject, or only attachments). */
export const NO_TEXT_PLACEHOLDER = '(bez teksta)';

export type IntakeAddress = { address: string; agency: string; channelId: string };

/** Every `kind: email` channel address of every agency profile, lower case → the agency it belongs to. */
export function intakeAddressBook(agencies: AgencyRegistry): Map<string, IntakeAddress> {
  const book = new Map<string, IntakeAddress>();
  for (const agency of agencies.list()) {
    for (const channel of agency.channels) {
      if (channel.kind !== 'email') continue;
      const address = channel.address.trim().toLowerCase();
      if (!book.has(address)) book.set(address, { address, agency: agency.slug, channelId: channel.id });
    }
  }
  return book;
}

/**
 * RFC 3834: no automatic receipt to a message that is itself automatic (an auto-reply, a bounce with an
 * empty envelope sender, a mailing list or bulk mail), so two robots never answer each other forever.
 */
export function isAutomaticMail(headers: ParsedMail['headers'], envelopeFrom: string): boolean {
  if (envelopeFrom.trim() === '') return true;
  const autoSubmitted = String(headers.get('auto-submitted') ?? 'no').trim().toLowerCase();
  const precedence = String(headers.get('precedence') ?? '').trim().toLowerCase();
  return autoSubmitted !== 'no' || ['bulk', 'junk', 'list'].includes(precedence) || headers.has('list-id') || headers.has('list'); // mailparser files List-* headers under 'list'
}

export type SkippedAttachment = { fileName: string; contentType: string; reason: 'type' | 'too-big' | 'too-many' | 'total-too-big' };

const GENERIC_TYPES = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/x-download', 'application/download', 'application/force-download']);
const TYPE_BY_EXTENSION = new Map(Object.entries(ALLOWED_ATTACHMENT_TYPES).flatMap(([type, extensions]) => extensions.map((ext) => [ext, type] as const)));

function extensionOf(fileName: string): string {
  return fileName.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? '';
}

/** A file name safe to store and show: no path, no control characters, at most 200 characters (extension kept). */
function cleanFileName(name: string | undefined, index: number, contentType: string): string {
  const cleaned = (name ?? '').replace(/[\u0000-\u001f\u007f]/g, '').replace(/^.*[/\\]/, '').trim();
  if (!cleaned) return `pielikums-${index + 1}${ALLOWED_ATTACHMENT_TYPES[contentType]?.[0] ?? ''}`;
  if (cleaned.length <= 200) return cleaned;
  const extension = extensionOf(cleaned);
  return cleaned.slice(0, 200 - extension.length) + extension;
}

/** Mail programs often send a PDF as application/octet-stream: the extension then says what it is. */
function effectiveType(fileName: string, contentType: string): string {
  const type = contentType.toLowerCase();
  if (isAllowedAttachment(fileName, type) || !GENERIC_TYPES.has(type)) return type;
  return TYPE_BY_EXTENSION.get(extensionOf(fileName)) ?? type;
}

/**
 * The attachments the core accepts (type, 10 MB each, 10 in all, 25 MB together), and the ones left out.
 * The mail is filed whatever its attachments are; what was left out is named in its text.
 * Files the sender attached come before images embedded in an HTML body.
 */
export function prepareAttachments(attachments: readonly Attachment[]): { kept: AttachmentInput[]; skipped: SkippedAttachment[] } {
  const ordered = [...attachments].sort((a, b) => Number(a.related ?? false) - Number(b.related ?? false));
  const kept: AttachmentInput[] = [];
  const skipped: SkippedAttachment[] = [];
  let total = 0;
  ordered.forEach((attachment, i) => {
    const given = (attachment.contentType || 'application/octet-stream').toLowerCase();
    const fileName = cleanFileName(attachment.filename, i, given);
    const contentType = effectiveType(fileName, given);
    const size = attachment.content.length;
    let reason: SkippedAttachment['reason'] | null = null;
    if (!isAllowedAttachment(fileName, contentType)) reason = 'type';
    else if (size > ATTACHMENT_MAX_BYTES) reason = 'too-big';
    else if (kept.length >= ATTACHMENTS_MAX_COUNT) reason = 'too-many';
    else if (total + size > ATTACHMENTS_MAX_TOTAL_BYTES) reason = 'total-too-big';
    if (reason) {
      skipped.push({ fileName, contentType, reason });
      return;
    }
    total += size;
    kept.push({ fileName, contentType, content: attachment.content });
  });
  return { kept, skipped };
}

const SKIP_REASONS: Record<SkippedAttachment['reason'], string> = {
  type: 'faila veids nav atļauts (atļauti PDF, JPG, PNG, EDOC/ASICE, DOCX, ODT, TXT)',
  'too-big': 'fails lielāks par 10 MB',
  'too-many': `vairāk nekā ${ATTACHMENTS_MAX_COUNT} pielikumi`,
  'total-too-big': 'pielikumi kopā pārsniedz 25 MB',
};

/** The client's text as sent (plain part, or the text of an HTML-only mail), a placeholder when there is none, and a note of left-out files. */
export function composeText(parsed: Pick<ParsedMail, 'text'>, skipped: readonly SkippedAttachment[]): string {
  const text = parsed.text && parsed.text.trim() !== '' ? parsed.text : NO_TEXT_PLACEHOLDER;
  if (skipped.length === 0) return text;
  const lines = skipped.map((s) => `- ${s.fileName} (${s.contentType}): ${SKIP_REASONS[s.reason]}`);
  return `${text}\n\n---\n[Apkalpe] Šie e-pasta pielikumi netika saglabāti:\n${lines.join('\n')}`;
}

function headerText(parsed: ParsedMail, name: string): string {
  const value = parsed.headers.get(name);
  return typeof value === 'string' ? value : '';
}

/** Message-IDs this mail answers (In-Reply-To, References), with and without the angle brackets. */
export function threadMessageIds(parsed: Pick<ParsedMail, 'inReplyTo' | 'references'>): string[] {
  const raw = [parsed.inReplyTo ?? '', ...[parsed.references ?? []].flat()].join(' ');
  const ids = raw.match(/<[^<>\s]+>/g) ?? [];
  return [...new Set(ids.flatMap((id) => [id, id.slice(1, -1)]))].slice(0, 200);
}

async function followMerges(deps: InquiryDeps, inquiry: InquiryRow): Promise<InquiryRow> {
  let current = inquiry;
  for (let hops = 0; current.mergedInto && hops < 5; hops++) {
    const target = await findInquiryInAgency(deps.db, current.agency, current.mergedInto);
    if (!target) break;
    current = target;
  }
  return current;
}

/** The agency's inquiry this mail continues: a reference (X-Apkalpe-Reference header, subject), else the thread headers. */
async function findContinuedInquiry(deps: InquiryDeps, agency: string, parsed: ParsedMail): Promise<InquiryRow | undefined> {
  const references = [findReferenceIn(headerText(parsed, 'x-apkalpe-reference')), findReferenceIn(parsed.subject ?? '')];
  for (const reference of references) {
    if (!reference) continue;
    const inquiry = await findInquiryByReference(deps.db, reference);
    if (inquiry && inquiry.agency === agency) return followMerges(deps, inquiry);
  }
  const byThread = await findInquiryByMessageIds(deps.db, agency, threadMessageIds(parsed));
  return byThread ? followMerges(deps, byThread) : undefined;
}

export type IncomingEmail = {
  parsed: ParsedMail;
  /** The agency addresses the envelope named (each agency gets the mail once). */
  recipients: readonly IntakeAddress[];
  envelopeFrom: string;
  remoteAddress: string | null;
};

export type IntakeOutcome = { agency: string; result: 'filed' | 'appended' | 'duplicate'; inquiryId: string | null; reference: string | null };

/**
 * Files one received e-mail for each agency it was addressed to: a reply joins its inquiry, anything
 * else becomes a new inquiry (channel 'email'; `fileInquiry` marks it unsigned when the channel needs a
 * secure e-signature and no file with a verified signature came with it). A retried delivery of a mail already filed for
 * the agency (same Message-ID and subject) is not filed twice. Throws when anything could not be stored.
 */
export async function receiveEmail(deps: InquiryDeps, mail: IncomingEmail): Promise<IntakeOutcome[]> {
  const { parsed } = mail;
  const origin: AuditOrigin = { actorId: null, actorLabel: 'email-intake', ip: mail.remoteAddress };
  const { kept, skipped } = prepareAttachments(parsed.attachments ?? []);
  const text = composeText(parsed, skipped);
  const subject = parsed.subject ?? '';
  const sender = parsed.from?.value.find((a) => a.address);
  const email = sender?.address || mail.envelopeFrom || undefined;
  const name = sender?.name?.trim() || email || '(nezināms sūtītājs)';
  const emailMessageId = parsed.messageId || undefined;
  const receivedAt = new Date(deps.clock().epochMilliseconds);

  const outcomes: IntakeOutcome[] = [];
  for (const agency of new Set(mail.recipients.map((r) => r.agency))) {
    if (emailMessageId && (await hasIncomingMessage(deps.db, agency, emailMessageId, subject))) {
      outcomes.push({ agency, result: 'duplicate', inquiryId: null, reference: null });
      continue;
    }
    const continued = await findContinuedInquiry(deps, agency, parsed);
    if (continued) {
      await appendClientMessage(deps, origin, continued, {
        medium: 'email',
        subject,
        text,
        attachments: kept,
        dropRefusedFiles: true,
        ...(emailMessageId ? { emailMessageId } : {}),
        receivedAt,
      });
      outcomes.push({ agency, result: 'appended', inquiryId: continued.id, reference: continued.reference });
      continue;
    }
    const { inquiry } = await fileInquiry(deps, origin, {
      agency,
      channel: 'email',
      channelIds: mail.recipients.filter((r) => r.agency === agency).map((r) => r.channelId),
      receivedAt,
      name: name.slice(0, 200),
      email,
      subject,
      text,
      attachments: kept,
      dropRefusedFiles: true,
      emailMessageId,
      acknowledge: !isAutomaticMail(parsed.headers, mail.envelopeFrom),
    });
    outcomes.push({ agency, result: 'filed', inquiryId: inquiry.id, reference: inquiry.reference });
  }
  return outcomes;
}
