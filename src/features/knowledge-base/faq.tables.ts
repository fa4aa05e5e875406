import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const FAQ_STATUSES = ['draft', 'published'] as const;

export const faqEntries = pgTable(
  'faq_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    topic: text('topic').notNull(),
    status: text('status', { enum: FAQ_STATUSES }).notNull().default('draft'),
    questionLv: text('question_lv').notNull(),
    answerLv: text('answer_lv').notNull(),
    questionEn: text('question_en').notNull(),
    answerEn: text('answer_en').notNull(),
    /** Folded (lower case, no diacritics) and stemmed text for search; written by the application. */
    searchLv: text('search_lv').notNull().default(''),
    searchEn: text('search_en').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [
    index('faq_entries_agency_status_idx').on(t.agency, t.status),
    index('faq_entries_search_lv_trgm_idx').using('gin', sql`${t.searchLv} gin_trgm_ops`),
    index('faq_entries_search_en_trgm_idx').using('gin', sql`${t.searchEn} gin_trgm_ops`),
    check('faq_entries_status_check', sql`${t.status} in ('draft', 'published')`),
  ],
);

export const faqRevisions = pgTable(
  'faq_revisions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    entryId: uuid('entry_id')
      .notNull()
      .references(() => faqEntries.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    snapshot: jsonb('snapshot').$type<Record<string, unknown>>().notNull(),
    changedBy: uuid('changed_by'),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('faq_revisions_entry_version_key').on(t.entryId, t.version)],
);
