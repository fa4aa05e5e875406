import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Database } from './client.ts';

/**
 * Writes that do not read each other's results, sent as one statement (each a data-modifying WITH part): one
 * round trip instead of one per write, and atomic on its own. PostgreSQL runs every part to completion and checks
 * foreign keys at the end of the statement, so a part may reference a row another part inserts.
 */
export async function writeTogether(db: Database, writes: readonly SQLWrapper[]): Promise<void> {
  const [first, ...rest] = writes;
  if (!first) return;
  if (rest.length === 0) {
    await db.execute(first.getSQL());
    return;
  }
  const parts = writes.map((write, i) => sql`${sql.identifier(`write_${i}`)} as (${write.getSQL()})`);
  await db.execute(sql`with ${sql.join(parts, sql`, `)} select 1`);
}
