import { withTransaction } from '../../platform/db/transaction.ts';
import { and, asc, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, lte, ne, sql, type SQL } from 'drizzle-orm';
import { OPEN_STATUSES, type InquiryStatus } from '../../domain/inquiry/index.ts';
import type { Database } from '../../platform/db/client.ts';
import { answerTemplates, inquiries, inquiryAttachments, inquiryEvents, inquiryMessages } from './inquiries.tables.ts';
import { staffMemberships, staffUsers } from '../staff/staff.tables.ts';
import { type StaffRole } from '../../platform/access/roles.ts';
import type { InquiryRow } from './inquiries.repository.ts';

// Staff-side queries. Every read of an inquiry takes the agency: another agency's id finds nothing.

export type AnswerTemplateRow = typeof answerTemplates.$inferSelect;
export type StaffMember = { id: string; name: string; email: string; role: StaffRole };

export type InboxFilter = {
  agency: string;
  statuses: readonly InquiryStatus[] | null;
  topic?: string | undefined;
  channel?: string | undefined;
  assignee?: { none: true } | { id: string } | undefined;
  deadlineFrom?: string | undefined;
  deadlineTo?: string | undefined;
  reference?: string | undefined;
  /** Only inquiries whose channel requires a secure e-signature and that carry no valid one. */
  signatureMissing?: boolean | undefined;
  /** Folded words: each must occur in search_text (ILIKE, served by the pg_trgm GIN index). */
  words?: readonly string[] | undefined;
  after?: { deadline: string; id: string } | undefined;
  limit: number;
};

export type InboxRow = Pick<
  InquiryRow,
  'id' | 'reference' | 'status' | 'channel' | 'topic' | 'subject' | 'requesterName' | 'receivedOn' | 'deadline' | 'forwardDeadline' | 'assigneeId'
> & { assigneeName: string | null };

function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** How many inquiries in deadline order a search reads before it turns to the trigram index. */
const ORDERED_SCAN_BUDGET = 5000;

/**
 * One inbox page in deadline order, keyset-paginated on (deadline, id).
 *
 * A search first reads the next 5,000 inquiries in deadline order and keeps the matches: a common word
 * fills the page there. A rarer one (under 1% of rows) is then fetched through the trigram index and
 * sorted, which is cheap exactly because it is rare. PostgreSQL's own estimate for `ILIKE '%…%'` cannot
 * tell the two cases apart.
 */
export async function listInbox(db: Database, filter: InboxFilter): Promise<InboxRow[]> {
  const where = inboxConditions(filter);
  const words = (filter.words ?? []).map((word) => ilike(inquiries.searchText, likePattern(word)));
  if (words.length === 0) return selectInboxPage(db, where, filter.limit);
  const firstRows = await searchNearest(db, where, filter.words ?? [], filter.limit);
  if (firstRows.length === filter.limit) return firstRows;
  return withTransaction(db, async (t) => {
    // Rare matches: through the trigram index (agency + words), then sorted.
    await t.execute(sql`set local enable_indexscan = off`);
    await t.execute(sql`set local enable_seqscan = off`);
    return selectInboxPage(t, [...where, ...words], filter.limit);
  });
}

/** The matches among the next ORDERED_SCAN_BUDGET inquiries in deadline order (read once, along the index). */
async function searchNearest(db: Database, where: SQL[], words: readonly string[], limit: number): Promise<InboxRow[]> {
  const nearest = db
    .select({ ...inboxColumns(), searchText: inquiries.searchText })
    .from(inquiries)
    .where(and(...where))
    .orderBy(asc(inquiries.deadline), asc(inquiries.id))
    .limit(ORDERED_SCAN_BUDGET)
    .as('nearest');
  const n = nearest;
  return db
    .select({
      id: n.id,
      reference: n.reference,
      status: n.status,
      channel: n.channel,
      topic: n.topic,
      subject: n.subject,
      requesterName: n.requesterName,
      receivedOn: n.receivedOn,
      deadline: n.deadline,
      forwardDeadline: n.forwardDeadline,
      assigneeId: n.assigneeId,
      assigneeName: staffUsers.name,
    })
    .from(n)
    .leftJoin(staffUsers, eq(staffUsers.id, n.assigneeId))
    .where(and(...words.map((word) => ilike(n.searchText, likePattern(word)))))
    .orderBy(asc(nearest.deadline), asc(nearest.id))
    .limit(limit);
}

