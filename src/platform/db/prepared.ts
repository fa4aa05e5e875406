import { is, Param, Placeholder, type SQL } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Database } from './client.ts';

const dialect = new PgDialect();

/**
 * The values of a statement's placeholders: one record, or several records read in order (the first that has a
 * name gives its value). Several records spare merging them into one: a record built by adding a booking's
 * forty values one source after another is kept by V8 as a dictionary, about 4 KB a call (issue 18).
 */
export type StatementValues = Readonly<Record<string, unknown>> | ReadonlyArray<Readonly<Record<string, unknown>>>;

/** Runs a prepared statement with the values of its placeholders; the rows it returns. */
export type PreparedStatement<Row> = (db: Database, values: StatementValues) => Promise<Row[]>;

/** Where a statement parameter's value comes from: a placeholder (with drizzle's column encoder, if any) or fixed. */
type ParamSource = { placeholder: string; encode: ((value: unknown) => unknown) | undefined } | { fixed: unknown };

/**
 * A hot statement written once with `sql.placeholder('name')` for every value: its text is built once per
 * process, and PostgreSQL parses and plans it once per connection (node-postgres keeps it by `name`), which for a
 * statement of several CTEs is most of its cost in the database. `name` must be unique in the program. PGlite
 * runs it as an ordinary statement. Works inside a transaction too (pass the transaction as `db`).
 */
export function preparedStatement<Row>(name: string, query: SQL): PreparedStatement<Row> {
  let built: { sql: string; sources: ParamSource[] } | undefined;
  let nodePgConfig: NodePgQueryConfig | undefined;
  return async (db, values) => {
    if (!built) {
      const text = dialect.sqlToQuery(query);
      built = { sql: text.sql, sources: text.params.map(paramSource) };
    }
    const records = Array.isArray(values) ? values : [values as Readonly<Record<string, unknown>>];
    const params = built.sources.map((source) => ('fixed' in source ? source.fixed : placeholderValue(source.placeholder, records, source.encode)));
    const client = (db._.session as unknown as { client?: unknown }).client;
    if (nodePgConfig && isNodePgClient(client)) return runOnNodePg<Row>(client, nodePgConfig, params);
    const prepared = db._.session.prepareQuery({ sql: built.sql, params }, undefined, name, false);
    if (isNodePgClient(client)) nodePgConfig = (prepared as unknown as { rawQueryConfig: NodePgQueryConfig }).rawQueryConfig;
    return ((await prepared.execute()) as { rows: Row[] }).rows;
  };
}

/** drizzle's query config for node-postgres: the statement's name and text, and drizzle's type parsers (dates stay text). */
type NodePgQueryConfig = { name: string; text: string; types: unknown };

function isNodePgClient(client: unknown): client is pg.Pool | pg.ClientBase {
  return client instanceof pg.Pool || client instanceof pg.Client;
}

/**
 * What drizzle's prepared query does on node-postgres, without building that query object, its two config objects
 * and its tracing spans again on every call (issue 18: a booking's server CPU). Errors are wrapped as drizzle wraps them.
 */
async function runOnNodePg<Row>(client: pg.Pool | pg.ClientBase, config: NodePgQueryConfig, params: unknown[]): Promise<Row[]> {
  try {
    return (await client.query(config as pg.QueryConfig, params)).rows as Row[];
  } catch (error) {
    throw new DrizzleQueryError(config.text, params, error as Error);
  }
}

function paramSource(param: unknown): ParamSource {
  if (is(param, Placeholder)) return { placeholder: param.name, encode: undefined };
  if (is(param, Param) && is(param.value, Placeholder)) {
    const { encoder } = param;
    return { placeholder: param.value.name, encode: (value) => encoder.mapToDriverValue(value) };
  }
  return { fixed: param };
}

function placeholderValue(name: string, records: ReadonlyArray<Readonly<Record<string, unknown>>>, encode: ((value: unknown) => unknown) | undefined): unknown {
  for (const record of records) {
    if (name in record) return encode ? encode(record[name]) : record[name];
  }
  throw new Error(`No value for placeholder "${name}" was provided`);
}
