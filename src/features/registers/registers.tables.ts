// Tables of the registers feature (re-exported by src/platform/db/schema.ts): incidents, service errors with
// their steps and the agency's apology template, gifts and benefits, identity-document checks.
// Links to appointments, tickets, inquiries and phone calls are plain uuids checked by the service within the
// agency (see linked-records.ts): phone_calls belongs to another feature and may be absent.
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { CAME_TO_LIGHT, CONCERNS_KINDS, ERROR_STATUSES, ERROR_STEPS, GIFT_KINDS, IDENTITY_DOCUMENT_KINDS, INCIDENT_KINDS, INCIDENT_STATUSES, type IncidentAction } from '../../domain/registers/index.ts';

export const registerIncidents = pgTable(
  'register_incidents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** A service centre or video location id of the profile. */
    centreId: text('centre_id'),
    /** A channel id of the profile (the phone line, video consultation). */
    channelId: text('channel_id'),
    kind: text('kind', { enum: INCIDENT_KINDS }).notNull(),
    description: text('description').notNull(),
    actions: jsonb('actions').$type<IncidentAction[]>().notNull().default([]),
    staffInvolved: text('staff_involved'),
    client: text('client'),
    appointmentId: uuid('appointment_id'),
    ticketId: uuid('ticket_id'),
    callId: uuid('call_id'),
    status: text('status', { enum: INCIDENT_STATUSES }).notNull().default('open'),
    reviewNote: text('review_note'),
    recordedBy: uuid('recorded_by').notNull(),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('register_incidents_list_idx').on(t.agency, t.occurredAt, t.id),
    index('register_incidents_recorder_idx').on(t.agency, t.recordedBy, t.occurredAt),
    index('register_incidents_kind_idx').on(t.agency, t.kind, t.occurredAt),
    index('register_incidents_centre_idx').on(t.agency, t.centreId, t.occurredAt),
    check('register_incidents_kind_check', sql`${t.kind} in ('unauthorised-recording', 'intoxication', 'aggressive-behaviour', 'offensive-behaviour', 'public-order', 'other')`),
    check('register_incidents_status_check', sql`${t.status} in ('open', 'closed')`),
  ],
);

export const registerServiceErrors = pgTable(
  'register_service_errors',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    /** Null only for an error made from a complaint opinion that never became an inquiry (opinionId then). */
    concernsKind: text('concerns_kind', { enum: CONCERNS_KINDS }),
    concernsId: uuid('concerns_id'),
    opinionId: uuid('opinion_id'),
    /** Where the link points: centre of an appointment or ticket (for the list filter). */
    centreId: text('centre_id'),
    description: text('description').notNull(),
    cameToLight: text('came_to_light', { enum: CAME_TO_LIGHT }).notNull(),
    consequences: text('consequences'),
    status: text('status', { enum: ERROR_STATUSES }).notNull().default('open'),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('register_service_errors_list_idx').on(t.agency, t.createdAt, t.id),
    index('register_service_errors_open_idx').on(t.agency, t.createdAt).where(sql`${t.status} <> 'closed'`),
    index('register_service_errors_status_idx').on(t.agency, t.status, t.createdAt),
    index('register_service_errors_centre_idx').on(t.agency, t.centreId, t.createdAt),
    check('register_service_errors_link_check', sql`(${t.concernsKind} is null) = (${t.concernsId} is null) and (${t.concernsKind} is not null or ${t.opinionId} is not null)`),
  ],
);

/** One step of a service error: who took it, when, with what text; an apology keeps its letter and outbox id. */
export const registerServiceErrorSteps = pgTable(
  'register_service_error_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    errorId: uuid('error_id')
      .notNull()
      .references(() => registerServiceErrors.id),
    agency: text('agency').notNull(),
    step: text('step', { enum: ERROR_STEPS }).notNull(),
    text: text('text'),
    /** The apology as sent: recipient (or 'letter'), subject, body, outbox row. */
    letter: jsonb('letter').$type<{ to: string | null; subject: string; body: string; lang: 'lv' | 'en'; outboxId: string | null }>(),
    takenBy: uuid('taken_by').notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('register_service_error_steps_error_idx').on(t.errorId, t.takenAt), uniqueIndex('register_service_error_steps_once_key').on(t.errorId, t.step)],
);

/** The agency's apology letter, per language; {{details}} and {{agency}} are filled in. */
export const registerApologyTemplates = pgTable(
  'register_apology_templates',
  {
    agency: text('agency').notNull(),
    lang: text('lang', { enum: ['lv', 'en'] }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.lang] })],
);

export const registerGifts = pgTable(
  'register_gifts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    offeredOn: date('offered_on', { mode: 'string' }).notNull(),
    offeredBy: text('offered_by'),
    what: text('what').notNull(),
    kind: text('kind', { enum: GIFT_KINDS }).notNull(),
    estimatedValueCents: integer('estimated_value_cents'),
    declined: boolean('declined').notNull(),
    reason: text('reason'),
    declaredBy: uuid('declared_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    acknowledgedBy: uuid('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    index('register_gifts_list_idx').on(t.agency, t.offeredOn, t.id),
    index('register_gifts_kind_idx').on(t.agency, t.kind, t.offeredOn),
    check('register_gifts_value_check', sql`${t.estimatedValueCents} is null or ${t.estimatedValueCents} between 0 and 10000000`),
    check('register_gifts_reason_check', sql`${t.declined} or ${t.reason} is not null`),
  ],
);

/** An identity document checked where a client is served in person: its kind, never its number. */
export const identityChecks = pgTable(
  'identity_checks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    recordKind: text('record_kind', { enum: ['ticket', 'appointment'] }).notNull(),
    recordId: uuid('record_id').notNull(),
    /** counter: serving a queue ticket; check-in: staff check-in of an appointment; kiosk: a kiosk check-in served at the counter. */
    point: text('point', { enum: ['counter', 'check-in', 'kiosk'] }).notNull(),
    documentKind: text('document_kind', { enum: IDENTITY_DOCUMENT_KINDS }).notNull(),
    checkedBy: uuid('checked_by').notNull(),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('identity_checks_record_idx').on(t.agency, t.recordKind, t.recordId),
    check('identity_checks_kind_check', sql`${t.documentKind} in ('passport', 'id-card', 'residence-permit', 'other')`),
  ],
);
