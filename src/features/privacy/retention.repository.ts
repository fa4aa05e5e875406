import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { anonymiseSetSql, notHeldSql, stillPersonalSql } from './record-kind.ts';
import type { AuditTask, RowTask } from './retention.plan.ts';

// The SQL of a retention run. Identifiers come from the feature declarations (code), values are parameters.

type Rows<T> = { rows: T[] };

async function query<T>(db: Database, statement: SQL): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as Rows<T>).rows;
}

/** The WHERE of the records a task would touch now (without the keyset bound). */
function expiredWhere(task: RowTask): SQL {
  const d = task.declaration;
  const parts: SQL[] = [sql`t.${sql.raw(d.timeColumn)} < ${task.cutoff.toISOString()}::timestamptz`];
  if (task.agency !== null && d.agencySql) parts.push(sql`${sql.raw(d.agencySql)} = ${task.agency}`);
  if (d.eligibleSql) parts.push(sql.raw(d.eligibleSql));
  if (task.action === 'anonymise') parts.push(sql.raw(stillPersonalSql(d)));
  parts.push(sql.raw(notHeldSql(d)));
  return sql.join(parts, sql` and `);
}

export async function countExpired(db: Database, task: RowTask): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(task.declaration.table)} t where ${expiredWhere(task)}`);
  return row?.n ?? 0;
}

/** Records on hold that would otherwise be touched (shown on the dry run). */
export async function countHeld(db: Database, task: RowTask): Promise<number> {
  if (task.declaration.heldBy.length === 0) return 0;
  const d = task.declaration;
  const parts: SQL[] = [sql`t.${sql.raw(d.timeColumn)} < ${task.cutoff.toISOString()}::timestamptz`, sql.raw(`not ${notHeldSql(d)}`)];
  if (task.agency !== null && d.agencySql) parts.push(sql`${sql.raw(d.agencySql)} = ${task.agency}`);
  const [row] = await query<{ n: number }>(db, sql`select count(*)::int as n from ${sql.raw(d.table)} t where ${sql.join(parts, sql` and `)}`);
  return row?.n ?? 0;
}

/** Where a walk through a table stopped: the expiry time and key of the last record looked at. */
export type BatchCursor = { at: string; id: string };

/**
 * One batch, set-based: at most `limit` expired records after `after` in (expiry time, key) order — an index on
 * (time, id) serves the walk, so a run reads only the expired range, never the rest of the table — locked with SKIP
 * LOCKED (a record a booking or a staff member holds right now is left for the next run), then anonymised or deleted
 * by key (`id = any(…)`, an index look-up per record, never a scan of the table) in the same statement. Returns how
 * many changed, where the walk stopped and how many were looked at.
 */
export async function applyBatch(db: Database, task: RowTask, after: BatchCursor | null, limit: number): Promise<{ changed: number; last: BatchCursor | null; scanned: number }> {
  const d = task.declaration;
  const id = sql.raw(`t.${d.idColumn}`);
  const time = sql.raw(`t.${d.timeColumn}`);
  const idType = sql.raw(d.idType ?? 'uuid');
  const bound = after === null ? sql`true` : sql`(${time}, ${id}) > (${after.at}::timestamptz, ${after.id}::${idType})`;
  const chosen = sql`${id} = any(array(select b.id from batch b))`;
  const change =
    task.action === 'delete'
      ? sql`delete from ${sql.raw(d.table)} t where ${chosen} returning 1`
      : sql`update ${sql.raw(d.table)} t set ${sql.raw(anonymiseSetSql(d))} where ${chosen} returning 1`;
  const [row] = await query<{ changed: number; last_at: string | null; last_id: string | null; scanned: number }>(
    db,
    sql`with batch as materialized (
          select ${id} as id, ${time} as at from ${sql.raw(d.table)} t
          where ${bound} and ${expiredWhere(task)}
          order by ${time}, ${id} limit ${limit}
          for update of t skip locked
        ), done as (${change}),
        last as (select b.at, b.id from batch b order by b.at desc, b.id desc limit 1)
        select (select count(*)::int from done) as changed,
               (select to_char(last.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') from last) as last_at,
               (select last.id::text from last) as last_id,
               (select count(*)::int from batch) as scanned`,
  );
  const last = row?.last_at && row.last_id ? { at: row.last_at, id: row.last_id } : null;
  return { changed: row?.changed ?? 0, last, scanned: row?.scanned ?? 0 };
}

export async function countAuditBefore(db: Database, task: AuditTask): Promise<number> {
  const [row] = await query<{ n: number }>(db, sql`select count(*)::int as n from audit_log where at < ${task.boundary.toISOString()}::timestamptz`);
  return row?.n ?? 0;
}

/** Whole months of the audit log, through the database's own purge function. */
export async function purgeAuditMonths(db: Database, task: AuditTask): Promise<number> {
  const [row] = await query<{ n: string | number }>(db, sql`select audit_log_purge_before(${task.boundary.toISOString()}::timestamptz) as n`);
  return Number(row?.n ?? 0);
}
