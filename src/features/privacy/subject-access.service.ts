import { sql } from 'drizzle-orm';
import { maskPersonalCode } from '../../domain/personal-code/index.ts';
import type { RetentionKind } from '../../domain/privacy/retention-kinds.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { SubjectQuery } from './privacy.schema.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import { isRowKind, type RecordKind } from './record-kind.ts';
import { fillSql, rowsOf } from './sql-template.ts';

export const SUBJECT_RECORDS_PER_KIND = 500;

export type TrailEntry = { at: string; actor: string; action: string };
export type SubjectRecord = { id: string; reference: string; status: string; at: string; staffPath: string | null; trail: TrailEntry[] };
export type SubjectSection = { kind: RetentionKind; records: SubjectRecord[] };
export type SubjectReport = {
  agency: string;
  searchedAt: string;
  searchedBy: string;
  reason: string;
  criteria: { personalCode: string | null; email: string | null; phone: string | null };
  sections: SubjectSection[];
};

type Deps = Pick<AppDeps, 'db' | 'clock'>;

/** The keyed hashes of the identifiers given (computed by the database, whose key never leaves it). */
async function personKeys(db: Database, query: SubjectQuery): Promise<string[]> {
  const [row] = await rowsOf<{ keys: string[] | string }>(
    db,
    sql`select array_remove(array[privacy_person_key('code', ${query.personalCode ?? null}::text),
                                  privacy_person_key('email', ${query.email ?? null}::text),
                                  privacy_person_key('phone', ${query.phone ?? null}::text)], null) as keys`,
  );
  const keys = row?.keys ?? [];
  return typeof keys === 'string' ? keys.replace(/[{}]/g, '').split(',').filter(Boolean) : keys;
}

async function findRecords(db: Database, declaration: RecordKind, agency: string, keys: string[]): Promise<Omit<SubjectRecord, 'trail'>[]> {
  const subject = declaration.subject;
  if (!subject) return [];
  const match = fillSql(subject.matchSql, { agency: sql`${agency}`, keys: sql`${`{${keys.join(',')}}`}::text[]` });
  const at = subject.atSql ?? `t.${declaration.timeColumn}`;
  const found = await rowsOf<{ id: string; reference: string | null; status: string | null; at: string | Date }>(
    db,
    sql`select t.${sql.raw(declaration.idColumn)}::text as id, (${sql.raw(subject.referenceSql)})::text as reference,
               (${sql.raw(subject.statusSql)})::text as status, ${sql.raw(at)} as at
        from ${sql.raw(declaration.table)} t where ${match}
        order by ${sql.raw(at)} desc limit ${SUBJECT_RECORDS_PER_KIND}`,
  );
  return found.map((r) => ({
    id: r.id,
    reference: r.reference ?? '',
    status: r.status ?? '',
    at: new Date(r.at).toISOString(),
    staffPath: subject.staffPath ? subject.staffPath.replace('{{id}}', r.id).replace('{{reference}}', encodeURIComponent(r.reference ?? '')) : null,
  }));
}

/** Who viewed or changed the records: audit events of the agency naming any of their ids or references. */
async function trails(db: Database, agency: string, ids: string[]): Promise<Map<string, TrailEntry[]>> {
  const byRecord = new Map<string, TrailEntry[]>();
  if (ids.length === 0) return byRecord;
  const events = await rowsOf<{ record_id: string; at: string | Date; actor_label: string; action: string }>(
    db,
    sql`select record_id, at, actor_label, action from audit_log
        where record_id = any(${`{${ids.map((id) => `"${id.replace(/["\\]/g, '')}"`).join(',')}}`}::text[]) and (agency = ${agency} or agency is null)
        order by at limit 5000`,
  );
  for (const e of events) {
    const list = byRecord.get(e.record_id) ?? [];
    list.push({ at: new Date(e.at).toISOString(), actor: e.actor_label, action: e.action });
    byRecord.set(e.record_id, list);
  }
  return byRecord;
}

/** Every record of the agency about the person, with its audit trail; the search itself is audited with its reason. */
export async function subjectAccess(deps: Deps, scope: AgencyScope, origin: AuditOrigin, query: SubjectQuery): Promise<SubjectReport> {
  return deps.db.transaction(async (tx) => {
    const keys = await personKeys(tx, query);
    const sections: SubjectSection[] = [];
    for (const declaration of RECORD_KINDS.filter(isRowKind)) {
      if (!declaration.subject || keys.length === 0) continue;
      const records = await findRecords(tx, declaration, scope.agency, keys);
      const trail = await trails(tx, scope.agency, records.flatMap((r) => [r.id, r.reference].filter(Boolean)));
      sections.push({ kind: declaration.kind, records: records.map((r) => ({ ...r, trail: [...(trail.get(r.id) ?? []), ...(trail.get(r.reference) ?? [])].sort((a, b) => a.at.localeCompare(b.at)) })) });
    }
    await recordAudit(tx, deps.clock, origin, {
      action: 'privacy.subject-access',
      recordType: 'person',
      agency: scope.agency,
      details: {
        reason: query.reason,
        // The keyed hashes let an auditor match the search to records later; no identifier is stored in clear.
        personKeys: keys,
        identifiers: [query.personalCode ? 'personalCode' : null, query.email ? 'email' : null, query.phone ? 'phone' : null].filter(Boolean),
        found: Object.fromEntries(sections.map((s) => [s.kind, s.records.length])),
      },
    });
    return {
      agency: scope.agency,
      searchedAt: new Date(deps.clock().epochMilliseconds).toISOString(),
      searchedBy: scope.actor.name,
      reason: query.reason,
      criteria: { personalCode: query.personalCode ? maskPersonalCode(query.personalCode) : null, email: query.email ?? null, phone: query.phone ?? null },
      sections,
    };
  });
}
