import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import type { ActionBody, InquiryAction } from '../inquiries-staff.schema.ts';
import type { ActionDeps, ActionResult } from './action-runner.ts';
import { letterUrl } from './client-notice.ts';
import { assignInquiry, closeInquiry, leaveUnexamined, mergeInquiry, replyToInquiry, requestInformation } from './inquiry-actions.service.ts';
import { applyComplexTerm, extendDeadline, forwardInquiry } from './inquiry-terms.service.ts';

type Handler<A extends InquiryAction> = (deps: ActionDeps, scope: AgencyScope, origin: AuditOrigin, id: string, body: ActionBody<A>) => Promise<ActionResult>;

const HANDLERS: { [A in InquiryAction]: Handler<A> } = {
  assign: assignInquiry,
  reply: replyToInquiry,
  'request-info': requestInformation,
  forward: forwardInquiry,
  complex: applyComplexTerm,
  extend: extendDeadline,
  unexamined: leaveUnexamined,
  merge: mergeInquiry,
  close: closeInquiry,
};

/** Runs one of the staff actions by name (the page forms and the JSON API share this). */
export function performAction<A extends InquiryAction>(
  action: A,
  deps: ActionDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  body: ActionBody<A>,
): Promise<ActionResult> {
  return (HANDLERS[action] as Handler<A>)(deps, scope, origin, id, body);
}

/** The JSON answer of an action. */
export function actionResultJson(result: ActionResult) {
  const { inquiry, notice } = result;
  return {
    id: inquiry.id,
    reference: inquiry.reference,
    status: inquiry.status,
    deadline: inquiry.deadline,
    assigneeId: inquiry.assigneeId,
    mergedInto: inquiry.mergedInto,
    message: notice
      ? {
          id: notice.message.id,
          medium: notice.message.medium,
          letterUrl: notice.message.medium === 'letter' ? letterUrl(inquiry, notice.message.id) : null,
          outboxId: notice.mail?.id ?? null,
        }
      : null,
  };
}
