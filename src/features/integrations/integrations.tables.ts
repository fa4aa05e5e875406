// Tables of the integrations feature (re-exported by src/platform/db/schema.ts). Migration 0012.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const INTEGRATION_CHANNELS = ['e-address', 'latvija-lv'] as const;
export type IntegrationChannel = (typeof INTEGRATION_CHANNELS)[number];

/** A key of an agency's integration layer: only its SHA-256 is kept; the key is shown once. */
export const integrationKeys = pgTable(
  'integration_keys',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    label: text('label').notNull(),
    /** The first characters of the key, to tell keys apart in lists (not enough to use it). */
    keyPrefix: text('key_prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    channels: jsonb('channels').$type<IntegrationChannel[]>().notNull(),
    callbackUrl: text('callback_url'),
    /** HMAC-SHA256 secret of the callbacks (shown once with the key; needed here to sign). */
    callbackSecret: text('callback_secret').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('integration_keys_hash_key').on(t.keyHash), index('integration_keys_agency_idx').on(t.agency, t.createdAt)],
);

/** One delivered document: the unique (agency, external message id) makes a repeated delivery idempotent. */
export const integrationDeliveries = pgTable(
  'integration_deliveries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    externalMessageId: text('external_message_id').notNull(),
    channel: text('channel', { enum: INTEGRATION_CHANNELS }).notNull(),
    keyId: uuid('key_id').notNull(),
    inquiryId: uuid('inquiry_id'),
    senderEAddress: text('sender_e_address'),
    subAddressee: text('sub_addressee'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('integration_deliveries_external_key').on(t.agency, t.externalMessageId), index('integration_deliveries_inquiry_idx').on(t.inquiryId)],
);

export const CALLBACK_STATUSES = ['pending', 'sent', 'failed'] as const;

/** A reply, notice or forwarded submission posted to an integration's callback URL (retried by the job queue). */
export const integrationCallbacks = pgTable(
  'integration_callbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    keyId: uuid('key_id').notNull(),
    inquiryId: uuid('inquiry_id'),
    kind: text('kind').notNull(),
    url: text('url').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: CALLBACK_STATUSES }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastStatus: integer('last_status'),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('integration_callbacks_agency_idx').on(t.agency, t.createdAt),
    index('integration_callbacks_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`), check('integration_callbacks_status_check', sql`${t.status} in ('pending', 'sent', 'failed')`),
  ],
);

/** A submission passed on to the competent institution: how, where, when, and the message id it went with. */
export const inquiryForwardings = pgTable(
  'inquiry_forwardings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    inquiryId: uuid('inquiry_id').notNull(),
    institution: text('institution').notNull(),
    route: text('route', { enum: ['integration', 'email'] }).notNull(),
    address: text('address').notNull(),
    messageId: text('message_id').notNull(),
    outboxId: uuid('outbox_id'),
    callbackId: uuid('callback_id'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    actorId: uuid('actor_id'),
  },
  (t) => [index('inquiry_forwardings_inquiry_idx').on(t.inquiryId)],
);
