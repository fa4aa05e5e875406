import type { RetentionKind } from '../../domain/privacy/retention-kinds.ts';

// How a feature tells the privacy feature about its records. Every feature declares its own kinds in
// <feature>.record-kinds.ts; record-kinds.ts collects them. SQL fragments are trusted code (never input) and
// refer to the record's table as `t`.

/** How one personal column is cleared when a record is anonymised. */
/** `no-keys` empties the keyed person index (person_keys), which the anonymising statement clears itself (migration 0016). */
export type ClearWith = 'null' | 'empty' | 'empty-object' | 'empty-array' | 'empty-bytes' | 'no-keys';

/** A record kind kept in rows of one table. */
export type RecordKind = {
  kind: RetentionKind;
  table: string;
  /** Primary key: with the time column, the order the retention job walks the table in (an index on (time, id) serves it). */
  idColumn: string;
  /** SQL type of the primary key; uuid unless told. */
  idType?: 'uuid' | 'text';
  /** The agency's SQL (a column of `t` or a sub-select); null for platform-wide records (staff sessions). */
  agencySql: string | null;
  /** When the retention period starts. */
  timeColumn: string;
  /** What is personal in the record and how it is cleared; figures, dates and states stay. */
  personalColumns: Record<string, ClearWith>;
  /** Records that may be touched at all (e.g. only closed inquiries). */
  eligibleSql?: string;
  /** Legal holds that protect a row: a hold on (kind, id) where id is this SQL of `t`. */
  heldBy: ReadonlyArray<{ kind: RetentionKind; idSql: string }>;
  /** For subject access: how the record is found for a person and what is shown of it. */
  subject?: {
    /** SQL condition on `t` with the parameter placeholders {{keys}} (text[] of person keys) and {{agency}}. */
    matchSql: string;
    referenceSql: string;
    statusSql: string;
    /** When the record was made (default: the retention time column). */
    atSql?: string;
    /** Where staff open it (relative to /staff/{agency}), with {{id}} and {{reference}}; none when there is no page. */
    staffPath?: string;
  };
};

/** The audit log: kept append-only and purged only by whole expired months (see migration 0011). */
export type WholeMonthsKind = { kind: 'audit-event'; table: 'audit_log'; timeColumn: 'at'; purge: 'whole-months' };

export type DeclaredKind = RecordKind | WholeMonthsKind;

export function isRowKind(kind: DeclaredKind): kind is RecordKind {
  return !('purge' in kind);
}

const CLEAR_VALUE: Record<ClearWith, string> = {
  null: 'null',
  empty: "''",
  'empty-object': "'{}'::jsonb",
  'empty-array': "'[]'::jsonb",
  'empty-bytes': "'\\x'::bytea",
  'no-keys': "'{}'::text[]",
};

function pendingCondition(column: string, clear: ClearWith): string {
  switch (clear) {
    case 'null':
      return `t.${column} is not null`;
    case 'empty':
      return `t.${column} <> ''`;
    case 'empty-object':
      return `t.${column} <> '{}'::jsonb`;
    case 'empty-array':
      return `t.${column} <> '[]'::jsonb`;
    case 'empty-bytes':
      return `length(t.${column}) > 0`;
    case 'no-keys':
      return `cardinality(t.${column}) > 0`;
  }
}

/** SQL: the record still holds something personal (anonymising it again would change nothing). */
export function stillPersonalSql(kind: RecordKind): string {
  const parts = Object.entries(kind.personalColumns).map(([column, clear]) => pendingCondition(column, clear));
  return parts.length ? `(${parts.join(' or ')})` : 'false';
}

/** SQL: the SET list that anonymises the record. */
export function anonymiseSetSql(kind: RecordKind): string {
  return Object.entries(kind.personalColumns)
    .map(([column, clear]) => `${column} = ${CLEAR_VALUE[clear]}`)
    .join(', ');
}

/** SQL: no active legal hold of the agency covers the row. */
export function notHeldSql(kind: RecordKind): string {
  if (kind.heldBy.length === 0) return 'true';
  const agency = kind.agencySql ?? 'h.agency';
  const matches = kind.heldBy.map((h) => `(h.record_kind = '${h.kind}' and h.record_id = (${h.idSql})::text)`).join(' or ');
  return `not exists (select 1 from legal_holds h where h.lifted_at is null and h.agency = ${agency} and (${matches}))`;
}
