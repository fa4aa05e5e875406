import type { Query, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

const dialect = new PgDialect();

/** Runs a prepared statement with the values of its placeholders; the rows it returns. */
export type PreparedStatement<Row> = (db: Database, values: Record<string, unknown>) => Promise<Row[]>;

/**
 * A hot statement written once with `sql.placeholder('name')` for every value: its text is built once per
 * process, and PostgreSQL parses and plans it once per connection (node-postgres keeps it by `name`), which for a
 * statement of several CTEs is most of its cost in the database. `name` must be unique in the program. PGlite
 * runs it as an ordinary statement. Works inside a transaction too (pass the transaction as `db`).
 */
export function preparedStatement<Row>(name: string, query: SQL): PreparedStatement<Row> {
  let built: Query | undefined;
  return async (db, values) => {
    built ??= dialect.sqlToQuery(query);
    const result = (await db._.session.prepareQuery(built, undefined, name, false).execute(values)) as { rows: Row[] };
    return result.rows;
  };
}
