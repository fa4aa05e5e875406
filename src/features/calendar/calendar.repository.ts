import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { calendarEntries } from './calendar.tables.ts';
import type { CalendarEntry } from '../../domain/calendar/index.ts';

export type CalendarEntryRow = typeof calendarEntries.$inferSelect;

export function toCalendarEntry(row: CalendarEntryRow): CalendarEntry {
  const name = { lv: row.nameLv, en: row.nameEn };
  switch (row.kind) {
    case 'holiday':
      return { kind: 'holiday', date: row.date, name, movesOnWeekend: row.movesOnWeekend, source: row.source };
    case 'day-off':
      return { kind: 'day-off', date: row.date, name, source: row.source };
    case 'working-day':
      return { kind: 'working-day', date: row.date, replaces: row.replaces ?? '', name, source: row.source };
  }
}

export function toRow(entry: CalendarEntry, createdBy: string | null) {
  return {
    date: entry.date,
    kind: entry.kind,
    nameLv: entry.name.lv,
    nameEn: entry.name.en,
    movesOnWeekend: entry.kind === 'holiday' ? entry.movesOnWeekend : false,
    replaces: entry.kind === 'working-day' ? entry.replaces : null,
    source: entry.source,
    createdBy,
  };
}

export async function listCalendarEntries(db: Database): Promise<CalendarEntryRow[]> {
  return db.select().from(calendarEntries).orderBy(asc(calendarEntries.date));
}

/** Inserts or replaces the entry for each date. */
export async function upsertCalendarEntries(db: Database, entries: CalendarEntry[], createdBy: string | null): Promise<void> {
  for (const entry of entries) {
    const row = toRow(entry, createdBy);
    await db.insert(calendarEntries).values(row).onConflictDoUpdate({ target: calendarEntries.date, set: row });
  }
}

export async function insertCalendarEntriesIfAbsent(db: Database, entries: CalendarEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(calendarEntries).values(entries.map((e) => toRow(e, null))).onConflictDoNothing();
}

export async function findCalendarEntryById(db: Database, id: string): Promise<CalendarEntryRow | undefined> {
  const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.id, id)).limit(1);
  return row;
}

export async function findCalendarEntryByDate(db: Database, date: string): Promise<CalendarEntryRow | undefined> {
  const [row] = await db.select().from(calendarEntries).where(eq(calendarEntries.date, date)).limit(1);
  return row;
}

export async function insertCalendarEntry(db: Database, entry: CalendarEntry, createdBy: string | null): Promise<CalendarEntryRow> {
  const [row] = await db.insert(calendarEntries).values(toRow(entry, createdBy)).returning();
  if (!row) throw new Error('insert into calendar_entries returned no row');
  return row;
}

/** Inserts the entry or replaces the one of the same date; returns the row id. */
export async function upsertCalendarEntry(db: Database, entry: CalendarEntry, createdBy: string | null): Promise<string> {
  const row = toRow(entry, createdBy);
  const [saved] = await db
    .insert(calendarEntries)
    .values(row)
    .onConflictDoUpdate({ target: calendarEntries.date, set: row })
    .returning({ id: calendarEntries.id });
  if (!saved) throw new Error('upsert into calendar_entries returned no row');
  return saved.id;
}

export async function deleteCalendarEntryById(db: Database, id: string): Promise<CalendarEntryRow | undefined> {
  const [row] = await db.delete(calendarEntries).where(eq(calendarEntries.id, id)).returning();
  return row;
}
