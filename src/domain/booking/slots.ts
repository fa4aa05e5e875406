import { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../calendar/index.ts';
import { openIntervalsOn, type CalendarLookup } from '../opening-hours/index.ts';
import type { BookableService, BookingPlace, BookingRules, Slot } from './types.ts';
import { bookingWindow, datesBetween } from './window.ts';

/** The calendar as the opening-hours rules read it. */
export function calendarLookup(calendar: LatvianCalendar): CalendarLookup {
  return (date) => calendar.day(date);
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
  for (const interval of openIntervalsOn(place.hours, date, calendarLookup(calendar))) {
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