function inboxColumns() {
  return {
    id: inquiries.id,
    reference: inquiries.reference,
    status: inquiries.status,
    channel: inquiries.channel,
    topic: inquiries.topic,
    subject: inquiries.subject,
    requesterName: inquiries.requesterName,
    receivedOn: inquiries.receivedOn,
    deadline: inquiries.deadline,
    forwardDeadline: inquiries.forwardDeadline,
    assigneeId: inquiries.assigneeId,
  };
}

function inboxConditions(filter: InboxFilter): SQL[] {
  const where: SQL[] = [eq(inquiries.agency, filter.agency)];
  if (filter.statuses) where.push(inArray(inquiries.status, [...filter.statuses]));
  if (filter.topic) where.push(eq(inquiries.topic, filter.topic));
  if (filter.channel) where.push(eq(inquiries.channel, filter.channel as InquiryRow['channel']));
  if (filter.assignee) where.push('none' in filter.assignee ? isNull(inquiries.assigneeId) : eq(inquiries.assigneeId, filter.assignee.id));
  if (filter.deadlineFrom) where.push(gte(inquiries.deadline, filter.deadlineFrom));
  if (filter.deadlineTo) where.push(lte(inquiries.deadline, filter.deadlineTo));
  if (filter.reference) where.push(eq(inquiries.reference, filter.reference));
  if (filter.signatureMissing) where.push(eq(inquiries.signed, false));
  if (filter.after) where.push(sql`(${inquiries.deadline}, ${inquiries.id}) > (${filter.after.deadline}::date, ${filter.after.id}::uuid)`);
  return where;
}

function selectInboxPage(db: Database, where: SQL[], limit: number): Promise<InboxRow[]> {
  return db
    .select({ ...inboxColumns(), assigneeName: staffUsers.name })
    .from(inquiries)
    .leftJoin(staffUsers, eq(staffUsers.id, inquiries.assigneeId))
    .where(and(...where))
    .orderBy(asc(inquiries.deadline), asc(inquiries.id))
    .limit(limit);
}

/** Active (not disabled) members of the agency that also meet `condition`. */
function activeMembers(db: Database, agency: string, condition: SQL) {
  return db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email, role: staffMemberships.role })
    .from(staffMemberships)
    .innerJoin(staffUsers, eq(staffUsers.id, staffMemberships.userId))
    .where(and(eq(staffMemberships.agency, agency), condition, isNull(staffUsers.disabledAt)));
}

/** Staff who can work inquiries in the agency (specialists, supervisors, administrators; not disabled). */
export async function listWorkingStaff(db: Database, agency: string): Promise<StaffMember[]> {
  return activeMembers(db, agency, ne(staffMemberships.role, 'auditor')).orderBy(asc(staffUsers.name));
}

export async function findStaffMember(db: Database, agency: string, userId: string): Promise<StaffMember | undefined> {
  const [row] = await activeMembers(db, agency, eq(staffMemberships.userId, userId));
  return row;
}

export async function listSupervisors(db: Database, agency: string): Promise<StaffMember[]> {
  return activeMembers(db, agency, eq(staffMemberships.role, 'supervisor')).orderBy(asc(staffUsers.email));
}

export async function findStaffName(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: staffUsers.name }).from(staffUsers).where(eq(staffUsers.id, userId));
  return row?.name ?? null;
}

/** The inquiry, row-locked for the rest of the transaction (one action at a time per inquiry). */
export async function lockInquiryInAgency(db: Database, agency: string, id: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(and(eq(inquiries.agency, agency), eq(inquiries.id, id))).for('update');
  return row;
}

