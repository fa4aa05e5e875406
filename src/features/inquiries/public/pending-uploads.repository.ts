import { and, asc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/client.ts';
import { inquiryPendingUploads } from '../inquiries.tables.ts';

/** One form's set of kept files: the agency, and the SHA-256 of the form's token and of the browser's visitor cookie. */
export type PendingSetKey = { agency: string; tokenHash: string; visitorHash: string };

export type PendingUploadMeta = { id: string; fileName: string; contentType: string; size: number; sha256: string };

function ofSet(key: PendingSetKey, now: Date) {
  return and(
    eq(inquiryPendingUploads.agency, key.agency),
    eq(inquiryPendingUploads.tokenHash, key.tokenHash),
    eq(inquiryPendingUploads.visitorHash, key.visitorHash),
    gt(inquiryPendingUploads.expiresAt, now),
  );
}

const META = {
  id: inquiryPendingUploads.id,
  fileName: inquiryPendingUploads.fileName,
  contentType: inquiryPendingUploads.contentType,
  size: inquiryPendingUploads.size,
  sha256: inquiryPendingUploads.sha256,
};

/** The set's unexpired files, names and sizes only, in the order they were chosen. */
export async function listPendingUploads(db: Database, key: PendingSetKey, now: Date): Promise<PendingUploadMeta[]> {
  return db.select(META).from(inquiryPendingUploads).where(ofSet(key, now)).orderBy(asc(inquiryPendingUploads.createdAt), asc(inquiryPendingUploads.id));
}

/** The set's unexpired files with their bytes (for filing). */
export async function loadPendingUploads(db: Database, key: PendingSetKey, now: Date) {
  return db
    .select({ ...META, content: inquiryPendingUploads.content })
    .from(inquiryPendingUploads)
    .where(ofSet(key, now))
    .orderBy(asc(inquiryPendingUploads.createdAt), asc(inquiryPendingUploads.id));
}

export async function insertPendingUploads(
  db: Database,
  key: PendingSetKey,
  files: ReadonlyArray<{ fileName: string; contentType: string; sha256: string; content: Buffer; createdAt: Date }>,
  expiresAt: Date,
): Promise<void> {
  if (files.length === 0) return;
  await db.insert(inquiryPendingUploads).values(files.map((f) => ({ ...key, fileName: f.fileName, contentType: f.contentType, size: f.content.length, sha256: f.sha256, content: f.content, createdAt: f.createdAt, expiresAt })));
}

/** The client chose another expiry by coming back: the set is kept from now on. */
export async function extendPendingUploads(db: Database, key: PendingSetKey, now: Date, expiresAt: Date): Promise<void> {
  await db.update(inquiryPendingUploads).set({ expiresAt }).where(ofSet(key, now));
}

/** Removes the given files of the set (ids of another set are simply not matched), or the whole set. */
/** The whole set's delete, unsent: it goes with the filing that takes the files (see fileInquiry's alsoWrite). */
export function pendingSetDelete(db: Database, key: PendingSetKey) {
  return db
    .delete(inquiryPendingUploads)
    .where(and(eq(inquiryPendingUploads.agency, key.agency), eq(inquiryPendingUploads.tokenHash, key.tokenHash), eq(inquiryPendingUploads.visitorHash, key.visitorHash)));
}

export async function deletePendingUploads(db: Database, key: PendingSetKey, ids?: readonly string[]): Promise<number> {
  if (ids && ids.length === 0) return 0;
  const inSet = and(eq(inquiryPendingUploads.agency, key.agency), eq(inquiryPendingUploads.tokenHash, key.tokenHash), eq(inquiryPendingUploads.visitorHash, key.visitorHash));
  const deleted = await db
    .delete(inquiryPendingUploads)
    .where(ids ? and(inSet, inArray(inquiryPendingUploads.id, [...ids])) : inSet)
    .returning({ id: inquiryPendingUploads.id });
  return deleted.length;
}

/** Every expired file of every visitor (the cleanup job). */
export async function deleteExpiredPendingUploads(db: Database, now: Date): Promise<number> {
  const deleted = await db.delete(inquiryPendingUploads).where(lte(inquiryPendingUploads.expiresAt, now)).returning({ id: inquiryPendingUploads.id });
  return deleted.length;
}

/** How many files are kept in all (tests, figures). */
export async function countPendingUploads(db: Database): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(inquiryPendingUploads);
  return row?.n ?? 0;
}
