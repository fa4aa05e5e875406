import { sql } from 'drizzle-orm';
import { boolean, check, date, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const CALENDAR_ENTRY_KINDS = ['holiday', 'day-off', 'working-day'] as const;

export const calendarEntries = pgTable(
  'calendar_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    date: date('date', { mode: 'string' }).notNull(),
    kind: text('kind', { enum: CALENDAR_ENTRY_KINDS }).notNull(),
    nameLv: text('name_lv').notNull(),
    nameEn: text('name_en').notNull(),
    movesOnWeekend: boolean('moves_on_weekend').notNull().default(false),
    replaces: date('replaces', { mode: 'string' }),
    source: text('source').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by'),
  },
  (t) => [
    uniqueIndex('calendar_entries_date_key').on(t.date),
    check('calendar_entries_kind_check', sql`${t.kind} in ('holiday', 'day-off', 'working-day')`),
    check(
      'calendar_entries_replaces_check',
      sql`(${t.kind} = 'working-day') = (${t.replaces} is not null)`,
    ),
  ],
);
