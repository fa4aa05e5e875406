import { sql, type SQL } from 'drizzle-orm';
import { METRICS, type Source, type Text } from '../../domain/standard-figures/index.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';

/** The Riga days a refresh recomputes, with the instants that bound them and the working-day ordinals. */
export type RefreshWindow = {
  agency: string;
  from: string;
  to: string;
  /** Riga midnight at the start of `from` and after `to`. */
  fromTs: Date;
  toTs: Date;
  /** Postgres array literals: every date from long before `from` to `to`, and the number of working days up to it. */
  workingDayDates: string;
  workingDayOrdinals: string;
  today: string;
  /** The moment of the refresh (the app clock): e.g. a callback whose promised time has passed counts as late. */
  now: Date;
};

/**
 * One SQL statement that inserts a source's rows of standard_figure_days for the window. `firstDay`, when a
 * source's records may be older than every built-in record, is a query of one date (the Riga day of the
 * agency's oldest record of that source, or null): the full rebuild starts there.
 */
export type FigureSource = { source: Source; name: string; refresh: (w: RefreshWindow) => SQL; firstDay?: (agency: string) => SQL };

/** The start of every source's statement: `${FIGURE_DAYS_INSERT} select agency, day, metric, centre_key, channel_key, bucket, n …`. */
export const FIGURE_DAYS_INSERT = sql`insert into standard_figure_days (agency, day, metric, centre_key, channel_key, bucket, n)`;
const INSERT = FIGURE_DAYS_INSERT;
/** The Europe/Riga calendar day of a timestamptz column: a record counts on the Riga date of its moment. */
export const rigaDay = (column: SQL) => sql`((${column}) at time zone 'Europe/Riga')::date`;
const ELECTRONIC = sql`('web-form', 'email', 'e-address', 'national-portal', 'api', 'feedback')`;

/** The first answer of each inquiry of the agency whose first answer falls in the window. */
const firstAnswers = (w: RefreshWindow) => sql`
  select e.inquiry_id, ${rigaDay(sql`e.at`)} as day
  from inquiry_events e
  where e.to_status = 'answered' and e.at >= ${w.fromTs} and e.at < ${w.toTs}
    and not exists (select 1 from inquiry_events p where p.inquiry_id = e.inquiry_id and p.to_status = 'answered' and p.at < e.at)`;

const workingDays = (w: RefreshWindow) => sql`select * from unnest(${w.workingDayDates}::date[], ${w.workingDayOrdinals}::int[]) as wd(d, ord)`;

const inquiriesAnswered: FigureSource = {
  source: 'records',
  name: 'inquiries answered (on time, working days taken)',
  refresh: (w) => sql`${INSERT}
    with answered as (${firstAnswers(w)}),
         wd as (${workingDays(w)}),
         rows as (
           select a.day, i.channel, case when a.day <= i.deadline then 0 else 1 end as late,
                  coalesce(least(wa.ord - wr.ord, 999), 999) as days
           from answered a join inquiries i on i.id = a.inquiry_id and i.agency = ${w.agency}
           left join wd wa on wa.d = a.day left join wd wr on wr.d = i.received_on)
    select ${w.agency}, day, ${METRICS.answeredLate}, '', channel, late, count(*) from rows group by day, channel, late
    union all
    select ${w.agency}, day, ${METRICS.answeredDays}, '', channel, days, count(*) from rows group by day, channel, days`,
};

const complaintsAnswered: FigureSource = {
  source: 'records',
  name: 'complaints answered within the term',
  refresh: (w) => sql`${INSERT}
    with answered as (${firstAnswers(w)})
    select ${w.agency}, a.day, ${METRICS.complaintAnsweredLate}, coalesce(o.centre_id, ''), coalesce(o.channel_id, ''),
           case when a.day <= i.deadline then 0 else 1 end, count(*)
    from answered a join inquiries i on i.id = a.inquiry_id and i.agency = ${w.agency}
    join feedback_opinions o on o.agency = i.agency and o.inquiry_reference = i.reference and o.kind = 'complaint'
    group by 1, 2, 3, 4, 5, 6`,
};

const inquiriesForwarded: FigureSource = {
  source: 'records',
  name: 'inquiries forwarded (within five working days)',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`e.at`)}, ${METRICS.forwardedLate}, '', i.channel,
           case when ${rigaDay(sql`e.at`)} <= i.forward_deadline then 0 else 1 end, count(*)
    from inquiry_events e join inquiries i on i.id = e.inquiry_id and i.agency = ${w.agency}
    where e.to_status = 'forwarded' and e.at >= ${w.fromTs} and e.at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
};

