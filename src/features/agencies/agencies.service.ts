import type { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import {
  openingStatus,
  parseTimeRange,
  weeklySummary,
  WEEKDAYS,
  type CalendarLookup,
  type HoursSpec,
  type OpeningStatus,
  type WeeklySummaryGroup,
} from '../../domain/opening-hours/index.ts';
import type { Channel, HoursProfile } from './agency-profile.schema.ts';

/** The profile's "08:30-17:15" texts as the domain's hours. */
export function toHoursSpec(hours: HoursProfile): HoursSpec {
  const weekly: HoursSpec['weekly'] = {};
  for (const day of WEEKDAYS) {
    const ranges = hours.weekly[day];
    if (ranges) weekly[day] = ranges.map(parseTimeRange);
  }
  const dates = hours.dates
    ? Object.fromEntries(Object.entries(hours.dates).map(([date, ranges]) => [date, ranges.map(parseTimeRange)]))
    : undefined;
  return {
    weekly,
    ...(dates ? { dates } : {}),
    shortenBeforeHolidays: hours.shortenBeforeHolidays,
    openOnNonWorkingDays: hours.openOnNonWorkingDays,
  };
}

export function calendarLookup(calendar: LatvianCalendar): CalendarLookup {
  return (date) => {
    const day = calendar.day(date);
    return { working: day.working, shortened: day.shortened, replaces: day.replaces };
  };
}

/** `byPlace`: the channel has no hours of its own — it keeps the hours of each centre (in person, video). */
export type HoursStatus = OpeningStatus & { alwaysAvailable: boolean; byPlace?: boolean; weekly: WeeklySummaryGroup[] };

/** Channels served at places (service centres, partner centres): never "available at any time". */
const PLACE_KINDS: ReadonlySet<string> = new Set(['in-person', 'video-consultation']);

/** Open now? Until when, or when next? For a channel or centre; no hours means always available (e-mail, post). */
export function hoursStatus(hours: HoursProfile | undefined, calendar: LatvianCalendar, at: Temporal.Instant): HoursStatus {
  if (!hours) {
    return { alwaysAvailable: true, openNow: true, closesAt: null, nextOpening: null, nextChange: null, weekly: [] };
  }
  const spec = toHoursSpec(hours);
  return { alwaysAvailable: false, ...openingStatus(spec, at, calendarLookup(calendar)), weekly: weeklySummary(spec) };
}

export type ChannelWithStatus = { channel: Channel; status: HoursStatus };

export function channelsWithStatus(channels: readonly Channel[], calendar: LatvianCalendar, at: Temporal.Instant): ChannelWithStatus[] {
  return channels.map((channel) => ({
    channel,
    status:
      !channel.hours && PLACE_KINDS.has(channel.kind)
        ? { alwaysAvailable: false, byPlace: true, openNow: false, closesAt: null, nextOpening: null, nextChange: null, weekly: [] }
        : hoursStatus(channel.hours, calendar, at),
  }));
}
