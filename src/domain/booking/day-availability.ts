import type { Temporal } from 'temporal-polyfill';
import type { LatvianCalendar, LocalizedText } from '../calendar/index.ts';
import { WEEKDAYS, type Weekday } from '../opening-hours/index.ts';
import { placeIntervalsOn, slotsOnDate } from './slots.ts';
import type { BookableService, BookingPlace, BookingRules } from './types.ts';
import { bookingWindow } from './window.ts';

/**
 * Whether a day offers free times and, when it does not, the one reason a client or a specialist is told.
 * `today` is the Riga date the rule was asked on (to leave the year out of a date in the same year).
 */
export type DayAvailability =
  | { kind: 'available'; free: number }
  /** The place does not offer the service at all. */
  | { kind: 'service-not-offered' }
  /** A day before today. */
  | { kind: 'past' }
  /** A public holiday or a day off by law or Cabinet order, named as the calendar names it. */
  | { kind: 'holiday'; name: LocalizedText }
  /** The place is never open on this weekday (the regular week; weekends when it does not work on non-working days). */
  | { kind: 'closed-weekday'; weekday: Weekday }
  /** The place's hours close this date only (a date override), or the agency closed it (capacity 0). */
  | { kind: 'closed-date' }
  /** Inside the minimum notice: the earliest bookable day is `earliest`. */
  | { kind: 'min-notice'; workingDays: number; earliest: string; today: string }
  /** After the booking horizon: the last bookable day is `latest`. */
  | { kind: 'beyond-horizon'; horizonDays: number; latest: string; today: string }
  /** Today, and every time of the day has already begun. */
  | { kind: 'day-over' }
  /** Every time of the day is taken. */
  | { kind: 'fully-booked' };

export type DayAvailabilityKind = DayAvailability['kind'];

/** The seats of the day as the caller read them: seats per slot after closures and capacity changes, and free slots starting after now. */
export type DaySeats = { capacity: number; free: number };

/**
 * Why a day has no free times (or that it has some). The first rule that applies gives the reason, in this
 * order: service not offered, past, closed (date override, holiday or day off, weekly closure), minimum notice,
 * horizon, closed by the agency (capacity 0), today's times all begun, free times, fully booked.
 * Pure: the seats are read by the caller, the time is `now`.
 */
export function dayAvailability(input: {
  date: string;
  now: Temporal.Instant;
  place: BookingPlace;
  service: BookableService;
  rules: BookingRules;
  calendar: LatvianCalendar;
  seats: DaySeats;
}): DayAvailability {
  const { date, now, place, service, rules, calendar, seats } = input;
  if (!place.services.includes(service.id)) return { kind: 'service-not-offered' };
  const window = bookingWindow(now, rules, calendar);
  if (date < window.today) return { kind: 'past' };
  const slots = slotsOnDate(place, service, date, calendar);
  if (slots.length === 0) return closedReason(place, date, calendar);
  if (date < window.earliest) return { kind: 'min-notice', workingDays: rules.minNoticeWorkingDays, earliest: window.earliest, today: window.today };
  if (date > window.latest) return { kind: 'beyond-horizon', horizonDays: rules.horizonDays, latest: window.latest, today: window.today };
  if (seats.capacity <= 0) return { kind: 'closed-date' };
  if (date === window.today && slots.every((s) => s.start.epochMilliseconds <= now.epochMilliseconds)) return { kind: 'day-over' };
  if (seats.free > 0) return { kind: 'available', free: seats.free };
  return { kind: 'fully-booked' };
}

/** Why a place has no times at all on a date. */
function closedReason(place: BookingPlace, date: string, calendar: LatvianCalendar): DayAvailability {
  if (place.hours.dates?.[date] !== undefined) return { kind: 'closed-date' };
  const day = calendar.day(date);
  const weekday = WEEKDAYS[weekdayIndex(date)] as Weekday;
  const opensOnNonWorkingDays = place.hours.openOnNonWorkingDays ?? false;
  if (!day.working && !opensOnNonWorkingDays && (day.holiday ?? day.dayOff)) return { kind: 'holiday', name: (day.holiday ?? day.dayOff) as LocalizedText };
  const weekly = place.hours.weekly[weekday] ?? [];
  if (weekly.length === 0 || (!day.working && !opensOnNonWorkingDays)) return { kind: 'closed-weekday', weekday };
  // Open that weekday, but no interval long enough for the service (or a worked Saturday's replaced hours).
  return placeIntervalsOn(place.hours, date, calendar).length === 0 ? { kind: 'closed-weekday', weekday } : { kind: 'closed-date' };
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay() + 6) % 7;
}
