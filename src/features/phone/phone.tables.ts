// Tables of the phone feature (re-exported by src/platform/db/schema.ts so drizzle-kit and the typed client see them).
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { ATTEMPT_RESULTS, CALLBACK_STATUSES, CALL_OUTCOMES } from '../../domain/phone/index.ts';

/**
 * One call logged by staff. outcome and duration_seconds are null only on consultations logged before the
 * phone feature (moved from feedback_phone_consultations). The personal code is kept as a keyed hash only.
 */
export const phoneCalls = pgTable(
  'phone_calls',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    lineId: text('line_id'),
    topic: text('topic').notNull(),
    outcome: text('outcome', { enum: CALL_OUTCOMES }),
    /** The competent institution (profile directory) the caller was forwarded to. */
    institutionId: text('institution_id'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    durationSeconds: integer('duration_seconds'),
    staffId: uuid('staff_id'),
    /** HMAC-SHA-256 of the normalised personal code (key in app_settings), never the code. */
    personalCodeHash: text('personal_code_hash'),
    note: text('note').notNull().default(''),
    invitationId: uuid('invitation_id'),
    /** The callback this call answered, when it was one. */
    callbackId: uuid('callback_id'),
  },
  (t) => [
    index('phone_calls_agency_started_idx').on(t.agency, t.startedAt),
    index('phone_calls_person_idx').on(t.agency, t.personalCodeHash).where(sql`${t.personalCodeHash} is not null`),
    check('phone_calls_outcome_check', sql`${t.outcome} in ('answered', 'callback-arranged', 'written-inquiry-needed', 'forwarded', 'appointment-booked')`),
    check('phone_calls_duration_check', sql`${t.durationSeconds} between 0 and 14400`),
  ],
);

/** Calls and seconds per agency, Riga hour, topic and outcome, kept with each logged call (the figures read these). */
export const phoneCallHours = pgTable(
  'phone_call_hours',
  {
    agency: text('agency').notNull(),
    hour: timestamp('hour', { withTimezone: true }).notNull(),
    topic: text('topic').notNull(),
    /** '' for calls logged before outcomes existed. */
    outcome: text('outcome').notNull(),
    calls: integer('calls').notNull().default(0),
    seconds: bigint('seconds', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agency, t.hour, t.topic, t.outcome] })],
);

/** How many calls of each duration per agency and Riga day: the exact median handling time of any period. */
export const phoneCallDurations = pgTable(
  'phone_call_durations',
  {
    agency: text('agency').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    durationSeconds: integer('duration_seconds').notNull(),
    calls: integer('calls').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agency, t.day, t.durationSeconds] })],
);

/** A client's request to be called back. */
export const phoneCallbacks = pgTable(
  'phone_callbacks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    lineId: text('line_id'),
    topic: text('topic').notNull(),
    name: text('name').notNull(),
    /** E.164, normalised with libphonenumber-js. */
    phone: text('phone').notNull(),
    email: text('email'),
    description: text('description').notNull().default(''),
    lang: text('lang').notNull().default('lv'),
    windowFrom: timestamp('window_from', { withTimezone: true }).notNull(),
    windowTo: timestamp('window_to', { withTimezone: true }).notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    callBy: timestamp('call_by', { withTimezone: true }).notNull(),
    status: text('status', { enum: CALLBACK_STATUSES }).notNull().default('open'),
    takenBy: uuid('taken_by'),
    takenAt: timestamp('taken_at', { withTimezone: true }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    index('phone_callbacks_work_idx').on(t.agency, t.callBy).where(sql`${t.status} in ('open', 'taken')`),
    index('phone_callbacks_requested_idx').on(t.agency, t.requestedAt),
    index('phone_callbacks_phone_idx').on(t.phone, t.requestedAt),
    check('phone_callbacks_status_check', sql`${t.status} in ('open', 'taken', 'reached', 'unreachable')`),
  ],
);

/** Each attempt to call a client back. */
export const phoneCallbackAttempts = pgTable(
  'phone_callback_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    callbackId: uuid('callback_id')
      .notNull()
      .references(() => phoneCallbacks.id),
    agency: text('agency').notNull(),
    result: text('result', { enum: ATTEMPT_RESULTS }).notNull(),
    staffId: uuid('staff_id'),
    note: text('note').notNull().default(''),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('phone_callback_attempts_callback_idx').on(t.callbackId, t.at),
    check('phone_callback_attempts_result_check', sql`${t.result} in ('reached', 'no-answer', 'wrong-number')`),
  ],
);
