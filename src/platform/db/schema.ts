import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  customType,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { INQUIRY_STATUSES } from '../../domain/inquiry/status.ts';

// The one schema file drizzle-kit reads; features import their tables from here.

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

export const STAFF_ROLES = ['specialist', 'supervisor', 'administrator', 'auditor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const staffUsers = pgTable(
  'staff_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('staff_users_email_key').on(sql`lower(${t.email})`)],
);

export const staffMemberships = pgTable(
  'staff_memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    agency: text('agency').notNull(),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.agency] }),
    check('staff_memberships_role_check', sql`${t.role} in ('specialist', 'supervisor', 'administrator', 'auditor')`),
  ],
);

export const staffSessions = pgTable(
  'staff_sessions',
  {
    /** SHA-256 of the cookie token: a leaked table does not give usable sessions. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => staffUsers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('staff_sessions_user_idx').on(t.userId)],
);

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

export const appSettings = pgTable('app_settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

// ── Written inquiries and the knowledge base ────────────────────────────────

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

export const INQUIRY_CHANNELS = ['web-form', 'email', 'e-address', 'post', 'national-portal', 'feedback', 'api', 'in-person', 'phone'] as const;

/** The last reference number given per agency and year (row-locked increment, no gaps under concurrency). */
export const inquiryCounters = pgTable(
  'inquiry_counters',
  {
    agency: text('agency').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.year] })],
);

export const inquiries = pgTable(
  'inquiries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    reference: text('reference').notNull(),
    /** SHA-256 of the client's access code; the code itself is only ever shown to the client. */
    accessCodeHash: text('access_code_hash').notNull(),
    channel: text('channel', { enum: INQUIRY_CHANNELS }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    /** Calendar date of receipt in Europe/Riga: where every statutory term starts. */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    topic: text('topic'),
    subject: text('subject').notNull().default(''),
    requesterName: text('requester_name').notNull().default(''),
    requesterEmail: text('requester_email'),
    requesterPhone: text('requester_phone'),
    requesterPersonalCode: text('requester_personal_code'),
    requesterAddress: text('requester_address'),
    status: text('status', { enum: INQUIRY_STATUSES }).notNull().default('new'),
    assigneeId: uuid('assignee_id').references(() => staffUsers.id),
    termRule: text('term_rule').notNull(),
    deadline: date('deadline', { mode: 'string' }).notNull(),
    forwardDeadline: date('forward_deadline', { mode: 'string' }).notNull(),
    /** null: channel needs no signature; false: an unsigned letter on a channel that requires one. */
    signed: boolean('signed'),
    mergedInto: uuid('merged_into'),
    searchText: text('search_text').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('inquiries_reference_key').on(t.reference),
    index('inquiries_inbox_idx').on(t.agency, t.status, t.deadline, t.id),
    // The default inbox (open inquiries by deadline) and its overdue count read only the open few.
    index('inquiries_open_deadline_idx')
      .on(t.agency, t.deadline, t.id)
      .where(sql`${t.status} in ('new', 'assigned', 'waiting-for-client')`),
    index('inquiries_agency_deadline_idx').on(t.agency, t.deadline, t.id),
    index('inquiries_assignee_idx').on(t.agency, t.assigneeId, t.deadline),
    // Agency first (btree_gin): a word frequent in one agency costs nothing when searching the other.
    index('inquiries_search_trgm_idx').using('gin', t.agency, sql`${t.searchText} gin_trgm_ops`),
    check('inquiries_status_check', sql`${t.status} in ('new', 'assigned', 'waiting-for-client', 'answered', 'forwarded', 'closed', 'unexamined', 'merged')`),
  ],
);

/** Status history and every staff action on an inquiry (deadline changes, forwarding, notes). */
export const inquiryEvents = pgTable(
  'inquiry_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    kind: text('kind').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('inquiry_events_inquiry_idx').on(t.inquiryId, t.id)],
);

export const inquiryMessages = pgTable(
  'inquiry_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    direction: text('direction', { enum: ['in', 'out'] }).notNull(),
    /** How it travelled: email, letter (printed), web, e-address, portal, note. */
    medium: text('medium').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    authorId: uuid('author_id'),
    subject: text('subject').notNull().default(''),
    bodyText: text('body_text').notNull(),
    emailMessageId: text('email_message_id'),
    outboxId: uuid('outbox_id'),
  },
  (t) => [index('inquiry_messages_inquiry_idx').on(t.inquiryId, t.at), index('inquiry_messages_email_id_idx').on(t.emailMessageId)],
);

export const inquiryAttachments = pgTable(
  'inquiry_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    messageId: uuid('message_id').references(() => inquiryMessages.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('inquiry_attachments_inquiry_idx').on(t.inquiryId)],
);

export const answerTemplates = pgTable(
  'answer_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    title: text('title').notNull(),
    bodyLv: text('body_lv').notNull(),
    bodyEn: text('body_en').notNull().default(''),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [index('answer_templates_agency_idx').on(t.agency)],
);

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

// Feature-owned tables: one module per feature, re-exported so the typed client and drizzle-kit see them.
export * from '../../features/appointments/appointments.tables.ts';
export * from '../../features/queue/queue.tables.ts';
export * from '../../features/feedback/feedback.tables.ts';
export * from '../../features/standard-figures/standard-figures.tables.ts';
