import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

// Tables of the privacy feature (migration 0011; re-exported by src/platform/db/schema.ts).
// The person_keys columns on inquiries, appointments and feedback_opinions are filled by a database trigger
// (privacy_person_keys_fill) and read with SQL only, so those features' table declarations stay unchanged.

/** The random key of the keyed person index (one row; never leaves the database). */
export const privacyKeys = pgTable('privacy_keys', { id: integer('id').primaryKey(), secret: text('secret').notNull() }, () => [check('privacy_keys_id_check', sql`id = 1`)]);

/** A record (or a whole inquiry with its messages and attachments) the retention job must not touch. */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    recordKind: text('record_kind').notNull(),
    recordId: text('record_id').notNull(),
    reason: text('reason').notNull(),
    setBy: uuid('set_by'),
    setAt: timestamp('set_at', { withTimezone: true }).notNull(),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by'),
    liftReason: text('lift_reason'),
  },
  (t) => [uniqueIndex('legal_holds_active_key').on(t.agency, t.recordKind, t.recordId).where(sql`${t.liftedAt} is null`)],
);

export type RetentionRunSummary = Array<{ agency: string | null; kind: string; table: string; action: string; count: number; batches: number; held?: number }>;

export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    origin: text('origin').notNull(),
    dryRun: boolean('dry_run').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    summary: jsonb('summary').$type<RetentionRunSummary>().notNull().default([]),
    error: text('error'),
  },
  (t) => [index('retention_runs_started_idx').on(t.startedAt)],
);

export const auditLogPurges = pgTable('audit_log_purges', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  before: timestamp('before', { withTimezone: true }).notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }).notNull(),
  rowsRemoved: integer('rows_removed'),
});

export const clientSignInLinks = pgTable(
  'client_sign_in_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    emailKey: text('email_key').notNull(),
    email: text('email'),
    tokenHash: text('token_hash').notNull(),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('client_sign_in_links_token_key').on(t.tokenHash),
    index('client_sign_in_links_email_idx').on(t.emailKey, t.createdAt),
    index('client_sign_in_links_ip_idx').on(t.ip, t.createdAt),
  ],
);

export const clientSessions = pgTable(
  'client_sessions',
  {
    id: text('id').primaryKey(),
    agency: text('agency').notNull(),
    email: text('email').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('client_sessions_created_idx').on(t.createdAt)],
);
