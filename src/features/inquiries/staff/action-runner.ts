import type { InquiryStatus } from '../../../domain/inquiry/index.ts';
import type { AgencyScope } from '../../../platform/access/policy.ts';
import type { AuditOrigin } from '../../../platform/audit/audit.ts';
import { runCommand } from '../../../platform/commands/run-command.ts';
import { rigaToday } from '../../../platform/clock.ts';
import type { Database } from '../../../platform/db/client.ts';
import type { AppDeps } from '../../../platform/deps.ts';
import { AppError } from '../../../platform/http/problem.ts';
import type { MessageKey } from '../../../platform/i18n/index.ts';
import type { OutboxRow } from '../../../platform/mail/mail.repository.ts';
import { insertInquiryEvent, touchInquiry, type InquiryRow, type NewInquiryRow } from '../inquiries.repository.ts';
import { lockInquiryInAgency } from '../inquiries-staff.repository.ts';
import { inquiryNotFound, requireUuid } from './access.ts';
import type { SentNotice } from './client-notice.ts';

export type ActionDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;

export type ActionContext = { db: Database; inquiry: InquiryRow; now: Date; today: string };

export type ActionOutcome = {
  /** inquiry_events.kind and, for a status change, the new status (checked by the action with canTransition). */
  kind: string;
  toStatus?: InquiryStatus | undefined;
  changes?: Partial<NewInquiryRow>;
  details?: Record<string, unknown>;
  notice?: SentNotice | null;
  /** Further mail queued in the transaction (e.g. to the competent institution), delivered after commit. */
  mails?: OutboxRow[];
};

export type ActionResult = { inquiry: InquiryRow; notice: SentNotice | null };

export function fieldError(field: string, code: string, messageKey: MessageKey, values: Record<string, unknown> = {}): AppError {
  return new AppError(400, 'validation', 'errors.validation', {}, [{ field, code, messageKey, values }]);
}

/**
 * One staff action = one command (runCommand): the inquiry row is locked (another agency's id is 404), the action
 * does its work, then the change, the inquiry_event and the audit event are written together; its mail goes
 * after commit.
 */
export async function runInquiryAction(
  deps: ActionDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  work: (ctx: ActionContext) => Promise<ActionOutcome>,
): Promise<ActionResult> {
  requireUuid(id);
  const now = new Date(deps.clock().epochMilliseconds);
  const today = rigaToday(deps.clock);
  return runCommand(deps, origin, async (db) => {
    const inquiry = await lockInquiryInAgency(db, scope.agency, id);
    if (!inquiry) throw inquiryNotFound();
    const outcome = await work({ db, inquiry, now, today });
    const changes: Partial<NewInquiryRow> = { ...outcome.changes, ...(outcome.toStatus ? { status: outcome.toStatus } : {}) };
    await touchInquiry(db, inquiry.id, changes, now);
    const notice = outcome.notice ?? null;
    const details = {
      ...outcome.details,
      ...(notice ? { messageId: notice.message.id, medium: notice.message.medium, outboxId: notice.mail?.id ?? null } : {}),
    };
    await insertInquiryEvent(db, {
      inquiryId: inquiry.id,
      at: now,
      actorId: origin.actorId,
      kind: outcome.kind,
      fromStatus: outcome.toStatus ? inquiry.status : null,
      toStatus: outcome.toStatus ?? null,
      details,
    });
    return {
      result: { inquiry: { ...inquiry, ...changes, updatedAt: now } as InquiryRow, notice },
      audit: { action: `inquiry.${outcome.kind}`, recordType: 'inquiry', recordId: inquiry.id, agency: scope.agency, details: { reference: inquiry.reference, ...details } },
      mails: [notice?.mail, ...(outcome.mails ?? [])],
    };
  });
}
