// Tables of the appointments feature (listed in src/app/schema.ts for drizzle-kit).
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const APPOINTMENT_STATUSES = ['booked', 'arrived', 'served', 'no-show', 'cancelled'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];
export const APPOINTMENT_CHANNELS = ['web', 'api', 'staff'] as const;
export const COMPANION_KINDS = ['none', 'assistant', 'interpreter'] as const;

/**
 * The seats of one slot (a service at a place at a start time). The database keeps `taken ≤ capacity`:
 * a booking takes a seat with `UPDATE … SET taken = taken + 1 WHERE taken < capacity`, so two clients can
 * never hold the same seat however many book at once.
 */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    centreId: text('centre_id').notNull(),
    serviceId: text('service_id').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    taken: integer('taken').notNull().default(0),
  },
  (t) => [
    uniqueIndex('appointment_slots_key').on(t.agency, t.centreId, t.serviceId, t.startsAt),
    check('appointment_slots_seats_check', sql`${t.taken} >= 0 and ${t.taken} <= ${t.capacity}`),
  ],
);

export const appointments = pgTable(
  'appointments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    centreId: text('centre_id').notNull(),
    serviceId: text('service_id').notNull(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: APPOINTMENT_STATUSES }).notNull().default('booked'),
    /** Six characters the client types at the queue kiosk. */
    bookingCode: text('booking_code').notNull(),
    /** SHA-256 of the private manage link's token. */
    manageTokenHash: text('manage_token_hash').notNull(),
    /** The booking form's hidden key: a double submit finds the first appointment instead of making a second. */
    idempotencyKey: text('idempotency_key'),
    channel: text('channel', { enum: APPOINTMENT_CHANNELS }).notNull(),
    clientName: text('client_name').notNull(),
    clientEmail: text('client_email'),
    clientPhone: text('client_phone'),
    clientPersonalCode: text('client_personal_code'),
    /** Why the service cannot be received electronically (Treasury). */
    reason: text('reason'),
    companion: text('companion', { enum: COMPANION_KINDS }).notNull().default('none'),
    language: text('language').notNull().default('lv'),
    specialistId: text('specialist_id'),
    notes: text('notes').notNull().default(''),
    lateMinutes: integer('late_minutes'),
    arrivedAt: timestamp('arrived_at', { withTimezone: true }),
    identityDocument: text('identity_document'),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointments_booking_code_key').on(t.agency, t.bookingCode),
    uniqueIndex('appointments_idempotency_key').on(t.agency, t.idempotencyKey),
    index('appointments_day_idx').on(t.agency, t.centreId, t.startsAt),
    index('appointments_reminder_idx').on(t.startsAt).where(sql`${t.status} = 'booked' and ${t.reminderSentAt} is null`),
    check('appointments_status_check', sql`${t.status} in ('booked', 'arrived', 'served', 'no-show', 'cancelled')`),
    check('appointments_channel_check', sql`${t.channel} in ('web', 'api', 'staff')`),
    check('appointments_companion_check', sql`${t.companion} in ('none', 'assistant', 'interpreter')`),
  ],
);

/** A closure (capacity 0) or a capacity change of a place for a range of dates, optionally for one service. */
export const appointmentCapacityChanges = pgTable(
  'appointment_capacity_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    centreId: text('centre_id').notNull(),
    serviceId: text('service_id'),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    capacity: integer('capacity').notNull(),
    reason: text('reason').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('appointment_capacity_changes_idx').on(t.agency, t.centreId, t.fromDate),
    check('appointment_capacity_changes_check', sql`${t.capacity} >= 0 and ${t.fromDate} <= ${t.toDate}`),
  ],
);
