import { isOpen, OPEN_STATUSES, parseReference, type InquiryStatus } from '../../domain/inquiry/index.ts';
import { computeTerm, type TermOptions } from '../../domain/terms/index.ts';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { rigaToday } from '../../platform/clock.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import * as core from './inquiries.repository.ts';
import { inquirySearchText } from './inquiries.service.ts';
import { topicsFor } from './inquiries-public.service.ts';
import * as repo from './inquiries-staff.repository.ts';
import {
  decodeCursor,
  encodeCursor,
  INBOX_PAGE_SIZE,
  NEAR_DEADLINE_WORKING_DAYS,
  type InboxItem,
  type InboxQuery,
} from './inquiries-staff.schema.ts';
import { inquiryNotFound, requireUuid } from './staff/access.ts';

export type ReadDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies' | 'config'>;
export type ViewVia = 'page' | 'api' | 'attachment' | 'letter';

/** The term options of this installation: the 2026 extension rule is on unless SUBMISSION_EXTENSION=off (LEGAL.md). */
export function termOptions(config: Pick<AppDeps['config'], 'submissionExtension'>): TermOptions {
  return { extensionAllowed: config.submissionExtension };
}

export type DeadlineMarks = { overdue: boolean; dueSoon: boolean };

/** Overdue: open and the last day has passed. Due soon: open, not overdue, at most N working days away. */
export function deadlineMarks(status: InquiryStatus, deadline: string, today: string, soonLimit: string): DeadlineMarks {
  const open = isOpen(status);
  return { overdue: open && deadline < today, dueSoon: open && deadline >= today && deadline <= soonLimit };
}

function inboxItem(row: repo.InboxRow, today: string, soonLimit: string): InboxItem {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    channel: row.channel,
    topic: row.topic,
    subject: row.subject,
    requesterName: row.requesterName,
    receivedOn: row.receivedOn,
    deadline: row.deadline,
    forwardDeadline: row.forwardDeadline,
    assignee: row.assigneeId ? { id: row.assigneeId, name: row.assigneeName ?? '' } : null,
    ...deadlineMarks(row.status, row.deadline, today, soonLimit),
  };
}

function badCursor(): AppError {
  return new AppError(400, 'validation', 'errors.validation', {}, [{ field: 'cursor', code: 'invalid', messageKey: 'inquiries.staff.errors.badCursor' }]);
}

/**
 * One inbox page. Filters combine with AND; `overdue` and `dueWithin` together mean "overdue or due
 * within N working days". Listing personal data is itself recorded in the audit trail.
 */
export async function listInbox(
  deps: ReadDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  query: InboxQuery,
): Promise<{ items: InboxItem[]; nextCursor: string | null; today: string; overdueCount: number }> {
  const today = rigaToday(deps.clock);
  const calendar = await loadCalendar(deps);
  const soonLimit = calendar.addWorkingDays(today, NEAR_DEADLINE_WORKING_DAYS);
  const status = query.status ?? 'open';
  let statuses: readonly InquiryStatus[] | null = status === 'all' ? null : status === 'open' ? OPEN_STATUSES : [status];
  let deadlineFrom: string | undefined;
  let deadlineTo: string | undefined;
  const overdue = query.overdue === 'true';
  if (overdue || query.dueWithin !== undefined) {
    // Deadlines only bind open inquiries.
    statuses = (statuses ?? OPEN_STATUSES).filter((s) => isOpen(s));
    const withinLimit = query.dueWithin !== undefined ? calendar.addWorkingDays(today, query.dueWithin) : undefined;
    if (overdue && withinLimit) deadlineTo = withinLimit;
    else if (overdue) deadlineTo = previousDay(today);
    else {
      deadlineFrom = today;
      deadlineTo = withinLimit;
    }
  }
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  if (after === null) throw badCursor();
  const q = query.q?.trim() ?? '';
  const reference = q && parseReference(q) ? q.toUpperCase() : undefined;
  const words = q && !reference ? inquirySearchText([q]).split(/\s+/).filter(Boolean).slice(0, 8) : undefined;
  const assignee = query.assignee === 'none' ? { none: true as const } : query.assignee === 'me' ? { id: scope.actor.id } : query.assignee ? { id: query.assignee } : undefined;

  // The page and the overdue count are independent reads: on PostgreSQL they run on two connections at once.
  const [rows, overdueCount] = await Promise.all([repo.listInbox(deps.db, {
    agency: scope.agency,
    statuses,
    topic: query.topic || undefined,
    channel: query.channel,
    signatureMissing: query.signature === 'missing-or-invalid',
    assignee,
    deadlineFrom,
    deadlineTo,
    reference,
    words,
    after,
    limit: INBOX_PAGE_SIZE + 1,
  }), repo.countOverdue(deps.db, scope.agency, today)]);
  const page = rows.slice(0, INBOX_PAGE_SIZE);
  const last = page[page.length - 1];
  const nextCursor = rows.length > INBOX_PAGE_SIZE && last ? encodeCursor(last.deadline, last.id) : null;
  await recordAudit(deps.db, deps.clock, origin, {
    action: 'inquiry.inbox-viewed',
    recordType: 'inquiry',
    agency: scope.agency,
    details: { filters: { ...query, cursor: undefined }, rows: page.length },
  });
  return { items: page.map((r) => inboxItem(r, today, soonLimit)), nextCursor, today, overdueCount };
}

