// The registers' figures for "Is the standard kept?" (docs/standard-figures.md, "The seam"): one SQL insert per
// source into standard_figure_days, registered from this feature's index.ts. Counts only, no texts, no names.
import { sql } from 'drizzle-orm';
import { INCIDENT_ACTIONS, INCIDENT_KINDS } from '../../domain/registers/index.ts';
import { FIGURE_DAYS_INSERT, rigaDay, type ChannelValues, type FigureSource } from '../standard-figures/index.ts';
import { registersMessages } from './registers.messages.ts';

/**
 * Service errors, by the Riga day of the "acknowledged" step: errors.acknowledged (bucket 0) and
 * errors.remedied (1: a "remedied" step exists at the refresh, 0: not yet). errors.apologised.days: by the Riga
 * day of the "apology-sent" step, the bucket is the calendar days (Riga dates) from acknowledging to it.
 */
export const serviceErrorsFigureSource: FigureSource = {
  source: 'registers',
  name: 'service errors acknowledged, apologised for, remedied',
  refresh: (w) => sql`${FIGURE_DAYS_INSERT}
    with ack as (
      select a.error_id, ${rigaDay(sql`a.taken_at`)} as day, a.taken_at
      from register_service_error_steps a join register_service_errors e on e.id = a.error_id and e.agency = ${w.agency}
      where a.step = 'acknowledged'
    )
    select ${w.agency}, day, 'errors.acknowledged', '', '', 0, count(*)
    from ack where taken_at >= ${w.fromTs} and taken_at < ${w.toTs} group by day
    union all
    select ${w.agency}, day, 'errors.remedied', '', '',
           case when exists (select 1 from register_service_error_steps r where r.error_id = ack.error_id and r.step = 'remedied') then 1 else 0 end, count(*)
    from ack where taken_at >= ${w.fromTs} and taken_at < ${w.toTs} group by 2, 6
    union all
    select ${w.agency}, ${rigaDay(sql`p.taken_at`)}, 'errors.apologised.days', '', '', ${rigaDay(sql`p.taken_at`)} - ack.day, count(*)
    from ack join register_service_error_steps p on p.error_id = ack.error_id and p.step = 'apology-sent'
    where p.taken_at >= ${w.fromTs} and p.taken_at < ${w.toTs}
    group by 2, 6`,
  firstDay: (agency) => sql`select min(${rigaDay(sql`taken_at`)}) from register_service_error_steps where agency = ${agency}`,
};

/**
 * incidents.recorded: incidents by the Riga day they occurred, per kind (the figures' "channel" key);
 * incidents.action: the same incidents once per action taken, keyed by the action.
 */
export const incidentsFigureSource: FigureSource = {
  source: 'registers',
  name: 'incidents per kind and per action',
  refresh: (w) => sql`${FIGURE_DAYS_INSERT}
    select ${w.agency}, ${rigaDay(sql`occurred_at`)}, 'incidents.recorded', '', kind, 0, count(*)
    from register_incidents
    where agency = ${w.agency} and occurred_at >= ${w.fromTs} and occurred_at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6
    union all
    select ${w.agency}, ${rigaDay(sql`i.occurred_at`)}, 'incidents.action', '', a.action, 0, count(distinct i.id)
    from register_incidents i cross join lateral jsonb_array_elements_text(i.actions) as a(action)
    where i.agency = ${w.agency} and i.occurred_at >= ${w.fromTs} and i.occurred_at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
  firstDay: (agency) => sql`select min(${rigaDay(sql`occurred_at`)}) from register_incidents where agency = ${agency}`,
};

/** gifts.offered: the declared offers by the day offered (already a calendar date); 1 declined, 0 accepted. */
export const giftsFigureSource: FigureSource = {
  source: 'registers',
  name: 'gift offers (1 = declined)',
  refresh: (w) => sql`${FIGURE_DAYS_INSERT}
    select ${w.agency}, offered_on, 'gifts.offered', '', '', case when declined then 1 else 0 end, count(*)
    from register_gifts
    where agency = ${w.agency} and offered_on between ${w.from}::date and ${w.to}::date
    group by 1, 2, 3, 4, 5, 6`,
  firstDay: (agency) => sql`select min(offered_on) from register_gifts where agency = ${agency}`,
};

export const registersFigureSources: readonly FigureSource[] = [serviceErrorsFigureSource, incidentsFigureSource, giftsFigureSource];

/** Incident kinds and actions as values of the figures' channel filter, for incidents.recorded. */
export const incidentChannelValues: readonly ChannelValues[] = [
  {
    name: 'incident-kinds',
    label: { lv: 'Incidentu veidi', en: 'Kinds of incident' },
    indicators: ['incidents.recorded'],
    values: () => INCIDENT_KINDS.map((k) => ({ id: k, label: { lv: registersMessages.lv.kinds[k], en: registersMessages.en.kinds[k] } })),
  },
  {
    name: 'incident-actions',
    label: { lv: 'Rīcība incidentos', en: 'Actions taken about incidents' },
    indicators: ['incidents.recorded'],
    values: () => INCIDENT_ACTIONS.map((a) => ({ id: a, label: { lv: registersMessages.lv.actions[a], en: registersMessages.en.actions[a] } })),
  },
];