const inquiriesUnexamined: FigureSource = {
  source: 'records',
  name: 'inquiries left unexamined',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`e.at`)}, ${METRICS.unexamined}, '', i.channel, 0, count(*)
    from inquiry_events e join inquiries i on i.id = e.inquiry_id and i.agency = ${w.agency}
    where e.to_status = 'unexamined' and e.at >= ${w.fromTs} and e.at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
};

const inquiriesExtended: FigureSource = {
  source: 'records',
  name: 'term extensions (1 = with a reason and within four months)',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`e.at`)}, ${METRICS.extended}, '', i.channel,
           case when coalesce(btrim(e.details->>'reason'), '') <> '' and (e.details->>'to') <= (e.details->>'max') then 1 else 0 end, count(*)
    from inquiry_events e join inquiries i on i.id = e.inquiry_id and i.agency = ${w.agency}
    where e.kind = 'deadline-extended' and e.at >= ${w.fromTs} and e.at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
};

const contacts: FigureSource = {
  source: 'records',
  name: 'contacts by channel (1 = electronic)',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, day, ${METRICS.contacts}, '', channel, electronic, sum(n) from (
      select received_on as day, channel, case when channel in ${ELECTRONIC} then 1 else 0 end as electronic, count(*) as n
      from inquiries where agency = ${w.agency} and received_on between ${w.from} and ${w.to} group by 1, 2, 3
      union all
      select day, 'queue', 0, count(*) from queue_tickets where agency = ${w.agency} and day between ${w.from} and ${w.to} group by 1
      union all
      select ${rigaDay(sql`started_at`)}, 'phone', 0, count(*) from phone_calls
      where agency = ${w.agency} and started_at >= ${w.fromTs} and started_at < ${w.toTs} group by 1
    ) c group by day, channel, electronic`,
};

const appointmentOutcomes: FigureSource = {
  source: 'records',
  name: 'appointment outcomes (1 = no-show)',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`starts_at`)}, ${METRICS.appointmentOutcome}, centre_id, '',
           case when status = 'no-show' then 1 else 0 end, count(*)
    from appointments
    where agency = ${w.agency} and starts_at >= ${w.fromTs} and starts_at < ${w.toTs} and status in ('arrived', 'served', 'no-show')
    group by 1, 2, 3, 4, 5, 6`,
};

const appointmentsCancelledByAgency: FigureSource = {
  source: 'records',
  name: 'appointments cancelled by the agency',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`cancelled_at`)}, ${METRICS.cancelledByAgency}, centre_id, '', 0, count(*)
    from appointments
    where agency = ${w.agency} and status = 'cancelled' and cancelled_at >= ${w.fromTs} and cancelled_at < ${w.toTs}
      and coalesce(cancel_reason, '') <> 'client'
    group by 1, 2, 3, 4, 5, 6`,
};

/** Per centre and service (service_key): the one source with a service; every other row keeps service_key ''. */
const queueWaits: FigureSource = {
  source: 'records',
  name: 'queue waits (whole minutes to the first call)',
  refresh: (w) => sql`insert into standard_figure_days (agency, day, metric, centre_key, channel_key, service_key, bucket, n)
    select ${w.agency}, day, ${METRICS.queueWait}, centre_id, '', service_id,
           least(floor(extract(epoch from (first_called_at - issued_at)) / 60)::int, 600), count(*)
    from queue_tickets
    where agency = ${w.agency} and day between ${w.from} and ${w.to} and first_called_at is not null
    group by 1, 2, 3, 4, 5, 6, 7`,
};

const surveyRatings: FigureSource = {
  source: 'records',
  name: 'survey ratings per question',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`r.submitted_at`)}, 'survey.rating.' || q.key, coalesce(r.centre_id, ''), coalesce(r.channel_id, ''),
           q.value::int, count(*)
    from feedback_responses r cross join lateral jsonb_each_text(r.ratings) q
    where r.agency = ${w.agency} and r.submitted_at >= ${w.fromTs} and r.submitted_at < ${w.toTs} and q.value ~ '^[1-5]$'
    group by 1, 2, 3, 4, 5, 6`,
};

