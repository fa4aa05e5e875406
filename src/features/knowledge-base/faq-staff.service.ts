import { withTransaction } from '../../platform/db/transaction.ts';
import { roleAllows, type AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { AppError, catalogMessage, type IssueLike } from '../../platform/http/problem.ts';
import {
  findFaqEntry,
  insertFaqEntry,
  insertFaqRevision,
  listFaqEntries,
  listFaqRevisions,
  updateFaqEntryAtVersion,
  type FaqEntryRow,
  type FaqEntryWithEditor,
  type FaqRevisionRow,
} from './faq.repository.ts';
import { faqEntryInputSchema, FaqVersionSchema, type FaqEntryInput } from './faq.schema.ts';
import { searchColumns } from './faq.service.ts';
import { faqTopicsFor, GENERAL_TOPIC, type FaqTopic } from './faq.topics.ts';

export type FaqStaffDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies'>;

export type FaqWriteResult =
  | { ok: true; entry: FaqEntryRow }
  | { ok: false; reason: 'invalid'; issues: IssueLike[] }
  | { ok: false; reason: 'stale'; current: FaqEntryRow };

const CONTENT_FIELDS = ['topic', 'status', 'questionLv', 'answerLv', 'questionEn', 'answerEn'] as const;

export function canEditFaq(scope: AgencyScope): boolean {
  return roleAllows(scope.role, 'faq.edit');
}

function requireEditor(scope: AgencyScope): void {
  if (!canEditFaq(scope)) throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
}

function notFound(): AppError {
  return new AppError(404, 'not-found', 'errors.notFoundTitle');
}

export function faqTopics(deps: Pick<AppDeps, 'agencies'>, agency: string): FaqTopic[] {
  const profile = deps.agencies.get(agency);
  return profile ? faqTopicsFor(profile) : [GENERAL_TOPIC];
}

function snapshotOf(input: FaqEntryInput): Record<string, unknown> {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, input[field]]));
}

function parseInput(deps: FaqStaffDeps, agency: string, input: unknown) {
  const topics = faqTopics(deps, agency).map((t) => t.id);
  return faqEntryInputSchema(topics).safeParse(input ?? {});
}

export async function listFaqForStaff(deps: FaqStaffDeps, scope: AgencyScope): Promise<FaqEntryWithEditor[]> {
  return listFaqEntries(deps.db, scope.agency, { publishedOnly: false });
}

/** One entry of the scope's agency with its revisions; 404 for an unknown id or another agency's entry. */
export async function getFaqForStaff(
  deps: FaqStaffDeps,
  scope: AgencyScope,
  id: string,
): Promise<{ entry: FaqEntryRow; revisions: FaqRevisionRow[] }> {
  const entry = await findFaqEntry(deps.db, scope.agency, id);
  if (!entry) throw notFound();
  return { entry, revisions: await listFaqRevisions(deps.db, entry.id) };
}

export async function createFaq(deps: FaqStaffDeps, scope: AgencyScope, origin: AuditOrigin, input: unknown): Promise<FaqWriteResult> {
  requireEditor(scope);
  const parsed = parseInput(deps, scope.agency, input);
  if (!parsed.success) return { ok: false, reason: 'invalid', issues: parsed.error.issues };
  const data = parsed.data;
  const at = new Date(deps.clock().epochMilliseconds);
  const entry = await withTransaction(deps.db, async (db) => {
    const row = await insertFaqEntry(db, { agency: scope.agency, ...data, ...searchColumns(data), updatedBy: scope.actor.id, createdAt: at });
    await insertFaqRevision(db, { entryId: row.id, version: row.version, snapshot: snapshotOf(data), changedBy: scope.actor.id, changedAt: at });
    await recordAudit(db, deps.clock, origin, {
      action: 'faq.created',
      recordType: 'faq_entry',
      recordId: row.id,
      agency: scope.agency,
      details: { version: row.version, status: row.status, topic: row.topic },
    });
    return row;
  });
  return { ok: true, entry };
}

function auditAction(before: FaqEntryRow, after: FaqEntryInput): string {
  if (before.status !== after.status) return after.status === 'published' ? 'faq.published' : 'faq.unpublished';
  return 'faq.updated';
}

/**
 * Saves an edit made on `version` of the entry. If someone saved a newer version meanwhile, nothing
 * is written and the current entry comes back (optimistic locking). An unchanged form writes nothing.
 */
export async function updateFaq(
  deps: FaqStaffDeps,
  scope: AgencyScope,
  origin: AuditOrigin,
  id: string,
  input: unknown,
  version: unknown,
): Promise<FaqWriteResult> {
  requireEditor(scope);
  const before = await findFaqEntry(deps.db, scope.agency, id);
  if (!before) throw notFound();
  const parsed = parseInput(deps, scope.agency, input);
  const basedOn = FaqVersionSchema.safeParse(version);
  if (!parsed.success || !basedOn.success) {
    const versionIssues: IssueLike[] = basedOn.success
      ? []
      : [{ code: 'custom', path: ['version'], ...catalogMessage('faq.errors.version') }];
    return { ok: false, reason: 'invalid', issues: [...(parsed.success ? [] : parsed.error.issues), ...versionIssues] };
  }
  if (basedOn.data !== before.version) return { ok: false, reason: 'stale', current: before };
  const data = parsed.data;
  const changed = CONTENT_FIELDS.filter((field) => before[field] !== data[field]);
  if (changed.length === 0) return { ok: true, entry: before };
  const at = new Date(deps.clock().epochMilliseconds);
  return withTransaction(deps.db, async (db): Promise<FaqWriteResult> => {
    const row = await updateFaqEntryAtVersion(
      db,
      { agency: scope.agency, id: before.id, version: basedOn.data },
      { ...data, ...searchColumns(data), updatedBy: scope.actor.id, updatedAt: at },
    );
    if (!row) {
      const current = await findFaqEntry(db, scope.agency, before.id);
      if (!current) throw notFound();
      return { ok: false, reason: 'stale', current };
    }
    await insertFaqRevision(db, { entryId: row.id, version: row.version, snapshot: snapshotOf(data), changedBy: scope.actor.id, changedAt: at });
    await recordAudit(db, deps.clock, origin, {
      action: auditAction(before, data),
      recordType: 'faq_entry',
      recordId: row.id,
      agency: scope.agency,
      details: { version: row.version, status: row.status, changed },
    });
    return { ok: true, entry: row };
  });
}
