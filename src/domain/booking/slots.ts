import { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../calendar/index.ts';
import { openIntervalsOn, type CalendarLookup, type HoursSpec, type OpenInterval } from '../opening-hours/index.ts';
import type { BookableService, BookingPlace, BookingRules, Slot } from './types.ts';
import { bookingWindow, datesBetween } from './window.ts';

/** The calendar as the opening-hours rules read it. */
export function calendarLookup(calendar: LatvianCalendar): CalendarLookup {
  return (date) => calendar.day(date);
}

// Opening intervals per calendar, hours and date: every search and every booking asks for the same few weeks,
// and the Temporal work behind them is most of a booking check. Both keys are never mutated (a changed calendar
// or profile is a new object), so the memo is as pure as the function.
const intervalMemo = new WeakMap<LatvianCalendar, WeakMap<HoursSpec, Map<string, OpenInterval[]>>>();
const MEMO_LIMIT = 5_000;

/** openIntervalsOn for a place's hours on a date, remembered per calendar. */
export function placeIntervalsOn(hours: HoursSpec, date: string, calendar: LatvianCalendar): OpenInterval[] {
  let byHours = intervalMemo.get(calendar);
  if (!byHours) intervalMemo.set(calendar, (byHours = new WeakMap()));
  let byDate = byHours.get(hours);
  if (!byDate) byHours.set(hours, (byDate = new Map()));
  let intervals = byDate.get(date);
  if (!intervals) {
    intervals = openIntervalsOn(hours, date, calendarLookup(calendar));
    if (byDate.size >= MEMO_LIMIT) byDate.clear();
    byDate.set(date, intervals);
  }
  return intervals;
}

/**
 * The appointment times of a service at a place on a date, ignoring notice and horizon: within each opening
 * interval (holidays closed, pre-holiday days shortened, date overrides applied) a slot starts at the opening
 * and every duration + buffer after it, and must end (without its buffer) by the closing time.
 */
export function slotsOnDate(place: BookingPlace, service: BookableService, date: string, calendar: LatvianCalendar): Slot[] {
  if (!place.services.includes(service.id)) return [];
  const step = service.durationMinutes + service.bufferMinutes;
  const slots: Slot[] = [];
  for (const interval of placeIntervalsOn(place.hours, date, calendar)) {
    const closes = interval.end.toInstant();
    for (let start = interval.start.toInstant(); ; start = start.add({ minutes: step })) {
      const end = start.add({ minutes: service.durationMinutes });
      if (Temporal.Instant.compare(end, closes) > 0) break;
      slots.push({ start, end });
    }
  }
  return slots;
}

/**
 * The bookable slots from `from` to `to` (dates, both included) for a client booking at `now`: only days in
 * the booking window (minimum notice, horizon) and only slots that start after `now`.
 */
export function bookableSlots(
  place: BookingPlace,
  service: BookableService,
  range: { from: string; to: string },
  now: Temporal.Instant,
  rules: BookingRules,
  calendar: LatvianCalendar,
): Slot[] {
  const window = bookingWindow(now, rules, calendar);
  const from = range.from > window.earliest ? range.from : window.earliest;
  const to = range.to < window.latest ? range.to : window.latest;
  if (from > to) return [];
  return datesBetween(from, to).flatMap((date) =>
    slotsOnDate(place, service, date, calendar).filter((slot) => Temporal.Instant.compare(slot.start, now) > 0),
  );
}
