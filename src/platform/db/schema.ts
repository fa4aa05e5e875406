import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  date,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The one schema file drizzle-kit reads; features import their tables from here.

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
