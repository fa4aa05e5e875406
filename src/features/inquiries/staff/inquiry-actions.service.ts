import { roleAllows } from '../../../platform/access/policy.ts';
import { authorize } from '../../../platform/access/authorize.ts';
import { parseReference } from '../../../domain/inquiry/index.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import { translator } from '../../../platform/i18n/index.ts';
import type { Database } from '../../../platform/db/client.ts';
import { channelIdOfKind, inviteToSurvey } from '../../feedback/survey-invitations.service.ts';
import { findInquiryByReferenceInAgency, insertInquiryEvent, type InquiryRow } from '../inquiries.repository.ts';
import { findStaffMember, lockInquiryInAgency } from '../inquiries-staff.repository.ts';
import { isUuid, type ActionBody } from '../inquiries-staff.schema.ts';
import { assertTransition } from './access.ts';
import { fieldError, runInquiryAction, type ActionDeps, type ActionResult } from './action-runner.ts';
import { bothLanguages, subjectIn, tellClient } from './client-notice.ts';

/** Assigns to a staff member who works inquiries in the same agency; reopens an answered or closed inquiry. */
export async function assignInquiry(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'assign'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry }) => {
    // Waiting for the client stays waiting: only the person responsible changes.
    const toStatus = inquiry.status === 'waiting-for-client' ? undefined : 'assigned';
    assertTransition(inquiry.status, toStatus ?? 'assigned');
    const member = await findStaffMember(db, scope.agency, body.assigneeId);
    if (!member || !roleAllows(member.role, 'inquiries.work')) throw fieldError('assigneeId', 'not_in_agency', 'inquiries.staff.errors.notInAgency');
    return {
      kind: 'assigned',
      toStatus,
      changes: { assigneeId: member.id },
      details: { assigneeId: member.id, assigneeName: member.name, previousAssigneeId: inquiry.assigneeId },
    };
  });
}

/** The answer, by the channel the inquiry came from (e-mail, or a letter to print). */
export async function replyToInquiry(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'reply'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now }) => {
    assertTransition(inquiry.status, 'answered');
    const subject = body.subject ?? (inquiry.subject ? `Re: ${inquiry.subject}` : subjectIn('inquiries.staff.notice.replySubject'));
    const notice = await tellClient(deps, db, inquiry, { subject, text: body.text }, origin.actorId, now);
    if (notice.mail) await inviteAfterAnswer(deps, db, inquiry, origin);
    return { kind: 'replied', toStatus: 'answered', notice };
  });
}

/** Both standards ask clients to rate the service: an answer by e-mail is followed by a survey link (feedback feature). */
async function inviteAfterAnswer(deps: ActionDeps, db: Database, inquiry: InquiryRow, origin: AuditOrigin): Promise<void> {
  const profile = deps.agencies.get(inquiry.agency);
  if (!profile || !inquiry.requesterEmail) return;
  const channelId = channelIdOfKind(profile, inquiry.channel);
  await inviteToSurvey(
    deps,
    {
      agency: inquiry.agency,
      contactKind: 'inquiry',
      contactRef: inquiry.reference,
      ...(channelId ? { channelId } : {}),
      ...(origin.actorId ? { staffId: origin.actorId } : {}),
      email: inquiry.requesterEmail,
      lang: 'lv',
    },
    { db, origin },
  );
}

/** Asks the client for more information; the inquiry waits for them (their reply hands it back). */
export async function requestInformation(
  deps: ActionDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  body: ActionBody<'request-info'>,
): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now }) => {
    assertTransition(inquiry.status, 'waiting-for-client');
    const notice = await tellClient(deps, db, inquiry, { subject: subjectIn('inquiries.staff.notice.requestInfoSubject'), text: body.text }, origin.actorId, now);
    return { kind: 'info-requested', toStatus: 'waiting-for-client', notice };
  });
}

export async function closeInquiry(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'close'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  return runInquiryAction(deps, scope, origin, id, async ({ inquiry }) => {
    assertTransition(inquiry.status, 'closed');
    return { kind: 'closed', toStatus: 'closed', details: body.note ? { note: body.note } : {} };
  });
}

type ToldReason = Exclude<ActionBody<'unexamined'>['reason'], 'anonymous' | 'repeat-further'>;

/**
 * Law on Submissions s.7: the reason is recorded; the client is told why, except when anonymous
 * (no one to tell) and for a further repeat, which is only noted.
 */
export async function leaveUnexamined(
  deps: ActionDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  body: ActionBody<'unexamined'>,
): Promise<ActionResult> {
  authorize(scope, 'inquiries.work');
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now }) => {
    assertTransition(inquiry.status, 'unexamined');
    const reason = body.reason;
    const told = reason !== 'anonymous' && reason !== 'repeat-further';
    const notice = told
      ? await tellClient(
          deps,
          db,
          inquiry,
          {
            subject: subjectIn('inquiries.staff.notice.unexaminedSubject'),
            text: bothLanguages('inquiries.staff.notice.unexaminedText', { reference: inquiry.reference }, {
              reason: (lang) => translator(lang)(`inquiries.staff.notice.unexaminedReasons.${reason as ToldReason}`),
            }),
          },
          origin.actorId,
          now,
        )
      : null;
    return { kind: 'unexamined', toStatus: 'unexamined', details: { reason, note: body.note ?? null, clientTold: told }, notice };
  });
}

/** The inquiry at hand becomes the duplicate of `into` (same agency only); its messages stay readable. */
export async function mergeInquiry(deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<'merge'>): Promise<ActionResult> {
  authorize(scope, 'inquiries.manage');
  return runInquiryAction(deps, scope, origin, id, async ({ db, inquiry, now }) => {
    assertTransition(inquiry.status, 'merged');
    const into = body.into.trim();
    const found = parseReference(into)
      ? await findInquiryByReferenceInAgency(db, scope.agency, into.toUpperCase())
      : isUuid(into)
        ? { id: into }
        : undefined;
    const target = found ? await lockInquiryInAgency(db, scope.agency, found.id) : undefined;
    if (!target) throw fieldError('into', 'not_found', 'inquiries.staff.errors.mergeNotFound');
    if (target.id === inquiry.id) throw fieldError('into', 'self', 'inquiries.staff.errors.mergeSelf');
    if (target.status === 'merged') throw fieldError('into', 'target_merged', 'inquiries.staff.errors.mergeTargetMerged');
    await insertInquiryEvent(db, {
      inquiryId: target.id,
      at: now,
      actorId: origin.actorId,
      kind: 'merged-from',
      details: { duplicateId: inquiry.id, duplicateReference: inquiry.reference },
    });
    return {
      kind: 'merged',
      toStatus: 'merged',
      changes: { mergedInto: target.id },
      details: { intoId: target.id, intoReference: target.reference },
    };
  });
}