export async function listDuplicates(db: Database, agency: string, id: string): Promise<Array<{ id: string; reference: string }>> {
  return db
    .select({ id: inquiries.id, reference: inquiries.reference })
    .from(inquiries)
    .where(and(eq(inquiries.agency, agency), eq(inquiries.mergedInto, id)))
    .orderBy(asc(inquiries.reference));
}

export async function listEventsWithActors(db: Database, inquiryId: string) {
  return db
    .select({
      id: inquiryEvents.id,
      at: inquiryEvents.at,
      kind: inquiryEvents.kind,
      fromStatus: inquiryEvents.fromStatus,
      toStatus: inquiryEvents.toStatus,
      details: inquiryEvents.details,
      actor: staffUsers.name,
    })
    .from(inquiryEvents)
    .leftJoin(staffUsers, eq(staffUsers.id, inquiryEvents.actorId))
    .where(eq(inquiryEvents.inquiryId, inquiryId))
    .orderBy(asc(inquiryEvents.id));
}

export async function listMessagesWithAuthors(db: Database, inquiryId: string) {
  return db
    .select({
      id: inquiryMessages.id,
      direction: inquiryMessages.direction,
      medium: inquiryMessages.medium,
      at: inquiryMessages.at,
      subject: inquiryMessages.subject,
      bodyText: inquiryMessages.bodyText,
      author: staffUsers.name,
    })
    .from(inquiryMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, inquiryMessages.authorId))
    .where(eq(inquiryMessages.inquiryId, inquiryId))
    .orderBy(asc(inquiryMessages.at), asc(inquiryMessages.id));
}

export async function findMessageWithAuthor(db: Database, inquiryId: string, messageId: string) {
  const [row] = await db
    .select({ message: inquiryMessages, author: staffUsers.name })
    .from(inquiryMessages)
    .leftJoin(staffUsers, eq(staffUsers.id, inquiryMessages.authorId))
    .where(and(eq(inquiryMessages.inquiryId, inquiryId), eq(inquiryMessages.id, messageId)));
  return row;
}

/** The Message-ID of the client's latest e-mail, to thread our answer under it. */
export async function findLatestClientEmailId(db: Database, inquiryId: string): Promise<string | null> {
  const [row] = await db
    .select({ id: inquiryMessages.emailMessageId })
    .from(inquiryMessages)
    .where(and(eq(inquiryMessages.inquiryId, inquiryId), eq(inquiryMessages.direction, 'in'), isNotNull(inquiryMessages.emailMessageId)))
    .orderBy(desc(inquiryMessages.at))
    .limit(1);
  return row?.id ?? null;
}

export async function findAttachment(db: Database, inquiryId: string, attachmentId: string) {
  const [row] = await db
    .select()
    .from(inquiryAttachments)
    .where(and(eq(inquiryAttachments.inquiryId, inquiryId), eq(inquiryAttachments.id, attachmentId)));
  return row;
}

export async function listAttachmentsWithContent(db: Database, inquiryId: string) {
  return db
    .select({ fileName: inquiryAttachments.fileName, contentType: inquiryAttachments.contentType, content: inquiryAttachments.content })
    .from(inquiryAttachments)
    .where(eq(inquiryAttachments.inquiryId, inquiryId))
    .orderBy(asc(inquiryAttachments.createdAt));
}

// ── Deadline warnings (all agencies: run by the scheduler) ──────────────────

export async function listOpenInquiriesDueBetween(db: Database, from: string, to: string): Promise<Array<{ id: string; deadline: string }>> {
  return db
    .select({ id: inquiries.id, deadline: inquiries.deadline })
    .from(inquiries)
    .where(and(inArray(inquiries.status, [...OPEN_STATUSES]), gte(inquiries.deadline, from), lte(inquiries.deadline, to)))
    .orderBy(asc(inquiries.deadline), asc(inquiries.id));
}

export async function lockInquiry(db: Database, id: string): Promise<InquiryRow | undefined> {
  const [row] = await db.select().from(inquiries).where(eq(inquiries.id, id)).for('update');
  return row;
}

