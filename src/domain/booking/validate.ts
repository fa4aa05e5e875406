import { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar } from '../calendar/index.ts';
import { placeIntervalsOn } from './slots.ts';
import type { BookableService, BookingPlace, BookingRules, SlotCheck } from './types.ts';
import { bookingWindow, rigaDate } from './window.ts';

/**
 * Whether a client may book `service` at `place` starting at `start`, asked at `now`. The first failing rule
 * gives the reason, in this order: service not offered, past, non-working day, outside hours, not a slot start,
 * inside the minimum notice, beyond the horizon.
 */
export function checkRequestedSlot(input: {
  place: BookingPlace;
  service: BookableService;
  start: Temporal.Instant;
  now: Temporal.Instant;
  rules: BookingRules;
  calendar: LatvianCalendar;
}): SlotCheck {
  const { place, service, start, now, rules, calendar } = input;
  if (!place.services.includes(service.id)) return { ok: false, reason: 'service-not-offered' };
  if (Temporal.Instant.compare(start, now) <= 0) return { ok: false, reason: 'past' };
  const date = rigaDate(start);
  const overridden = place.hours.dates?.[date] !== undefined;
  if (!overridden && !calendar.day(date).working && !(place.hours.openOnNonWorkingDays ?? false)) {
    return { ok: false, reason: 'non-working-day' };
  }
  // In epoch milliseconds (the precision appointments are stored at): Temporal objects for each comparison were
  // most of a booking's slot check (issue 18).
  const startMs = start.epochMilliseconds;
  const endMs = startMs + service.durationMinutes * 60_000;
  const interval = placeIntervalsOn(place.hours, date, calendar).find((iv) => iv.start.epochMilliseconds <= startMs && endMs <= iv.end.epochMilliseconds);
  if (!interval) return { ok: false, reason: 'outside-hours' };
  // Slots start at the opening and every duration + buffer after it (as slotsOnDate generates them).
  const stepMs = (service.durationMinutes + service.bufferMinutes) * 60_000;
  if ((startMs - interval.start.epochMilliseconds) % stepMs !== 0) return { ok: false, reason: 'not-slot-start' };
  const end = Temporal.Instant.fromEpochMilliseconds(endMs);
  const slot = { start, end };
  const window = bookingWindow(now, rules, calendar);
  if (date < window.earliest) return { ok: false, reason: 'min-notice' };
  if (date > window.latest) return { ok: false, reason: 'beyond-horizon' };
  return { ok: true, slot, date };
}
