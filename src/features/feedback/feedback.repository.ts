import { and, desc, eq, gte, isNull, lte, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Database } from '../../platform/db/client.ts';
import { staffUsers } from '../staff/staff.tables.ts';
import {
  feedbackInvitationMonths,
  feedbackInvitations,
  feedbackOpinions,
  feedbackResponses,
  feedbackScoreMonths,
} from './feedback.tables.ts';

export type InvitationRow = typeof feedbackInvitations.$inferSelect;
export type NewInvitation = typeof feedbackInvitations.$inferInsert;
export type NewResponse = typeof feedbackResponses.$inferInsert;
export type OpinionRow = typeof feedbackOpinions.$inferSelect;
export type NewOpinion = typeof feedbackOpinions.$inferInsert;

/** Where a contact is counted: centre and channel keys ('' for none). */
export type ResultCell = { agency: string; month: string; centreKey: string; channelKey: string };

export async function insertInvitation(db: Database, row: NewInvitation): Promise<InvitationRow> {
  const [inserted] = await db.insert(feedbackInvitations).values(row).returning();
  if (!inserted) throw new Error('invitation not stored');
  return inserted;
}

export async function countInvitation(db: Database, cell: ResultCell): Promise<void> {
  await db
    .insert(feedbackInvitationMonths)
    .values({ ...cell, invited: 1, responded: 0 })
    .onConflictDoUpdate({
      target: [feedbackInvitationMonths.agency, feedbackInvitationMonths.month, feedbackInvitationMonths.centreKey, feedbackInvitationMonths.channelKey],
      set: { invited: sql`${feedbackInvitationMonths.invited} + 1` },
    });
}

/** The latest invitation for a contact (e.g. a queue ticket), whatever its state. */
export async function findInvitationForContact(db: Database, agency: string, contactKind: InvitationRow['contactKind'], contactRef: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(feedbackInvitations)
    .where(and(eq(feedbackInvitations.agency, agency), eq(feedbackInvitations.contactKind, contactKind), eq(feedbackInvitations.contactRef, contactRef)))
    .orderBy(desc(feedbackInvitations.createdAt))
    .limit(1);
  return row;
}

export async function findInvitation(db: Database, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(feedbackInvitations).where(eq(feedbackInvitations.id, id));
  return row;
}

/**
 * Marks the invitation used (only if still unused) and, unless the client agreed to be identified,
 * erases the staff member from it — so nothing links the answer to the person who served.
 */
export async function claimInvitation(db: Database, id: string, usedAt: Date, staffIdentified: boolean): Promise<InvitationRow | undefined> {
  const [row] = await db
    .update(feedbackInvitations)
    .set({ usedAt, staffIdentified, staffId: staffIdentified ? sql`${feedbackInvitations.staffId}` : null })
    .where(and(eq(feedbackInvitations.id, id), isNull(feedbackInvitations.usedAt)))
    .returning();
  return row;
}

export async function insertResponse(db: Database, row: NewResponse): Promise<void> {
  await db.insert(feedbackResponses).values(row);
}

/** Adds one response to the monthly aggregates (call in the transaction of the response insert). */
export async function countResponse(db: Database, cell: ResultCell, ratings: Record<string, number>): Promise<void> {
  await db
    .insert(feedbackInvitationMonths)
    .values({ ...cell, invited: 0, responded: 1 })
    .onConflictDoUpdate({
      target: [feedbackInvitationMonths.agency, feedbackInvitationMonths.month, feedbackInvitationMonths.centreKey, feedbackInvitationMonths.channelKey],
      set: { responded: sql`${feedbackInvitationMonths.responded} + 1` },
    });
  const entries = Object.entries(ratings);
  if (entries.length === 0) return;
  await db
    .insert(feedbackScoreMonths)
    .values(entries.map(([questionId, rating]) => ({ ...cell, questionId, answers: 1, total: rating })))
    .onConflictDoUpdate({
      target: [feedbackScoreMonths.agency, feedbackScoreMonths.month, feedbackScoreMonths.centreKey, feedbackScoreMonths.channelKey, feedbackScoreMonths.questionId],
      set: { answers: sql`${feedbackScoreMonths.answers} + excluded.answers`, total: sql`${feedbackScoreMonths.total} + excluded.total` },
    });
}

export type ResultFilters = { from?: string | undefined; to?: string | undefined; centre?: string | undefined; channel?: string | undefined };

type CellColumns = { agency: AnyPgColumn; month: AnyPgColumn; centre: AnyPgColumn; channel: AnyPgColumn };

function cellFilter(columns: CellColumns, agency: string, f: ResultFilters): SQL | undefined {
  return and(
    eq(columns.agency, agency),
    f.from ? gte(columns.month, f.from) : undefined,
    f.to ? lte(columns.month, f.to) : undefined,
    f.centre ? eq(columns.centre, f.centre) : undefined,
    f.channel ? eq(columns.channel, f.channel) : undefined,
  );
}

