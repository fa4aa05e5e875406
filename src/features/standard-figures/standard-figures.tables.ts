// Tables of the standard-figures feature (re-exported by src/platform/db/schema.ts so drizzle-kit and the typed client see them).
import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Counts per Riga day, metric, centre, channel, service and bucket (minutes waited, working days taken, a rating, 0/1
 * for late/on time…): every figure of the standard is computed from these sums, never from personal records.
 */
export const standardFigureDays = pgTable(
  'standard_figure_days',
  {
    agency: text('agency').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    centreKey: text('centre_key').notNull().default(''),
    channelKey: text('channel_key').notNull().default(''),
    /** The service of a queue ticket (queue.wait); '' for every other metric. */
    serviceKey: text('service_key').notNull().default(''),
    bucket: integer('bucket').notNull().default(0),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agency, t.day, t.metric, t.centreKey, t.channelKey, t.serviceKey, t.bucket] }),
    index('standard_figure_days_metric_idx').on(t.agency, t.metric, t.day),
  ],
);

/** The same counts summed per calendar month: what month, quarter and year figures and the trends read. */
export const standardFigureMonths = pgTable(
  'standard_figure_months',
  {
    agency: text('agency').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    metric: text('metric').notNull(),
    centreKey: text('centre_key').notNull().default(''),
    channelKey: text('channel_key').notNull().default(''),
    /** The service of a queue ticket (queue.wait); '' for every other metric. */
    serviceKey: text('service_key').notNull().default(''),
    bucket: integer('bucket').notNull().default(0),
    n: bigint('n', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.agency, t.month, t.metric, t.centreKey, t.channelKey, t.serviceKey, t.bucket] })],
);

/** How many times a flow step happened per Riga day (form opened, question filed…), without who. */
export const standardFlowCounts = pgTable(
  'standard_flow_counts',
  {
    agency: text('agency').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    flow: text('flow').notNull(),
    step: text('step').notNull(),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agency, t.day, t.flow, t.step] })],
);

/** When each agency's aggregates were last refreshed (and fully rebuilt). */
export const standardFigureRefreshes = pgTable('standard_figure_refreshes', {
  agency: text('agency').primaryKey(),
  refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  rebuiltAt: timestamp('rebuilt_at', { withTimezone: true }),
});
