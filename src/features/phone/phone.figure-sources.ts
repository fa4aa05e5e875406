// The phone feature's figures for "Is the standard kept?" (docs/standard-figures.md, "The seam"): one SQL
// insert per source into standard_figure_days, registered from this feature's index.ts. Counts only.
import { sql } from 'drizzle-orm';
import { FIGURE_DAYS_INSERT, rigaDay, type ChannelValues, type FigureSource } from '../standard-figures/index.ts';
import { phoneTopics } from './phone-lines.ts';

/** phone.calls: the logged calls by the Riga day they started, per topic (the figures' "channel" key). */
export const phoneCallsFigureSource: FigureSource = {
  source: 'phone',
  name: 'logged calls per topic',
  refresh: (w) => sql`${FIGURE_DAYS_INSERT}
    select ${w.agency}, ${rigaDay(sql`started_at`)}, 'phone.calls', '', topic, 0, count(*)
    from phone_calls
    where agency = ${w.agency} and started_at >= ${w.fromTs} and started_at < ${w.toTs}
    group by 1, 2, 3, 4, 5, 6`,
  firstDay: (agency) => sql`select min(${rigaDay(sql`started_at`)}) from phone_calls where agency = ${agency}`,
};

/**
 * phone.callbacks.late: the callback requests by the Riga day of their promised time (call_by), per topic, once decided —
 * reached or unreachable, or the promised time has passed. 0: reached by the promised time; 1: reached later,
 * unreachable, or still not reached after it (the phone feature's own figure counts the same way).
 */
export const phoneCallbacksFigureSource: FigureSource = {
  source: 'phone',
  name: 'callbacks by their promised time (1 = late)',
  refresh: (w) => sql`${FIGURE_DAYS_INSERT}
    select ${w.agency}, ${rigaDay(sql`call_by`)}, 'phone.callbacks.late', '', topic,
           case when status = 'reached' and closed_at <= call_by then 0 else 1 end, count(*)
    from phone_callbacks
    where agency = ${w.agency} and call_by >= ${w.fromTs} and call_by < ${w.toTs}
      and (status in ('reached', 'unreachable') or call_by < ${w.now})
    group by 1, 2, 3, 4, 5, 6`,
  firstDay: (agency) => sql`select min(${rigaDay(sql`call_by`)}) from phone_callbacks where agency = ${agency}`,
};

export const phoneFigureSources: readonly FigureSource[] = [phoneCallsFigureSource, phoneCallbacksFigureSource];

/** The phone topics as values of the figures' channel filter, for the two phone indicators (keyed by topic). */
export const phoneTopicChannelValues: ChannelValues = {
  name: 'phone-topics',
  label: { lv: 'Tālruņa konsultāciju tēmas', en: 'Phone topics' },
  indicators: ['phone.calls', 'phone.callbacksWithinPromise'],
  values: (profile) => phoneTopics(profile).map((t) => ({ id: t.id, label: t.name })),
};
