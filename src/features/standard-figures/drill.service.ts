import { withTransaction } from '../../platform/db/transaction.ts';
import { sql } from 'drizzle-orm';
import { Temporal } from 'temporal-polyfill';
import type { Period } from '../../domain/standard-figures/index.ts';
import type { AgencyScope } from '../../platform/access/policy.ts';
import { recordAudit, type AuditOrigin } from '../../platform/audit/audit.ts';
import { RIGA, rigaToday } from '../../platform/clock.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AppDeps } from '../../platform/deps.ts';
import type { FigureFilters } from './figures.service.ts';
import { rigaDateAt } from '../../domain/opening-hours/index.ts';

const rigaMinute = (at: Date) => Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(RIGA).toPlainDateTime().toString().slice(0, 16).replace('T', ' ');

export type DrillKind = 'late-inquiries' | 'overdue-inquiries' | 'longest-waits' | 'no-shows';

const KINDS: Record<string, DrillKind> = {
  'inquiries.answeredWithinTerm': 'late-inquiries',
  'inquiries.medianWorkingDaysToAnswer': 'late-inquiries',
  'inquiries.openNow': 'overdue-inquiries',
  'inquiries.overdueNow': 'overdue-inquiries',
  'queue.waitMedian': 'longest-waits',
  'queue.waitP90': 'longest-waits',
  'queue.servedWithinTarget': 'longest-waits',
  'appointments.noShowRate': 'no-shows',
};

export function drillKindOf(indicatorId: string): DrillKind | null {
  return KINDS[indicatorId] ?? null;
}

export type DrillRow = { id: string; label: string; cells: string[]; href: string | null };
export const DRILL_LIMIT = 100;

const midnight = (date: string) => new Date(Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: RIGA }).epochMilliseconds);
const after = (date: string) => midnight(Temporal.PlainDate.from(date).add({ days: 1 }).toString());

async function query<T>(db: Database, q: ReturnType<typeof sql>): Promise<T[]> {
  return (await db.execute(q) as unknown as { rows: T[] }).rows;
}

async function lateInquiries(db: Database, agency: string, period: Period, filters: FigureFilters, base: string): Promise<DrillRow[]> {
  const rows = await query<{ id: string; reference: string; received_on: string; deadline: string; day: string }>(db, sql`
    select i.id, i.reference, i.received_on::text, i.deadline::text, a.day::text from (
      select e.inquiry_id, ((e.at) at time zone 'Europe/Riga')::date as day from inquiry_events e
      where e.to_status = 'answered' and e.at >= ${midnight(period.from)} and e.at < ${after(period.to)}
        and not exists (select 1 from inquiry_events p where p.inquiry_id = e.inquiry_id and p.to_status = 'answered' and p.at < e.at)) a
    join inquiries i on i.id = a.inquiry_id and i.agency = ${agency}
    where a.day > i.deadline ${filters.channel ? sql`and i.channel = ${filters.channel}` : sql``}
    order by a.day - i.deadline desc, i.reference limit ${DRILL_LIMIT}`);
  return rows.map((r) => ({ id: r.id, label: r.reference, cells: [r.received_on, r.deadline, r.day], href: `${base}/iesniegumi/${r.id}` }));
}

async function overdueInquiries(db: Database, agency: string, today: string, base: string): Promise<DrillRow[]> {
  const rows = await query<{ id: string; reference: string; received_on: string; deadline: string }>(db, sql`
    select id, reference, received_on::text, deadline::text from inquiries
    where agency = ${agency} and status in ('new', 'assigned', 'waiting-for-client') and deadline < ${today}
    order by deadline, id limit ${DRILL_LIMIT}`);
  return rows.map((r) => ({ id: r.id, label: r.reference, cells: [r.received_on, r.deadline, ''], href: `${base}/iesniegumi/${r.id}` }));
}

async function longestWaits(db: Database, agency: string, period: Period, filters: FigureFilters, base: string): Promise<DrillRow[]> {
  const rows = await query<{ id: string; number: string; centre_id: string; day: string; waited: number }>(db, sql`
    select id, number, centre_id, day::text, floor(extract(epoch from (first_called_at - issued_at)) / 60)::int as waited
    from queue_tickets
    where agency = ${agency} and day between ${period.from} and ${period.to} and first_called_at is not null
      ${filters.centre ? sql`and centre_id = ${filters.centre}` : sql``}
      ${filters.service ? sql`and service_id = ${filters.service}` : sql``}
    order by first_called_at - issued_at desc, id limit ${DRILL_LIMIT}`);
  return rows.map((r) => ({ id: r.id, label: r.number, cells: [r.centre_id, r.day, String(r.waited)], href: `${base}/rinda/biletes/${r.id}` }));
}

async function noShows(db: Database, agency: string, period: Period, filters: FigureFilters, base: string): Promise<DrillRow[]> {
  const rows = await query<{ id: string; booking_code: string; centre_id: string; service_id: string; starts_at: string | Date }>(db, sql`
    select id, booking_code, centre_id, service_id, starts_at from appointments
    where agency = ${agency} and status = 'no-show' and starts_at >= ${midnight(period.from)} and starts_at < ${after(period.to)}
      ${filters.centre ? sql`and centre_id = ${filters.centre}` : sql``}
    order by starts_at, id limit ${DRILL_LIMIT}`);
  return rows.map((r) => ({ id: r.id, label: r.booking_code, cells: [r.centre_id, r.service_id, rigaMinute(new Date(r.starts_at))], href: `${base}/pieraksti?centre=${r.centre_id}&date=${rigaDateAt(new Date(r.starts_at).getTime())}` }));
}

/** The records behind a figure (at most 100), read in one transaction with its audit event. */
export async function loadDrill(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  scope: AgencyScope,
  origin: AuditOrigin,
  input: { kind: DrillKind; promiseId: string; period: Period; filters: FigureFilters },
): Promise<DrillRow[]> {
  const base = `/staff/${scope.agency}`;
  return withTransaction(deps.db, async (db) => {
    const rows =
      input.kind === 'late-inquiries'
        ? await lateInquiries(db, scope.agency, input.period, input.filters, base)
        : input.kind === 'overdue-inquiries'
          ? await overdueInquiries(db, scope.agency, rigaToday(deps.clock), base)
          : input.kind === 'longest-waits'
            ? await longestWaits(db, scope.agency, input.period, input.filters, base)
            : await noShows(db, scope.agency, input.period, input.filters, base);
    await recordAudit(db, deps.clock, origin, {
      action: 'standard-figures.records-viewed',
      recordType: 'standard-promise',
      recordId: input.promiseId,
      agency: scope.agency,
      details: { kind: input.kind, from: input.period.from, to: input.period.to, records: rows.length, ids: rows.map((r) => r.id) },
    });
    return rows;
  });
}
