import { withTransaction } from '../../platform/db/transaction.ts';
import { inspectAttachments, sortAttachments } from './attachment-content.ts';
import { createHash, randomUUID } from 'node:crypto';
import type { SQLWrapper } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { rigaDateAt } from '../../domain/opening-hours/index.ts';
import { computeTerm } from '../../domain/terms/index.ts';
import { formatReference, generateAccessCode, hashAccessCode, statusAfterClientMessage } from '../../domain/inquiry/index.ts';
import { auditWrite, recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { writeTogether } from '../../platform/db/write-together.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { examineAttachments, type ExaminedFile } from '../signatures/signatures.service.ts';
import { satisfiesSignatureRequirement } from '../signatures/verdict.ts';
import { acknowledgeReceipt } from './acknowledgement.ts';
import { earlierDeadline, subjectRequestTerm } from '../privacy/subject-request.ts';
import * as repo from './inquiries.repository.ts';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX_COUNT,
  ATTACHMENTS_MAX_TOTAL_BYTES,
  isAllowedAttachment,
  type AttachmentInput,
  type NewInquiryInput,
} from './inquiries.schema.ts';

export type InquiryDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;
export type FiledInquiry = { inquiry: repo.InquiryRow; accessCode: string };

/** Folded text the inbox search runs on (lower case, no diacritics). */
export function inquirySearchText(parts: ReadonlyArray<string | null | undefined>): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .slice(0, 50_000);
}

/** Refuses files by count, type and size; a file is named by its position, never by the name it was sent with. */
export function checkAttachments(attachments: readonly AttachmentInput[]): void {
  const fieldErrors: AppError['fieldErrors'] = [];
  if (attachments.length > ATTACHMENTS_MAX_COUNT) {
    fieldErrors.push({ field: 'attachments', code: 'too_many', messageKey: 'inquiries.public.errors.attachmentsTooMany', values: { count: ATTACHMENTS_MAX_COUNT } });
  }
  let total = 0;
  attachments.forEach((a, i) => {
    total += a.content.length;
    const values = { number: i + 1, size: ATTACHMENT_MAX_BYTES / 1024 / 1024 };
    if (!isAllowedAttachment(a.fileName, a.contentType)) {
      fieldErrors.push({ field: `attachments.${i}`, code: 'type_not_allowed', messageKey: 'inquiries.public.errors.attachmentType', values });
    }
    if (a.content.length > ATTACHMENT_MAX_BYTES) {
      fieldErrors.push({ field: `attachments.${i}`, code: 'too_big', messageKey: 'inquiries.public.errors.attachmentTooBig', values });
    }
  });
  if (total > ATTACHMENTS_MAX_TOTAL_BYTES) {
    fieldErrors.push({ field: 'attachments', code: 'too_big', messageKey: 'inquiries.public.errors.attachmentsTotal', values: { total: ATTACHMENTS_MAX_TOTAL_BYTES / 1024 / 1024 } });
  }
  if (fieldErrors.length > 0) throw new AppError(400, 'validation', 'errors.validation', {}, fieldErrors);
}

type ExaminedAttachment = AttachmentInput & { examined: ExaminedFile };

async function storeAttachments(db: Database, inquiryId: string, messageId: string, attachments: readonly ExaminedAttachment[]): Promise<void> {
  await writeTogether(db, attachmentWrites(db, inquiryId, messageId, attachments));
}

/** One multi-row insert, so the files keep the order they came in (the list orders by the time they were stored). */
function attachmentWrites(db: Database, inquiryId: string, messageId: string, attachments: readonly ExaminedAttachment[]): SQLWrapper[] {
  if (attachments.length === 0) return [];
  const rows = attachments.map((a) => ({
    inquiryId,
    messageId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.content.length,
    sha256: createHash('sha256').update(a.content).digest('hex'),
    content: a.content,
    signatureStatus: a.examined.verification.status,
    signatures: a.examined.verification.signatures,
    signatureProblems: a.examined.verification.problems,
    signatureCheckedAt: a.examined.checkedAt,
  }));
  return [repo.inquiryAttachmentsWrite(db, rows)];
}

/** Whether the channel the inquiry came by demands a secure e-signature (Law on Submissions s.3(3)). */
export function requiresSecureSignature(agency: AgencyProfile, input: Pick<NewInquiryInput, 'channel' | 'channelIds'>): boolean {
  const reached = agency.channels.filter((c) => input.channelIds?.includes(c.id));
  if (reached.length > 0) return reached.every((c) => c.requiresSecureSignature);
  return agency.channels.find((c) => c.kind === input.channel)?.requiresSecureSignature ?? false;
}

