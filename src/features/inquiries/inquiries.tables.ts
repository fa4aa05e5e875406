import { attachmentSignatureColumns } from '../signatures/signatures.tables.ts';
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { INQUIRY_STATUSES } from '../../domain/inquiry/status.ts';
import { bytea } from '../../platform/db/column-types.ts';
import { staffUsers } from '../staff/staff.tables.ts';

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
    ...attachmentSignatureColumns(),
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

/**
 * A client's idempotency key (the API's Idempotency-Key header or the question form's hidden key), stored in the
 * filing transaction: the primary key (agency, key) lets two concurrent requests with one key file only once.
 * The fingerprint (SHA-256 of the request as filed) tells a retry from a different request under the same key.
 */
export const inquiryIdempotencyKeys = pgTable(
  'inquiry_idempotency_keys',
  {
    agency: text('agency').notNull(),
    key: text('key').notNull(),
    inquiryId: uuid('inquiry_id')
      .notNull()
      .references(() => inquiries.id, { onDelete: 'cascade' }),
    fingerprint: text('fingerprint').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: 'inquiry_idempotency_keys_pkey', columns: [t.agency, t.key] })],
);

/**
 * Files a client chose on the question form before the inquiry was filed (a form shown again with its errors, the
 * FAQ-suggestion step), kept for a few hours so they need not be chosen again. A set is found only by the SHA-256 of
 * the form's random token (a hidden field) together with the SHA-256 of the browser's random visitor cookie, within
 * one agency: never by a guessable id, never another visitor's. Filing moves them to inquiry_attachments and deletes
 * them in the same transaction; the `inquiries.pending-uploads` job deletes the expired ones.
 */
export const inquiryPendingUploads = pgTable(
  'inquiry_pending_uploads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    tokenHash: text('token_hash').notNull(),
    visitorHash: text('visitor_hash').notNull(),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('inquiry_pending_uploads_token_idx').on(t.tokenHash, t.visitorHash), index('inquiry_pending_uploads_expires_idx').on(t.expiresAt)],
);