const surveyInvitations: FigureSource = {
  source: 'records',
  name: 'survey invitations (1 = answered)',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`created_at`)}, ${METRICS.invitations}, coalesce(centre_id, ''), coalesce(channel_id, ''),
           case when used_at is null then 0 else 1 end, count(*)
    from feedback_invitations
    where agency = ${w.agency} and created_at >= ${w.fromTs} and created_at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
};

const opinions: FigureSource = {
  source: 'records',
  name: 'complaints and praise',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${rigaDay(sql`received_at`)}, 'opinions.' || kind, coalesce(centre_id, ''), coalesce(channel_id, ''), 0, count(*)
    from feedback_opinions
    where agency = ${w.agency} and kind in ('complaint', 'praise') and received_at >= ${w.fromTs} and received_at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
};

const flows: FigureSource = {
  source: 'records',
  name: 'form and booking flow counters',
  refresh: (w) => sql`${INSERT}
    select agency, day, 'flow.' || flow || '.' || step, '', '', 0, n
    from standard_flow_counts where agency = ${w.agency} and day between ${w.from} and ${w.to} and n > 0`,
};

/** Open and overdue inquiries, written for today only: a snapshot, kept per day as the day's last value. */
const inquirySnapshots: FigureSource = {
  source: 'records',
  name: 'open and overdue inquiries today',
  refresh: (w) => sql`${INSERT}
    select ${w.agency}, ${w.today}::date, m.metric, '', '', 0, m.n from (
      select ${METRICS.open} as metric, count(*) as n from inquiries
      where agency = ${w.agency} and status in ('new', 'assigned', 'waiting-for-client')
      union all
      select ${METRICS.overdue}, count(*) from inquiries
      where agency = ${w.agency} and status in ('new', 'assigned', 'waiting-for-client') and deadline < ${w.today}
    ) m where ${w.today}::date between ${w.from}::date and ${w.to}::date`,
};

/** Sources built on the records that exist today. */
export const RECORD_SOURCES: readonly FigureSource[] = [
  inquiriesAnswered,
  complaintsAnswered,
  inquiriesForwarded,
  inquiriesUnexamined,
  inquiriesExtended,
  contacts,
  appointmentOutcomes,
  appointmentsCancelledByAgency,
  queueWaits,
  surveyRatings,
  surveyInvitations,
  opinions,
  flows,
  inquirySnapshots,
];

/**
 * THE SEAM for the phone and registers features. Each registers one FigureSource whose SQL fills the metrics
 * its indicators read (METRICS.phoneCalls, phoneCallbackLate, errorsAcknowledged, errorsApologisedDays,
 * errorsRemedied, incidents, gifts — names and bucket meanings in src/domain/standard-figures/indicators.ts).
 * Until a source of kind 'phone' / 'registers' is registered, the indicators of that source answer "no data".
 */
const registered: FigureSource[] = [];

export function registerFigureSource(source: FigureSource): void {
  if (source.source === 'records') throw new Error('record sources are listed in RECORD_SOURCES');
  // Twice the same source would count its records twice: refuse loudly rather than publish doubled figures.
  if (registered.some((s) => s.source === source.source && s.name === source.name)) throw new Error(`figure source ${source.source}/${source.name} is already registered`);
  registered.push(source);
}

export function figureSources(): readonly FigureSource[] {
  return [...RECORD_SOURCES, ...registered];
}

export function availableSources(): ReadonlySet<Source> {
  return new Set<Source>(['records', ...registered.map((s) => s.source)]);
}

/**
 * Values of the "channel" filter that are not contact channels: a feature whose source keys its rows by something
 * else in channel_key (phone topics, incident kinds, incident actions) names the indicators they apply to and
 * lists the values from the profile. The dashboard offers them in their own group; a value applies only to the
 * indicators named (for the others the agency's figure is shown with the note).
 */
export type ChannelValues = {
  name: string;
  /** The group's label in the filter. */
  label: Text;
  indicators: readonly string[];
  values: (profile: AgencyProfile) => Array<{ id: string; label: Text }>;
};

const channelValueSets: ChannelValues[] = [];

export function registerChannelValues(set: ChannelValues): void {
  if (channelValueSets.some((s) => s.name === set.name)) throw new Error(`channel values ${set.name} are already registered`);
  channelValueSets.push(set);
}

export function registeredChannelValues(): readonly ChannelValues[] {
  return channelValueSets;
}
