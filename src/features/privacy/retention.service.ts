import { desc, eq, sql } from 'drizzle-orm';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { retentionRuns, type RetentionRunSummary } from './privacy.tables.ts';
import { RECORD_KINDS } from './record-kinds.ts';
import type { DeclaredKind } from './record-kind.ts';
import { applyBatch, type BatchCursor, countAuditBefore, countExpired, countHeld, purgeAuditMonths } from './retention.repository.ts';
import { planRetention, type AuditTask, type RetentionTask, type RowTask } from './retention.plan.ts';

/** Records per batch: one short transaction (a set-based statement and its audit event) each. */
export const RETENTION_BATCH_SIZE = 5000;
/**
 * Between batches the run rests `RETENTION_REST_RATIO` times as long as the batch took (and at least
 * RETENTION_PAUSE_MS): it takes at most about half of a core and of the disk, and leaves the rest to bookings and
 * filings, however big or slow the tables are. 1,000,000 records: about 3 minutes on the benchmark machine.
 */
export const RETENTION_PAUSE_MS = 25;
export const RETENTION_REST_RATIO = 1;

export type RetentionOptions = {
  dryRun: boolean;
  origin: AuditOrigin;
  batchSize?: number;
  pauseMs?: number;
  restRatio?: number;
  kinds?: readonly DeclaredKind[];
  /** Only this agency's records and the platform-wide ones (the dry run on an agency's page). */
  agency?: string;
};
export type RetentionLine = RetentionRunSummary[number] & { held?: number };
export type RetentionResult = { runId: string; dryRun: boolean; lines: RetentionLine[] };

type Deps = Pick<AppDeps, 'db' | 'clock' | 'agencies'>;

function nowOf(deps: Deps): Date {
  return new Date(deps.clock().epochMilliseconds);
}

/** Every task of a run now, from the agencies' profiles and every feature's declarations. */
export function currentPlan(deps: Deps, kinds: readonly DeclaredKind[] = RECORD_KINDS): RetentionTask[] {
  return planRetention(deps.agencies.list(), kinds, nowOf(deps));
}

async function dryLine(deps: Deps, task: RetentionTask): Promise<RetentionLine> {
  if (task.type === 'audit-months') {
    return { agency: null, kind: 'audit-event', table: 'audit_log', action: 'delete', count: await countAuditBefore(deps.db, task), batches: 0 };
  }
  const [count, held] = await Promise.all([countExpired(deps.db, task), countHeld(deps.db, task)]);
  return { agency: task.agency, kind: task.declaration.kind, table: task.declaration.table, action: task.action, count, batches: 0, held };
}

/** Set-based batches in their own short transactions, each with its one audit event (kind, table, action, count). */
async function applyRows(deps: Deps, task: RowTask, runId: string, origin: AuditOrigin, pace: Pace): Promise<RetentionLine> {
  let after: BatchCursor | null = null;
  let count = 0;
  let batches = 0;
  for (;;) {
    const started = performance.now();
    const result = await deps.db.transaction(async (tx) => {
      const batch = await applyBatch(tx, task, after, pace.batchSize);
      if (batch.changed > 0) {
        await recordAudit(tx, deps.clock, origin, {
          action: task.action === 'delete' ? 'privacy.retention-deleted' : 'privacy.retention-anonymised',
          recordType: task.declaration.kind,
          agency: task.agency,
          details: { runId, table: task.declaration.table, count: batch.changed, batch: batches + 1 },
        });
      }
      return batch;
    });
    count += result.changed;
    if (result.changed > 0) batches += 1;
    if (result.scanned < pace.batchSize || result.last === null) break;
    after = result.last;
    const rest = Math.max(pace.pauseMs, (performance.now() - started) * pace.restRatio);
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
  return { agency: task.agency, kind: task.declaration.kind, table: task.declaration.table, action: task.action, count, batches };
}

/** The audit log, one whole month per statement (oldest first, only months that hold rows), each purge audited. */
async function applyAuditMonths(deps: Deps, task: AuditTask, runId: string, origin: AuditOrigin): Promise<RetentionLine> {
  let count = 0;
  let batches = 0;
  for (;;) {
    const [row] = ((await deps.db.execute(sql`select min(at) as at from audit_log`)) as unknown as { rows: Array<{ at: string | Date | null }> }).rows;
    if (!row?.at) break;
    const oldest = new Date(row.at);
    const month = new Date(Date.UTC(oldest.getUTCFullYear(), oldest.getUTCMonth() + 1, 1));
    if (month > task.boundary) break;
    const removed = await deps.db.transaction(async (tx) => {
      const n = await purgeAuditMonths(tx, { ...task, boundary: month });
      await recordAudit(tx, deps.clock, origin, { action: 'privacy.audit-months-purged', recordType: 'audit-event', details: { runId, before: month.toISOString(), count: n } });
      return n;
    });
    count += removed;
    batches += 1;
  }
  return { agency: null, kind: 'audit-event', table: 'audit_log', action: 'delete', count, batches };
}

/** A retention run (the nightly job, the CLI or the dry run on the page): recorded in retention_runs. */
type Pace = { batchSize: number; pauseMs: number; restRatio: number };

function paceOf(options: RetentionOptions): Pace {
  return {
    batchSize: options.batchSize ?? RETENTION_BATCH_SIZE,
    pauseMs: options.pauseMs ?? RETENTION_PAUSE_MS,
    restRatio: options.restRatio ?? RETENTION_REST_RATIO,
  };
}

export async function runRetention(deps: Deps, options: RetentionOptions): Promise<RetentionResult> {
  const tasks = currentPlan(deps, options.kinds).filter((task) => !options.agency || task.type !== 'rows' || task.agency === null || task.agency === options.agency);
  const [run] = await deps.db.insert(retentionRuns).values({ origin: options.origin.actorLabel, dryRun: options.dryRun, startedAt: nowOf(deps) }).returning({ id: retentionRuns.id });
  const runId = run?.id ?? '';
  const lines: RetentionLine[] = [];
  try {
    for (const task of tasks) {
      if (options.dryRun) lines.push(await dryLine(deps, task));
      else if (task.type === 'rows') lines.push(await applyRows(deps, task, runId, options.origin, paceOf(options)));
      else lines.push(await applyAuditMonths(deps, task, runId, options.origin));
    }
  } catch (error) {
    await deps.db.update(retentionRuns).set({ finishedAt: nowOf(deps), summary: lines, error: (error as Error).message.slice(0, 500) }).where(eq(retentionRuns.id, runId));
    throw error;
  }
  await deps.db.update(retentionRuns).set({ finishedAt: nowOf(deps), summary: lines }).where(eq(retentionRuns.id, runId));
  return { runId, dryRun: options.dryRun, lines };
}

export async function lastRuns(deps: Pick<AppDeps, 'db'>, limit = 10) {
  return deps.db.select().from(retentionRuns).orderBy(desc(retentionRuns.startedAt)).limit(limit);
}