export async function hasDeadlineWarning(db: Database, inquiryId: string, deadline: string): Promise<boolean> {
  const [row] = await db
    .select({ id: inquiryEvents.id })
    .from(inquiryEvents)
    .where(and(eq(inquiryEvents.inquiryId, inquiryId), eq(inquiryEvents.kind, 'deadline-warning'), sql`${inquiryEvents.details}->>'deadline' = ${deadline}`))
    .limit(1);
  return row !== undefined;
}

export async function findActiveStaffUser(db: Database, userId: string): Promise<{ id: string; name: string; email: string } | undefined> {
  const [row] = await db
    .select({ id: staffUsers.id, name: staffUsers.name, email: staffUsers.email })
    .from(staffUsers)
    .where(and(eq(staffUsers.id, userId), isNull(staffUsers.disabledAt)));
  return row;
}

// ── Answer templates ─────────────────────────────────────────────────────────

export async function listTemplates(db: Database, agency: string): Promise<AnswerTemplateRow[]> {
  return db.select().from(answerTemplates).where(eq(answerTemplates.agency, agency)).orderBy(asc(answerTemplates.title), asc(answerTemplates.id));
}

export async function findTemplate(db: Database, agency: string, id: string): Promise<AnswerTemplateRow | undefined> {
  const [row] = await db.select().from(answerTemplates).where(and(eq(answerTemplates.agency, agency), eq(answerTemplates.id, id)));
  return row;
}

export async function insertTemplate(db: Database, row: typeof answerTemplates.$inferInsert): Promise<AnswerTemplateRow> {
  const [inserted] = await db.insert(answerTemplates).values(row).returning();
  if (!inserted) throw new Error('insert into answer_templates returned no row');
  return inserted;
}

export async function updateTemplate(
  db: Database,
  agency: string,
  id: string,
  changes: Pick<AnswerTemplateRow, 'title' | 'bodyLv' | 'bodyEn' | 'updatedAt' | 'updatedBy'>,
): Promise<AnswerTemplateRow | undefined> {
  const [row] = await db
    .update(answerTemplates)
    .set(changes)
    .where(and(eq(answerTemplates.agency, agency), eq(answerTemplates.id, id)))
    .returning();
  return row;
}

export async function deleteTemplate(db: Database, agency: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(answerTemplates)
    .where(and(eq(answerTemplates.agency, agency), eq(answerTemplates.id, id)))
    .returning({ id: answerTemplates.id });
  return rows.length > 0;
}

/** How many of the agency's open inquiries are past their deadline (shown above the inbox). */
export async function countOverdue(db: Database, agency: string, today: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inquiries)
    .where(and(eq(inquiries.agency, agency), inArray(inquiries.status, [...OPEN_STATUSES]), lt(inquiries.deadline, today)));
  return row?.n ?? 0;
}

/** Open inquiries whose deadline falls within [from, to] (the "near deadline" count of the staff navigation). */
export async function countDueBetween(db: Database, agency: string, from: string, to: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(inquiries)
    .where(and(eq(inquiries.agency, agency), inArray(inquiries.status, [...OPEN_STATUSES]), gte(inquiries.deadline, from), lte(inquiries.deadline, to)));
  return row?.n ?? 0;
}

/**
 * The next open inquiry to work on after this one, in deadline order: the person's own or unassigned ones
 * (another's inquiry is theirs to answer).
 */
export async function findNextOpenInquiry(db: Database, agency: string, actorId: string, excludeId: string): Promise<{ id: string; reference: string } | undefined> {
  const [row] = await db
    .select({ id: inquiries.id, reference: inquiries.reference })
    .from(inquiries)
    .where(
      and(
        eq(inquiries.agency, agency),
        inArray(inquiries.status, [...OPEN_STATUSES]),
        ne(inquiries.id, excludeId),
        sql`(${inquiries.assigneeId} is null or ${inquiries.assigneeId} = ${actorId}::uuid)`,
      ),
    )
    .orderBy(asc(inquiries.deadline), asc(inquiries.id))
    .limit(1);
  return row;
}