/**
 * Content checks first (types by their bytes, safe names, no executables or archive bombs), then signatures.
 * `drop`: refused files are left out and noted (e-mail intake) instead of refusing the whole submission.
 */
async function attachmentsByContent(attachments: readonly AttachmentInput[], drop: boolean): Promise<{ kept: AttachmentInput[]; refusedByContent: Array<{ fileName: string; reason: string }> }> {
  if (!drop) return { kept: await inspectAttachments(attachments), refusedByContent: [] };
  const { kept, refused } = await sortAttachments(attachments);
  return { kept, refusedByContent: refused.map((r) => ({ fileName: r.fileName, reason: r.code })) };
}

/**
 * Files an inquiry from any channel: reference number, access code, the statutory deadlines of the
 * calendar rules (versioned by the Riga date of receipt), the first message, attachments, status history
 * and the audit event — written in one statement (with the acknowledgement mail, in one transaction), so a
 * failure leaves nothing half-written.
 */
/** What a filing will write, known before it is sent: its id, reference and deadline. */
export type PlannedInquiry = { id: string; reference: string; deadline: string };

export async function fileInquiry(
  deps: InquiryDeps,
  origin: AuditOrigin,
  input: NewInquiryInput,
  /** Further writes that belong to the filing (e.g. the integration API links its delivery record), sent with it. */
  alsoWrite?: (db: Database, inquiry: PlannedInquiry) => SQLWrapper[],
): Promise<FiledInquiry> {
  const agency = deps.agencies.get(input.agency);
  if (!agency) throw new AppError(404, 'agency-not-found', 'errors.notFoundTitle');
  checkAttachments(input.attachments ?? []);
  // Content first (types by their bytes, safe names, no executables or archive bombs), then the signatures.
  const { kept: byContent, refusedByContent } = await attachmentsByContent(input.attachments ?? [], input.dropRefusedFiles === true);
  const examined = await examineAttachments(deps, byContent, input.dropRefusedFiles ? 'drop' : 'reject');
  const attachments = examined.kept;
  const refused = [...refusedByContent, ...examined.refused];

  const receivedAt = input.receivedAt ?? new Date(deps.clock().epochMilliseconds);
  const receivedOn = Temporal.PlainDate.from(rigaDateAt(receivedAt.getTime()));
  const calendar = await loadCalendar(deps);
  const answer = computeTerm('submission.answer', receivedOn.toString(), calendar);
  const forward = computeTerm('submission.forward', receivedOn.toString(), calendar);
  const gdpr = subjectRequestTerm(input.topic, receivedOn.toString(), calendar);
  // The verdict of the files' signatures decides, never their names (a renamed ZIP is not "signed").
  const signed = requiresSecureSignature(agency, input) ? satisfiesSignatureRequirement(attachments.map((a) => a.examined.verification.status)) : null;
  const accessCode = generateAccessCode();

  const number = await repo.nextReferenceNumber(deps.db, agency.slug, receivedOn.year);
  const planned: PlannedInquiry = { id: randomUUID(), reference: formatReference(agency.slug, receivedOn.year, number), deadline: earlierDeadline(answer.deadline, gdpr) };
  const file = async (db: Database) => {
    const messageId = randomUUID();
    const writes: SQLWrapper[] = [
      repo.inquiryMessageWrite(db, {
        id: messageId,
        inquiryId: planned.id,
        direction: 'in',
        medium: input.channel,
        at: receivedAt,
        subject: input.subject ?? '',
        bodyText: input.text,
        emailMessageId: input.emailMessageId ?? null,
      }),
      ...attachmentWrites(db, planned.id, messageId, attachments),
      repo.inquiryEventWrite(db, {
        inquiryId: planned.id,
        at: receivedAt,
        actorId: origin.actorId,
        kind: 'received',
        toStatus: 'new',
        details: {
          channel: input.channel,
          deadline: answer.deadline,
          rule: answer.rule,
          ruleValidFrom: answer.validFrom,
          forwardDeadline: forward.deadline,
          signed,
          ...(gdpr ? { gdprDeadline: gdpr.deadline, gdprRule: gdpr.rule } : {}),
          ...(refused.length > 0 ? { refusedFiles: refused.map((r) => ({ fileName: r.fileName, reason: r.reason })) } : {}),
        },
      }),
      auditWrite(db, deps.clock, origin, { action: 'inquiry.filed', recordType: 'inquiry', recordId: planned.id, agency: agency.slug, details: { reference: planned.reference, channel: input.channel } }),
      ...(alsoWrite?.(db, planned) ?? []),
    ];
    return repo.insertInquiryWith(db, {
      id: planned.id,
      agency: agency.slug,
      reference: planned.reference,
      accessCodeHash: hashAccessCode(accessCode),
      channel: input.channel,
      receivedAt,
      receivedOn: receivedOn.toString(),
      topic: input.topic ?? null,
      subject: input.subject ?? '',
      requesterName: input.name,
      requesterEmail: input.email ?? null,
      requesterPhone: input.phone ?? null,
      requesterPersonalCode: input.personalCode ?? null,
      requesterAddress: input.address ?? null,
      termRule: answer.rule,
      deadline: planned.deadline,
      forwardDeadline: forward.deadline,
      signed,
      searchText: inquirySearchText([planned.reference, input.name, input.email, input.phone, input.subject, input.text]),
    }, writes);
  };
  // Without an acknowledgement mail the filing is one statement (atomic on its own); the mail joins it in a transaction.
  if (input.acknowledge === false || !input.email) return { inquiry: await file(deps.db), accessCode };
  const inquiry = await withTransaction(deps.db, async (db) => {
    const row = await file(db);
    const receipt = await acknowledgeReceipt(deps, db, agency, row, accessCode);
    if (receipt) await repo.insertInquiryEvent(db, { inquiryId: row.id, at: receivedAt, kind: 'acknowledged', details: { outboxId: receipt.id, to: receipt.toAddress } });
    return row;
  });
  return { inquiry, accessCode };
}

