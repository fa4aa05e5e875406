// Tables of the queue feature (listed in src/app/schema.ts for drizzle-kit).
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const QUEUE_TICKET_STATUSES = ['waiting', 'called', 'served', 'no-show'] as const;
export const QUEUE_TICKET_CHANNELS = ['kiosk', 'api', 'staff', 'check-in'] as const;

/**
 * The last running number given per centre, service and Riga day. A row-locked upsert takes the next one,
 * so numbers never repeat and survive a restart of any process.
 */
export const queueNumberCounters = pgTable(
  'queue_number_counters',
  {
    agency: text('agency').notNull(),
    centreId: text('centre_id').notNull(),
    serviceId: text('service_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.centreId, t.serviceId, t.day] })],
);

/** One client in the queue. The id is a random UUID: the ticket's link cannot be guessed. */
export const queueTickets = pgTable(
  'queue_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    centreId: text('centre_id').notNull(),
    serviceId: text('service_id').notNull(),
    /** The Riga date the ticket was taken: its queue day. */
    day: date('day', { mode: 'string' }).notNull(),
    runningNumber: integer('running_number').notNull(),
    number: text('number').notNull(),
    status: text('status', { enum: QUEUE_TICKET_STATUSES }).notNull().default('waiting'),
    channel: text('channel', { enum: QUEUE_TICKET_CHANNELS }).notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    /** The latest call (a recall moves it); firstCalledAt ends the waiting time. */
    calledAt: timestamp('called_at', { withTimezone: true }),
    firstCalledAt: timestamp('first_called_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    counterNo: integer('counter_no'),
    targetCounterNo: integer('target_counter_no'),
    recalls: integer('recalls').notNull().default(0),
    appointmentId: uuid('appointment_id'),
    appointmentStart: timestamp('appointment_start', { withTimezone: true }),
    appointmentEnd: timestamp('appointment_end', { withTimezone: true }),
    issuedBy: uuid('issued_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('queue_tickets_number_key').on(t.agency, t.centreId, t.serviceId, t.day, t.runningNumber),
    uniqueIndex('queue_tickets_appointment_key').on(t.appointmentId),
    index('queue_tickets_waiting_idx').on(t.agency, t.centreId, t.day, t.status, t.issuedAt),
    check('queue_tickets_status_check', sql`${t.status} in ('waiting', 'called', 'served', 'no-show')`),
    check('queue_tickets_channel_check', sql`${t.channel} in ('kiosk', 'api', 'staff', 'check-in')`),
  ],
);

/** A counter (desk) of a centre: open or closed, the services it serves and the ticket it has called. */
export const queueCounters = pgTable(
  'queue_counters',
  {
    agency: text('agency').notNull(),
    centreId: text('centre_id').notNull(),
    counterNo: integer('counter_no').notNull(),
    open: boolean('open').notNull().default(false),
    services: jsonb('services').$type<string[]>().notNull().default([]),
    /** The Riga day it was opened: a counter left open overnight is closed the next day. */
    openedDay: date('opened_day', { mode: 'string' }),
    openedBy: uuid('opened_by'),
    currentTicketId: uuid('current_ticket_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.centreId, t.counterNo] })],
);