export type ScoreMonthRow = { month: string; centreKey: string; channelKey: string; questionId: string; answers: number; total: number };
export type InvitationMonthRow = { month: string; centreKey: string; channelKey: string; invited: number; responded: number };

const scoreCells = { agency: feedbackScoreMonths.agency, month: feedbackScoreMonths.month, centre: feedbackScoreMonths.centreKey, channel: feedbackScoreMonths.channelKey };
const invitationCells = { agency: feedbackInvitationMonths.agency, month: feedbackInvitationMonths.month, centre: feedbackInvitationMonths.centreKey, channel: feedbackInvitationMonths.channelKey };
const responseCells = { agency: feedbackResponses.agency, month: feedbackResponses.month, centre: feedbackResponses.centreId, channel: feedbackResponses.channelId };

export async function listScoreMonths(db: Database, agency: string, f: ResultFilters): Promise<ScoreMonthRow[]> {
  const { month, centreKey, channelKey, questionId, answers, total } = feedbackScoreMonths;
  return db.select({ month, centreKey, channelKey, questionId, answers, total }).from(feedbackScoreMonths).where(cellFilter(scoreCells, agency, f)).orderBy(month);
}

export async function listInvitationMonths(db: Database, agency: string, f: ResultFilters): Promise<InvitationMonthRow[]> {
  const { month, centreKey, channelKey, invited, responded } = feedbackInvitationMonths;
  return db.select({ month, centreKey, channelKey, invited, responded }).from(feedbackInvitationMonths).where(cellFilter(invitationCells, agency, f)).orderBy(month);
}

export type CommentRow = {
  id: string;
  month: string;
  centreId: string | null;
  channelId: string | null;
  comments: Record<string, string>;
  ratings: Record<string, number>;
  submittedAt: Date;
  /** Only when the client agreed to be identified. */
  staffName: string | null;
};

/** The latest comments; the staff member is named only where the client agreed (others carry no staff id). */
export async function listComments(db: Database, agency: string, f: ResultFilters, limit: number): Promise<CommentRow[]> {
  return db
    .select({
      id: feedbackResponses.id,
      month: feedbackResponses.month,
      centreId: feedbackResponses.centreId,
      channelId: feedbackResponses.channelId,
      comments: feedbackResponses.comments,
      ratings: feedbackResponses.ratings,
      submittedAt: feedbackResponses.submittedAt,
      staffName: staffUsers.name,
    })
    .from(feedbackResponses)
    .leftJoin(staffUsers, eq(staffUsers.id, feedbackResponses.staffId))
    .where(and(cellFilter(responseCells, agency, f), eq(feedbackResponses.hasComment, true)))
    .orderBy(desc(feedbackResponses.submittedAt))
    .limit(limit);
}

export async function insertOpinion(db: Database, row: NewOpinion): Promise<OpinionRow> {
  const [inserted] = await db.insert(feedbackOpinions).values(row).returning();
  if (!inserted) throw new Error('opinion not stored');
  return inserted;
}

export async function listOpinions(db: Database, agency: string, limit: number): Promise<OpinionRow[]> {
  return db.select().from(feedbackOpinions).where(eq(feedbackOpinions.agency, agency)).orderBy(desc(feedbackOpinions.receivedAt)).limit(limit);
}

/** Recomputes the monthly aggregates from the rows (after a bulk load; tests compare it with the running totals). */
export async function rebuildAggregates(db: Database): Promise<void> {
  await db.execute(sql`delete from feedback_score_months`);
  await db.execute(sql`delete from feedback_invitation_months`);
  await db.execute(sql`
    insert into feedback_invitation_months (agency, month, centre_key, channel_key, invited, responded)
    select agency, month, coalesce(centre_id, ''), coalesce(channel_id, ''), count(*), count(used_at)
    from feedback_invitations group by 1, 2, 3, 4`);
  await db.execute(sql`
    insert into feedback_score_months (agency, month, centre_key, channel_key, question_id, answers, total)
    select r.agency, r.month, coalesce(r.centre_id, ''), coalesce(r.channel_id, ''), q.key, count(*), sum(q.value::int)
    from feedback_responses r cross join lateral jsonb_each_text(r.ratings) q
    group by 1, 2, 3, 4, 5`);
}

/** Answers about one staff member: only those whose clients agreed carry the staff id at all. */
export async function listResponsesAboutStaff(db: Database, agency: string, staffId: string, limit: number) {
  return db
    .select({ id: feedbackResponses.id, month: feedbackResponses.month, centreId: feedbackResponses.centreId, channelId: feedbackResponses.channelId, ratings: feedbackResponses.ratings, comments: feedbackResponses.comments, submittedAt: feedbackResponses.submittedAt })
    .from(feedbackResponses)
    .where(and(eq(feedbackResponses.agency, agency), eq(feedbackResponses.staffId, staffId)))
    .orderBy(desc(feedbackResponses.submittedAt))
    .limit(limit);
}
export type ResponseAboutStaff = Awaited<ReturnType<typeof listResponsesAboutStaff>>[number];
