import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { faqEntries, faqRevisions } from './faq.tables.ts';
import { staffUsers } from '../staff/staff.tables.ts';

export type FaqEntryRow = typeof faqEntries.$inferSelect;
export type FaqEntryWithEditor = FaqEntryRow & { updatedByName: string | null };
export type FaqRevisionRow = {
  version: number;
  changedAt: Date;
  changedBy: string | null;
  changedByName: string | null;
  snapshot: Record<string, unknown>;
};
export type FaqEntryValues = Pick<
  FaqEntryRow,
  'topic' | 'status' | 'questionLv' | 'answerLv' | 'questionEn' | 'answerEn' | 'searchLv' | 'searchEn'
>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isEntryId(id: string): boolean {
  return UUID.test(id);
}

export async function insertFaqEntry(
  db: Database,
  values: FaqEntryValues & { agency: string; updatedBy: string | null; createdAt: Date },
): Promise<FaqEntryRow> {
  const [row] = await db
    .insert(faqEntries)
    .values({ ...values, version: 1, updatedAt: values.createdAt })
    .returning();
  if (!row) throw new Error('faq entry not inserted');
  return row;
}

/** Many entries in one statement, with ids chosen by the caller (the seed writes their revisions next). */
export async function insertFaqEntries(
  db: Database,
  rows: Array<FaqEntryValues & { id: string; agency: string; updatedBy: string | null; createdAt: Date }>,
): Promise<void> {
  if (rows.length === 0) return;
  await db.insert(faqEntries).values(rows.map((row) => ({ ...row, version: 1, updatedAt: row.createdAt })));
}

/** Writes the change only if the entry is still at the version the edit was based on; null otherwise. */
export async function updateFaqEntryAtVersion(
  db: Database,
  where: { agency: string; id: string; version: number },
  values: FaqEntryValues & { updatedBy: string | null; updatedAt: Date },
): Promise<FaqEntryRow | null> {
  const [row] = await db
    .update(faqEntries)
    .set({ ...values, version: sql`${faqEntries.version} + 1` })
    .where(and(eq(faqEntries.id, where.id), eq(faqEntries.agency, where.agency), eq(faqEntries.version, where.version)))
    .returning();
  return row ?? null;
}

/** One entry of the agency; another agency's entry is never returned. */
export async function findFaqEntry(db: Database, agency: string, id: string): Promise<FaqEntryRow | null> {
  if (!isEntryId(id)) return null;
  const [row] = await db
    .select()
    .from(faqEntries)
    .where(and(eq(faqEntries.id, id), eq(faqEntries.agency, agency)));
  return row ?? null;
}

export async function listFaqEntries(
  db: Database,
  agency: string,
  filter: { publishedOnly: boolean; topic?: string },
): Promise<FaqEntryWithEditor[]> {
  const conditions: SQL[] = [eq(faqEntries.agency, agency)];
  if (filter.publishedOnly) conditions.push(eq(faqEntries.status, 'published'));
  if (filter.topic) conditions.push(eq(faqEntries.topic, filter.topic));
  const rows = await db
    .select({ entry: faqEntries, updatedByName: staffUsers.name })
    .from(faqEntries)
    .leftJoin(staffUsers, eq(staffUsers.id, faqEntries.updatedBy))
    .where(and(...conditions))
    .orderBy(asc(faqEntries.createdAt), asc(faqEntries.id));
  return rows.map((r) => ({ ...r.entry, updatedByName: r.updatedByName }));
}

export async function countFaqEntries(db: Database, agency: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(faqEntries).where(eq(faqEntries.agency, agency));
  return row?.n ?? 0;
}

type NewRevision = { entryId: string; version: number; snapshot: Record<string, unknown>; changedBy: string | null; changedAt: Date };

export async function insertFaqRevision(db: Database, revision: NewRevision): Promise<void> {
  await db.insert(faqRevisions).values(revision);
}

export async function insertFaqRevisions(db: Database, revisions: NewRevision[]): Promise<void> {
  if (revisions.length > 0) await db.insert(faqRevisions).values(revisions);
}

