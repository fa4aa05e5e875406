import { withTransaction } from '../../platform/db/transaction.ts';
// Administrators' changes to the calendar data: add, delete (staff page) and import (CLI).
// Each change is one transaction with its audit event.
import type { CalendarEntry } from '../../domain/calendar/index.ts';
import { allowedAnywhere, type StaffActor } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import type { Database } from '../../platform/db/client.ts';
import type { ServiceDeps } from '../../platform/deps.ts';
import { AppError } from '../../platform/http/problem.ts';
import {
  deleteCalendarEntryById,
  insertCalendarEntry,
  listCalendarEntries,
  toCalendarEntry,
  upsertCalendarEntry,
  type CalendarEntryRow,
} from './calendar.repository.ts';
import { bilingual } from '../../platform/i18n/index.ts';
import { calendarChanged } from './calendar.service.ts';
import {
  CalendarEntryInputSchema,
  calendarConsistencyProblem,
  parseCalendarImport,
  problemsFromIssues,
  type EntryProblem,
} from './calendar-entry.schema.ts';

export type EntryChangeResult<T> = { ok: true; value: T } | { ok: false; problems: EntryProblem[] };

export const CALENDAR_AUDIT_RECORD = 'calendar_entry';

function requireCalendarManager(actor: StaffActor | null): StaffActor {
  if (!actor) throw new AppError(401, 'unauthorized', 'errors.unauthorized');
  if (!allowedAnywhere(actor, 'calendar.manage')) throw new AppError(403, 'forbidden', 'errors.forbiddenTitle');
  return actor;
}

/** A change in one transaction; afterwards this process reads the calendar again (committed or not). */
async function transaction<T>(deps: ServiceDeps, work: (db: Database) => Promise<T>): Promise<T> {
  try {
    return await withTransaction(deps.db, async (tx) => work(tx));
  } finally {
    calendarChanged();
  }
}

function auditDetails(entry: CalendarEntry): Record<string, unknown> {
  return {
    date: entry.date,
    kind: entry.kind,
    name: entry.name,
    source: entry.source,
    ...(entry.kind === 'working-day' ? { replaces: entry.replaces } : {}),
    ...(entry.kind === 'holiday' ? { movesOnWeekend: entry.movesOnWeekend } : {}),
  };
}

/** The calendar entries, by date (administrators only). */
export async function listEntriesForManager(deps: ServiceDeps, actor: StaffActor | null): Promise<CalendarEntryRow[]> {
  requireCalendarManager(actor);
  return listCalendarEntries(deps.db);
}

/** Adds one entry; a date that already has one is refused (delete it first). */
export async function addCalendarEntry(
  deps: ServiceDeps,
  actor: StaffActor | null,
  origin: AuditOrigin,
  input: unknown,
): Promise<EntryChangeResult<CalendarEntryRow>> {
  const manager = requireCalendarManager(actor);
  const parsed = CalendarEntryInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, problems: problemsFromIssues(parsed.error.issues) };
  const entry = parsed.data;
  return transaction(deps, async (db) => {
    const existing = await listCalendarEntries(db);
    if (existing.some((row) => row.date === entry.date)) {
      return { ok: false, problems: [{ field: 'date', message: bilingual('calendarAdmin.errors.duplicateDate') }] };
    }
    const problem = calendarConsistencyProblem(existing.map(toCalendarEntry), [entry]);
    if (problem) return { ok: false, problems: [{ field: problem.field, message: problem.message }] };
    const row = await insertCalendarEntry(db, entry, manager.id);
    await recordAudit(db, deps.clock, origin, {
      action: 'calendar.entry-added',
      recordType: CALENDAR_AUDIT_RECORD,
      recordId: row.id,
      agency: null,
      details: auditDetails(entry),
    });
    return { ok: true, value: row };
  });
}

/** Deletes one entry by id; an unknown id is a 404. */
export async function deleteCalendarEntry(deps: ServiceDeps, actor: StaffActor | null, origin: AuditOrigin, id: string): Promise<CalendarEntryRow> {
  requireCalendarManager(actor);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw new AppError(404, 'calendar-entry-not-found', 'calendarAdmin.errors.entryNotFound');
  }
  return transaction(deps, async (db) => {
    const row = await deleteCalendarEntryById(db, id);
    if (!row) throw new AppError(404, 'calendar-entry-not-found', 'calendarAdmin.errors.entryNotFound');
    await recordAudit(db, deps.clock, origin, {
      action: 'calendar.entry-deleted',
      recordType: CALENDAR_AUDIT_RECORD,
      recordId: row.id,
      agency: null,
      details: auditDetails(toCalendarEntry(row)),
    });
    return row;
  });
}

export type ImportSummary = { added: string[]; replaced: string[] };

/**
 * Imports a list of entries (the parsed YAML/JSON file). The whole list is checked first, together with the
 * entries already stored; then everything is written in one transaction, or nothing. An entry for a date that
 * already has one replaces it. Audited per entry with the origin given (the CLI: 'cli:calendar-import').
 */
export async function importCalendarEntries(deps: ServiceDeps, origin: AuditOrigin, input: unknown): Promise<EntryChangeResult<ImportSummary>> {
  const parsed = parseCalendarImport(input);
  if (!parsed.ok) return parsed;
  const entries = parsed.entries;
  return transaction(deps, async (db) => {
    const existing = await listCalendarEntries(db);
    const importedDates = new Set(entries.map((e) => e.date));
    const kept = existing.filter((row) => !importedDates.has(row.date)).map(toCalendarEntry);
    const problem = calendarConsistencyProblem(kept, entries);
    if (problem) return { ok: false, problems: [problem] };
    const summary: ImportSummary = { added: [], replaced: [] };
    for (const entry of entries) {
      const replaced = existing.some((row) => row.date === entry.date);
      const id = await upsertCalendarEntry(db, entry, origin.actorId);
      (replaced ? summary.replaced : summary.added).push(entry.date);
      await recordAudit(db, deps.clock, origin, {
        action: 'calendar.entry-imported',
        recordType: CALENDAR_AUDIT_RECORD,
        recordId: id,
        agency: null,
        details: { ...auditDetails(entry), replaced },
      });
    }
    return { ok: true, value: summary };
  });
}