function previousDay(date: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

export type TermView = { date: string; rule: string; source: { lv: string; en: string } };

function termView(rule: string, receivedOn: string, calendar: LatvianCalendar, options: TermOptions, date?: string): TermView | null {
  try {
    const term = computeTerm(rule, receivedOn, calendar, options);
    return { date: date ?? term.deadline, rule: term.rule, source: term.source };
  } catch {
    return null;
  }
}

const NO_SOURCE = { lv: '', en: '' };

export type InquiryDetail = Awaited<ReturnType<typeof loadDetail>>;

async function loadDetail(deps: ReadDeps, inquiry: core.InquiryRow) {
  const today = rigaToday(deps.clock);
  const calendar = await loadCalendar(deps);
  const soonLimit = calendar.addWorkingDays(today, NEAR_DEADLINE_WORKING_DAYS);
  const [events, messages, attachments, duplicates, assigneeName, target] = await Promise.all([
    repo.listEventsWithActors(deps.db, inquiry.id),
    repo.listMessagesWithAuthors(deps.db, inquiry.id),
    core.listInquiryAttachmentsMeta(deps.db, inquiry.id),
    repo.listDuplicates(deps.db, inquiry.agency, inquiry.id),
    inquiry.assigneeId ? repo.findStaffName(deps.db, inquiry.assigneeId) : Promise.resolve(null),
    inquiry.mergedInto ? core.findInquiryInAgency(deps.db, inquiry.agency, inquiry.mergedInto) : Promise.resolve(undefined),
  ]);
  const options = termOptions(deps.config);
  const answer = termView(inquiry.termRule, inquiry.receivedOn, calendar, options, inquiry.deadline) ?? { date: inquiry.deadline, rule: inquiry.termRule, source: NO_SOURCE };
  const forward = termView('submission.forward', inquiry.receivedOn, calendar, options, inquiry.forwardDeadline) ?? {
    date: inquiry.forwardDeadline,
    rule: 'submission.forward',
    source: NO_SOURCE,
  };
  const forwardDone = events.some((e) => e.kind === 'forwarded' || e.kind === 'referred');
  return {
    today,
    inquiry: {
      ...inquiry,
      assignee: inquiry.assigneeId ? { id: inquiry.assigneeId, name: assigneeName ?? '' } : null,
      mergedTarget: target ? { id: target.id, reference: target.reference } : null,
      ...deadlineMarks(inquiry.status, inquiry.deadline, today, soonLimit),
      forwardOverdue: isOpen(inquiry.status) && !forwardDone && inquiry.forwardDeadline < today,
    },
    deadlines: { answer, forward, extensionMax: termView('submission.extensionMax', inquiry.receivedOn, calendar, options) },
    events,
    messages,
    attachments,
    duplicates,
  };
}

/** The whole inquiry for staff of its agency; every view is recorded (Cabinet Regulation 764). */
export async function getInquiryDetail(deps: ReadDeps, scope: AgencyScope, origin: AuditOrigin, id: string, via: ViewVia): Promise<InquiryDetail> {
  requireUuid(id);
  const inquiry = await core.findInquiryInAgency(deps.db, scope.agency, id);
  if (!inquiry) throw inquiryNotFound();
  const detail = await loadDetail(deps, inquiry);
  await recordAudit(deps.db, deps.clock, origin, { action: 'inquiry.viewed', recordType: 'inquiry', recordId: inquiry.id, agency: scope.agency, details: { via } });
  return detail;
}

/** One attachment's bytes; downloading is a view of the inquiry and is recorded. */
export async function getAttachment(deps: ReadDeps, scope: AgencyScope, origin: AuditOrigin, id: string, attachmentId: string) {
  requireUuid(id);
  requireUuid(attachmentId);
  const inquiry = await core.findInquiryInAgency(deps.db, scope.agency, id);
  if (!inquiry) throw inquiryNotFound();
  const attachment = await repo.findAttachment(deps.db, inquiry.id, attachmentId);
  if (!attachment) throw inquiryNotFound();
  await recordAudit(deps.db, deps.clock, origin, {
    action: 'inquiry.viewed',
    recordType: 'inquiry',
    recordId: inquiry.id,
    agency: scope.agency,
    details: { via: 'attachment', attachmentId, fileName: attachment.fileName },
  });
  return attachment;
}

/** An answer sent as a letter, for printing. */
export async function getLetter(deps: ReadDeps, scope: AgencyScope, origin: AuditOrigin, id: string, messageId: string) {
  requireUuid(id);
  requireUuid(messageId);
  const inquiry = await core.findInquiryInAgency(deps.db, scope.agency, id);
  if (!inquiry) throw inquiryNotFound();
  const found = await repo.findMessageWithAuthor(deps.db, inquiry.id, messageId);
  if (!found || found.message.direction !== 'out' || found.message.medium !== 'letter') throw inquiryNotFound();
  await recordAudit(deps.db, deps.clock, origin, {
    action: 'inquiry.viewed',
    recordType: 'inquiry',
    recordId: inquiry.id,
    agency: scope.agency,
    details: { via: 'letter', messageId },
  });
  return { inquiry, message: found.message, author: found.author };
}

/** What the inbox filters and the action forms offer: staff from the database, topics from the profile (a scan of a million rows would not do). */
export async function getWorkLists(deps: ReadDeps, scope: AgencyScope) {
  const staff = await repo.listWorkingStaff(deps.db, scope.agency);
  const profile = deps.agencies.get(scope.agency);
  return { staff, topics: profile ? topicsFor(profile).map((topic) => topic.id) : [] };
}
