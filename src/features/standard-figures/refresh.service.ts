import { withTransaction } from '../../platform/db/transaction.ts';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import { SAMPLED_METRICS, SNAPSHOT_METRICS } from '../../domain/standard-figures/index.ts';
import { RIGA, rigaToday } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import { loadCalendar } from '../calendar/calendar.service.ts';
import { figureSources, type RefreshWindow } from './sources.ts';

export type RefreshDeps = Pick<AppDeps, 'db' | 'clock' | 'agencies'>;

/** How far back the working-day ordinals reach before the window (an answer later than this counts as 999 days). */
const ORDINALS_BEFORE_DAYS = 800;

function rigaMidnight(date: string): Date {
  return new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: RIGA }).epochMilliseconds);
}

const addDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();
const monthStart = (date: string) => `${date.slice(0, 7)}-01`;
const monthEnd = (date: string) => Temporal.PlainDate.from(monthStart(date)).add({ months: 1 }).subtract({ days: 1 }).toString();

async function windowFor(deps: RefreshDeps, agency: string, from: string, to: string): Promise<RefreshWindow> {
  const calendar = await loadCalendar(deps);
  const dates: string[] = [];
  const ordinals: number[] = [];
  let ordinal = 0;
  for (let d = Temporal.PlainDate.from(addDays(from, -ORDINALS_BEFORE_DAYS)); Temporal.PlainDate.compare(d, Temporal.PlainDate.from(to)) <= 0; d = d.add({ days: 1 })) {
    const iso = d.toString();
    if (calendar.isWorkingDay(iso)) ordinal += 1;
    dates.push(iso);
    ordinals.push(ordinal);
  }
  return {
    agency,
    from,
    to,
    fromTs: rigaMidnight(from),
    toTs: rigaMidnight(addDays(to, 1)),
    workingDayDates: `{${dates.join(',')}}`,
    workingDayOrdinals: `{${ordinals.join(',')}}`,
    today: rigaToday(deps.clock),
    now: new Date(deps.clock().epochMilliseconds),
  };
}

const snapshotList = sql.join(SNAPSHOT_METRICS.map((m) => sql`${m}`), sql`, `);
const keptList = sql.join([...SNAPSHOT_METRICS, ...SAMPLED_METRICS].map((m) => sql`${m}`), sql`, `);

/**
 * Recompute the agency's aggregates for the Riga days from..to in one transaction: readers see the old or
 * the new figures, never half. The day rows are rebuilt from the records, then the months they touch.
 * Snapshot metrics (open now) are kept for past days and sampled ones (first free slot) always: they cannot be
 * recomputed afterwards.
 */
export async function refreshDays(deps: RefreshDeps, agency: string, from: string, to: string): Promise<void> {
  const w = await windowFor(deps, agency, from, to);
  await withTransaction(deps.db, async (db) => {
    await db.execute(sql`delete from standard_figure_days where agency = ${agency} and day between ${from} and ${to}
      and (metric not in (${keptList}) or (day = ${w.today} and metric in (${snapshotList})))`);
    for (const source of figureSources()) await db.execute(source.refresh(w));
    const [mFrom, mTo] = [monthStart(from), monthEnd(to)];
    await db.execute(sql`delete from standard_figure_months where agency = ${agency} and month between ${mFrom} and ${mTo}`);
    await db.execute(sql`insert into standard_figure_months (agency, month, metric, centre_key, channel_key, service_key, bucket, n)
      select agency, date_trunc('month', day)::date, metric, centre_key, channel_key, service_key, bucket, sum(n)
      from standard_figure_days where agency = ${agency} and day between ${mFrom} and ${mTo} and metric not in (${snapshotList})
      group by 1, 2, 3, 4, 5, 6, 7`);
    await db.execute(sql`insert into standard_figure_refreshes (agency, refreshed_at) values (${agency}, ${new Date(deps.clock().epochMilliseconds)})
      on conflict (agency) do update set refreshed_at = excluded.refreshed_at`);
  });
}

/** The first Riga day any record of the agency falls on (null: no records yet). */
async function firstRecordDay(db: Database, agency: string): Promise<string | null> {
  const result = await db.execute(sql`select min(d)::text as d from (
    select min(received_on) as d from inquiries where agency = ${agency}
    union all select min(day) from queue_tickets where agency = ${agency}
    union all select min((starts_at at time zone 'Europe/Riga')::date) from appointments where agency = ${agency}
    union all select min((created_at at time zone 'Europe/Riga')::date) from feedback_invitations where agency = ${agency}
    union all select min((received_at at time zone 'Europe/Riga')::date) from feedback_opinions where agency = ${agency}
    union all select min(day) from standard_flow_counts where agency = ${agency}
    ${sql.join(figureSources().flatMap((s) => (s.firstDay ? [sql` union all select (${s.firstDay(agency)})`] : [])), sql``)}) m`);
  return (result as unknown as { rows: Array<{ d: string | null }> }).rows[0]?.d ?? null;
}

/** The last `days` Riga days up to today, for every agency (the job's regular refresh). */
export async function refreshRecent(deps: RefreshDeps, days: number): Promise<{ agencies: number; from: string; to: string }> {
  const to = rigaToday(deps.clock);
  const from = addDays(to, -(days - 1));
  const agencies = deps.agencies.list();
  const result = await deps.db.execute(sql`select agency from standard_figure_refreshes where rebuilt_at is not null`);
  const rebuilt = new Set((result as unknown as { rows: Array<{ agency: string }> }).rows.map((r) => r.agency));
  for (const agency of agencies) {
    // An agency never rebuilt (first start) gets all its history once; afterwards only the recent days.
    if (!rebuilt.has(agency.slug)) await rebuildAgency(deps, agency.slug, to);
    else await refreshDays(deps, agency.slug, from, to);
  }
  return { agencies: agencies.length, from, to };
}

/** Everything from the agency's first record to today (nightly, and on first start). */
export async function rebuildAll(deps: RefreshDeps): Promise<{ agencies: number }> {
  const today = rigaToday(deps.clock);
  const agencies = deps.agencies.list();
  for (const agency of agencies) await rebuildAgency(deps, agency.slug, today);
  return { agencies: agencies.length };
}

async function rebuildAgency(deps: RefreshDeps, agency: string, today: string): Promise<void> {
  const first = (await firstRecordDay(deps.db, agency)) ?? today;
  await refreshDays(deps, agency, first < today ? first : today, today);
  await deps.db.execute(sql`update standard_figure_refreshes set rebuilt_at = refreshed_at where agency = ${agency}`);
}
