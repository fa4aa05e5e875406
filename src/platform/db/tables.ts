import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
// The platform's own tables: the audit log, settings and the mail outbox. Features own theirs (<feature>.tables.ts).

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label').notNull(),
    agency: text('agency'),
    action: text('action').notNull(),
    recordType: text('record_type').notNull(),
    recordId: text('record_id'),
    ip: text('ip'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_agency_at_idx').on(t.agency, t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
  ],
);

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/** Every e-mail the platform sends: delivered by SMTP when SMTP_URL is set, otherwise kept here for staff to read. */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency'),
    toAddress: text('to_address').notNull(),
    fromAddress: text('from_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default({}),
    attachments: jsonb('attachments').$type<Array<{ fileName: string; contentType: string; contentBase64: string }>>().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    transport: text('transport', { enum: ['outbox', 'smtp'] }).notNull(),
    error: text('error'),
    /** Failed SMTP attempts so far, and when to try again (null: not before anything else / given up). */
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
  },
  (t) => [
    index('mail_outbox_agency_created_idx').on(t.agency, t.createdAt),
    // A reply to our mail names its Message-ID (In-Reply-To): the intake finds the inquiry by it.
    index('mail_outbox_message_id_idx').on(sql`(${t.headers}->>'Message-ID')`),
  ],
);