/** The entry's revisions, newest first, with the name of who made each. */
export async function listFaqRevisions(db: Database, entryId: string): Promise<FaqRevisionRow[]> {
  return db
    .select({
      version: faqRevisions.version,
      changedAt: faqRevisions.changedAt,
      changedBy: faqRevisions.changedBy,
      changedByName: staffUsers.name,
      snapshot: faqRevisions.snapshot,
    })
    .from(faqRevisions)
    .leftJoin(staffUsers, eq(staffUsers.id, faqRevisions.changedBy))
    .where(eq(faqRevisions.entryId, entryId))
    .orderBy(sql`${faqRevisions.version} desc`);
}

export type FaqSearchRow = FaqEntryRow & { score: number };

type RawSearchRow = {
  id: string;
  agency: string;
  topic: string;
  status: 'draft' | 'published';
  question_lv: string;
  answer_lv: string;
  question_en: string;
  answer_en: string;
  search_lv: string;
  search_en: string;
  version: number;
  created_at: Date | string;
  updated_at: Date | string;
  updated_by: string | null;
  score: number | string;
};

/** Trigram matching (for typos) only for terms long enough to have a few trigrams of their own. */
const MIN_TRIGRAM_TERM = 4;

/**
 * Ranked search over the stored folded stems ("question stems | answer stems"):
 * full-text prefix match (to_tsvector('simple') @@ 'term:*') or trigram word similarity (%>, GIN
 * index) for typos. Score: share of the terms matched (×2), ts_rank with the question weighted A
 * and the answer D, and the best trigram similarity of a term to the question.
 * The terms are letters and digits only (searchTerms), so the tsquery text cannot carry operators.
 */
export async function searchFaqEntries(
  db: Database,
  params: { agency: string; lang: 'lv' | 'en'; terms: readonly string[]; limit: number; includeDrafts: boolean },
): Promise<FaqSearchRow[]> {
  const { terms } = params;
  if (terms.length === 0) return [];
  const doc = params.lang === 'lv' ? sql`e.search_lv` : sql`e.search_en`;
  const anyTerm = terms.map((t) => `${t}:*`).join(' | ');
  const trigramTerms = terms.filter((t) => t.length >= MIN_TRIGRAM_TERM);
  const perTerm = terms.map((t) => {
    const trigram = t.length >= MIN_TRIGRAM_TERM ? sql`case when ${doc} %> ${t}::text then word_similarity(${t}::text, ${doc}) else 0 end` : sql`0`;
    return sql`greatest(((v.qv || v.av) @@ to_tsquery('simple', ${`${t}:*`}::text))::int, ${trigram})`;
  });
  const questionSimilarity =
    trigramTerms.length > 0 ? sql`greatest(${sql.join(trigramTerms.map((t) => sql`word_similarity(${t}::text, p.q)`), sql`, `)})` : sql`0`;
  const trigramMatch = trigramTerms.length > 0 ? sql.join(trigramTerms.map((t) => sql` or ${doc} %> ${t}::text`), sql``) : sql``;
  const result = await db.execute(sql`
    select e.*, (
      2 * (${sql.join(perTerm, sql` + `)}) / ${terms.length}::float
      + ts_rank(setweight(v.qv, 'A') || setweight(v.av, 'D'), to_tsquery('simple', ${anyTerm}::text))
      + 0.3 * ${questionSimilarity}
    ) as score
    from faq_entries e
    cross join lateral (select split_part(${doc}, ' | ', 1) as q, split_part(${doc}, ' | ', 2) as a) p
    cross join lateral (select to_tsvector('simple', p.q) as qv, to_tsvector('simple', p.a) as av) v
    where e.agency = ${params.agency}
      and (e.status = 'published' or ${params.includeDrafts}::boolean)
      and (to_tsvector('simple', ${doc}) @@ to_tsquery('simple', ${anyTerm}::text) ${trigramMatch})
    order by score desc, e.created_at, e.id
    limit ${params.limit}
  `);
  const rows = (result as unknown as { rows: RawSearchRow[] }).rows;
  return rows.map((r) => ({
    id: r.id,
    agency: r.agency,
    topic: r.topic,
    status: r.status,
    questionLv: r.question_lv,
    answerLv: r.answer_lv,
    questionEn: r.question_en,
    answerEn: r.answer_en,
    searchLv: r.search_lv,
    searchEn: r.search_en,
    version: Number(r.version),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    updatedBy: r.updated_by,
    score: Number(r.score),
  }));
}
