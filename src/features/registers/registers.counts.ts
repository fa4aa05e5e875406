// Small counts for the "is the standard kept" dashboard: no personal data, agency and period only.
// Not audited themselves: they return numbers, never a record.
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/client.ts';
import { rigaPeriod } from '../../platform/clock.ts';

export type Period = { from: string; to: string };

type Rows<T> = { rows: T[] };

const iso = (at: Date | undefined): string => (at ?? new Date(0)).toISOString();

/** Incidents of the period by kind, and how often each action was taken. */
export async function incidentCounts(db: Database, agency: string, period: Period): Promise<{ total: number; byKind: Record<string, number>; byAction: Record<string, number> }> {
  const { start, end } = rigaPeriod(period.from, period.to);
  const kinds = (await db.execute(sql`select kind, count(*)::int as n from register_incidents
    where agency = ${agency} and occurred_at >= ${iso(start)}::timestamptz and occurred_at < ${iso(end)}::timestamptz group by kind`)) as unknown as Rows<{ kind: string; n: number }>;
  const actions = (await db.execute(sql`select a.action, count(*)::int as n from register_incidents i, jsonb_array_elements_text(i.actions) as a(action)
    where i.agency = ${agency} and i.occurred_at >= ${iso(start)}::timestamptz and i.occurred_at < ${iso(end)}::timestamptz group by a.action`)) as unknown as Rows<{ action: string; n: number }>;
  const byKind = Object.fromEntries(kinds.rows.map((r) => [r.kind, r.n]));
  return { total: kinds.rows.reduce((s, r) => s + r.n, 0), byKind, byAction: Object.fromEntries(actions.rows.map((r) => [r.action, r.n])) };
}

/**
 * Service errors recorded in the period: how many were acknowledged, apologised for, remedied and closed, how
 * many are still open, and the average whole days from recording to the remedy (null when none was remedied).
 */
export async function serviceErrorCounts(
  db: Database,
  agency: string,
  period: Period,
): Promise<{ recorded: number; acknowledged: number; apologised: number; remedied: number; closed: number; open: number; averageDaysToRemedy: number | null }> {
  const { start, end } = rigaPeriod(period.from, period.to);
  const result = (await db.execute(sql`
    select count(*)::int as recorded,
      count(*) filter (where exists (select 1 from register_service_error_steps s where s.error_id = e.id and s.step = 'acknowledged'))::int as acknowledged,
      count(*) filter (where exists (select 1 from register_service_error_steps s where s.error_id = e.id and s.step = 'apology-sent'))::int as apologised,
      count(*) filter (where r.taken_at is not null)::int as remedied,
      count(*) filter (where e.status = 'closed')::int as closed,
      avg(floor(extract(epoch from (r.taken_at - e.created_at)) / 86400)) as days
    from register_service_errors e
    left join register_service_error_steps r on r.error_id = e.id and r.step = 'remedied'
    where e.agency = ${agency} and e.created_at >= ${iso(start)}::timestamptz and e.created_at < ${iso(end)}::timestamptz`)) as unknown as Rows<{
    recorded: number;
    acknowledged: number;
    apologised: number;
    remedied: number;
    closed: number;
    days: string | number | null;
  }>;
  const r = result.rows[0] ?? { recorded: 0, acknowledged: 0, apologised: 0, remedied: 0, closed: 0, days: null };
  return {
    recorded: r.recorded,
    acknowledged: r.acknowledged,
    apologised: r.apologised,
    remedied: r.remedied,
    closed: r.closed,
    open: r.recorded - r.closed,
    averageDaysToRemedy: r.days === null ? null : Math.round(Number(r.days) * 10) / 10,
  };
}

/** Offers of gifts and benefits in the period: declared, declined, accepted. */
export async function giftCounts(db: Database, agency: string, period: Period): Promise<{ declared: number; declined: number; accepted: number }> {
  const result = (await db.execute(sql`select count(*)::int as declared, count(*) filter (where declined)::int as declined
    from register_gifts where agency = ${agency} and offered_on between ${period.from}::date and ${period.to}::date`)) as unknown as Rows<{ declared: number; declined: number }>;
  const r = result.rows[0] ?? { declared: 0, declined: 0 };
  return { declared: r.declared, declined: r.declined, accepted: r.declared - r.declined };
}
