import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';

export async function pingDatabase(db: Database): Promise<boolean> {
  const result = await db.execute(sql`select 1 as ok`);
  return (result as { rows: unknown[] }).rows.length === 1;
}