/** A further message from the client (e.g. a reply to our e-mail) joins its inquiry. */
export async function appendClientMessage(
  deps: InquiryDeps,
  origin: AuditOrigin,
  inquiry: repo.InquiryRow,
  message: { medium: string; subject?: string; text: string; attachments?: AttachmentInput[]; emailMessageId?: string; receivedAt?: Date; dropRefusedFiles?: boolean },
): Promise<repo.InquiryMessageRow> {
  checkAttachments(message.attachments ?? []);
  const { kept: byContent } = await attachmentsByContent(message.attachments ?? [], message.dropRefusedFiles === true);
  const { kept: attachments } = await examineAttachments(deps, byContent, message.dropRefusedFiles ? 'drop' : 'reject');
  const at = message.receivedAt ?? new Date(deps.clock().epochMilliseconds);
  return withTransaction(deps.db, async (db) => {
    const row = await repo.insertInquiryMessage(db, {
      inquiryId: inquiry.id,
      direction: 'in',
      medium: message.medium,
      at,
      subject: message.subject ?? '',
      bodyText: message.text,
      emailMessageId: message.emailMessageId ?? null,
    });
    await storeAttachments(db, inquiry.id, row.id, attachments);
    // A validly signed document sent later satisfies a channel that requires the signature.
    if (inquiry.signed === false && satisfiesSignatureRequirement(attachments.map((a) => a.examined.verification.status))) {
      await repo.touchInquiry(db, inquiry.id, { signed: true }, at);
    }
    // A client answering our request for information, or writing again after the answer, puts the inquiry
    // back into the specialist's hands (and the open inbox). After an answer the new message is a new
    // submission: its answer term runs from the day it came.
    const reopened = statusAfterClientMessage(inquiry.status, inquiry.assigneeId !== null);
    if (reopened && inquiry.status === 'answered') {
      const calendar = await loadCalendar(deps);
      const answer = computeTerm('submission.answer', rigaDateAt(at.getTime()), calendar);
      await repo.touchInquiry(db, inquiry.id, { status: reopened, deadline: answer.deadline, termRule: answer.rule }, at);
      await repo.insertInquiryEvent(db, { inquiryId: inquiry.id, at, kind: 'reopened', fromStatus: inquiry.status, toStatus: reopened, details: { medium: message.medium, deadline: answer.deadline } });
    } else if (reopened) {
      await repo.touchInquiry(db, inquiry.id, { status: reopened }, at);
      await repo.insertInquiryEvent(db, { inquiryId: inquiry.id, at, kind: 'client-replied', fromStatus: inquiry.status, toStatus: reopened });
    } else {
      await repo.insertInquiryEvent(db, { inquiryId: inquiry.id, at, kind: 'client-message', details: { medium: message.medium } });
    }
    await recordAudit(db, deps.clock, origin, { action: 'inquiry.message-received', recordType: 'inquiry', recordId: inquiry.id, agency: inquiry.agency });
    return row;
  });
}
