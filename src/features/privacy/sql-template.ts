import { sql, type SQL } from 'drizzle-orm';

/** A declaration's SQL with {{name}} placeholders filled by SQL fragments (parameters stay parameters). */
export function fillSql(template: string, values: Record<string, SQL>): SQL {
  const parts = template.split(/(\{\{[a-z]+\}\})/);
  return sql.join(
    parts.map((part) => {
      const name = /^\{\{([a-z]+)\}\}$/.exec(part)?.[1];
      if (name === undefined) return sql.raw(part);
      const value = values[name];
      if (!value) throw new Error(`no value for {{${name}}}`);
      return value;
    }),
    sql``,
  );
}

export async function rowsOf<T>(db: { execute: (query: SQL) => Promise<unknown> }, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as { rows: T[] }).rows;
}
