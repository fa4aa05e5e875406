import type { SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

const dialect = new PgDialect();

/**
 * Runs a hot statement as a named prepared statement: on PostgreSQL each connection parses and plans it once
 * (node-postgres keeps it by name), which for a statement of several CTEs is most of its cost in the database.
 * A name must always stand for the same SQL text (values only as parameters); node-postgres refuses a name
 * reused for other text. PGlite runs it as an ordinary statement. Works inside a transaction too.
 */
export async function executePrepared<Row>(db: Database, name: string, query: SQL): Promise<Row[]> {
  const prepared = db._.session.prepareQuery(dialect.sqlToQuery(query), undefined, name, false);
  const result = (await prepared.execute()) as { rows: Row[] };
  return result.rows;
}
