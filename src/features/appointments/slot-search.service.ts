import { Temporal } from 'temporal-polyfill';
import { bookingWindow, dayAvailability, datesBetween, nearestSlots, rigaDate, slotsOnDate, type DayAvailability } from '../../domain/booking/index.ts';
import type { LatvianCalendar } from '../../domain/calendar/index.ts';
import type { Database } from '../../platform/db/client.ts';
import type { AgencyProfile } from '../agencies/agency-profile.schema.ts';
import { capacityChanges, seatsLeft, type CapacityChangeRow } from './appointments.repository.ts';
import { capacityOn } from './capacity.ts';
import { bookingRulesOf, type Place, type Service } from './places.ts';
import { rigaIso, rigaStartOfDay, toDate } from './time-format.ts';

export type FreeSlot = { start: Temporal.Instant; end: Temporal.Instant; startMs: number; startIso: string; endIso: string; centre: string; service: string; free: number };
type DaySlot = { start: Temporal.Instant; end: Temporal.Instant; startMs: number; startMinute: number; startIso: string; endIso: string };

// A day's slots depend only on the place's hours, the service and the calendar: generated once per calendar
// version (the Temporal work and the ISO texts are the cost of a search), then reused by every search.
const daySlotCache = new WeakMap<LatvianCalendar, WeakMap<Place, Map<string, DaySlot[]>>>();
const CACHE_LIMIT_PER_PLACE = 5_000;

function daySlots(calendar: LatvianCalendar, place: Place, service: Service, date: string): DaySlot[] {
  let byPlace = daySlotCache.get(calendar);
  if (!byPlace) daySlotCache.set(calendar, (byPlace = new WeakMap()));
  let byKey = byPlace.get(place);
  if (!byKey) byPlace.set(place, (byKey = new Map()));
  const key = `${service.id}|${service.durationMinutes}|${service.bufferMinutes}|${date}`;
  let slots = byKey.get(key);
  if (!slots) {
    // A literal of one shape, not a spread: spread copies got a hidden class per day, and every search then
    // read them through a slow megamorphic lookup.
    slots = slotsOnDate(place, service, date, calendar).map(({ start, end }) => {
      const startMs = start.epochMilliseconds;
      return { start, end, startMs, startMinute: startMs / 60_000, startIso: rigaIso(start), endIso: rigaIso(end) };
    });
    if (byKey.size >= CACHE_LIMIT_PER_PLACE) byKey.clear();
    byKey.set(key, slots);
  }
  return slots;
}

/**
 * The free slots of a service from `from` to `to` (dates) at one place or at every place offering it:
 * generated from the hours and booking rules (working days, shortened days, minimum notice, horizon, only
 * after now), then reduced by the seats already taken (one query) and by closures and capacity changes.
 */
export async function freeSlots(
  db: Database,
  calendar: LatvianCalendar,
  now: Temporal.Instant,
  profile: AgencyProfile,
  service: Service,
  places: readonly Place[],
  range: { from: string; to: string },
): Promise<FreeSlot[]> {
  const offering = places.filter((p) => p.services.includes(service.id));
  const window = bookingWindow(now, bookingRulesOf(profile), calendar);
  const from = range.from > window.earliest ? range.from : window.earliest;
  const to = range.to < window.latest ? range.to : window.latest;
  if (from > to || offering.length === 0) return [];
  const ids = offering.map((p) => p.id);
  const fromInstant = toDate(rigaStartOfDay(from));
  const toInstant = toDate(rigaStartOfDay(Temporal.PlainDate.from(to).add({ days: 1 }).toString()));
  const [seats, changes] = await Promise.all([seatsLeft(db, profile.slug, service.id, ids, fromInstant, toInstant), capacityChanges(db, profile.slug, ids, from, to)]);
  return collectFreeSlots({ calendar, service, offering, dates: datesBetween(from, to), nowMs: now.epochMilliseconds, seats, changes });
}

/** The free slots once the seats are read, in time order: every slot of every place (thousands) is visited. */
function collectFreeSlots(input: {
  calendar: LatvianCalendar;
  service: Service;
  offering: readonly Place[];
  dates: readonly string[];
  nowMs: number;
  seats: Map<string, Map<number, number>>;
  changes: CapacityChangeRow[];
}): FreeSlot[] {
  const { calendar, service, offering, dates, nowMs, seats, changes } = input;
  const result: FreeSlot[] = [];
  for (const place of offering) {
    const seatsAtPlace = seats.get(place.id);
    for (const date of dates) {
      const slots = daySlots(calendar, place, service, date);
      if (slots.length === 0) continue;
      const capacity = changes.length === 0 ? place.seatsFor(service.id) : capacityOn(place, service.id, date, changes);
      for (const slot of slots) {
        if (slot.startMs <= nowMs) continue;
        const free = seatsAtPlace?.get(slot.startMinute) ?? capacity;
        if (free > 0) result.push({ start: slot.start, end: slot.end, startMs: slot.startMs, startIso: slot.startIso, endIso: slot.endIso, centre: place.id, service: service.id, free });
      }
    }
  }
  // Places are visited in profile order, so a stable sort by time keeps the same order between equal starts.
  // (By the plain number: the polyfill's Temporal getters made the sort most of a 30-centre search.)
  return result.sort((a, b) => a.startMs - b.startMs);
}

/** Up to `count` free slots of the service at the place nearest to the wanted start (±7 days searched). */
export async function nearestFreeSlots(
  db: Database,
  calendar: LatvianCalendar,
  now: Temporal.Instant,
  profile: AgencyProfile,
  service: Service,
  place: Place,
  wanted: Temporal.Instant,
  count = 5,
): Promise<FreeSlot[]> {
  const day = Temporal.PlainDate.from(rigaDate(wanted));
  const range = { from: day.subtract({ days: 7 }).toString(), to: day.add({ days: 7 }).toString() };
  const free = await freeSlots(db, calendar, now, profile, service, [place], range);
  return nearestSlots(free, wanted, count);
}


/**
 * Each day from `from` to `to` with its free times or the reason it has none (holiday, too soon, beyond the
 * horizon, closed, fully booked…): the free slots and capacity changes are read once, the reason is the
 * domain's `dayAvailability`. The public day and time steps, the staff booking page and rescheduling all ask this.
 */
export async function dayAvailabilities(
  db: Database,
  calendar: LatvianCalendar,
  now: Temporal.Instant,
  profile: AgencyProfile,
  service: Service,
  place: Place,
  range: { from: string; to: string },
): Promise<Array<{ date: string; availability: DayAvailability }>> {
  const [free, changes] = await Promise.all([
    freeSlots(db, calendar, now, profile, service, [place], range),
    capacityChanges(db, profile.slug, [place.id], range.from, range.to),
  ]);
  const freeByDay = new Map<string, number>();
  // startIso is Riga wall-clock time, so its first ten characters are the Riga date.
  for (const s of free) freeByDay.set(s.startIso.slice(0, 10), (freeByDay.get(s.startIso.slice(0, 10)) ?? 0) + 1);
  const rules = bookingRulesOf(profile);
  return datesBetween(range.from, range.to).map((date) => ({
    date,
    availability: dayAvailability({
      date,
      now,
      place,
      service,
      rules,
      calendar,
      seats: { capacity: changes.length === 0 ? place.seatsFor(service.id) : capacityOn(place, service.id, date, changes), free: freeByDay.get(date) ?? 0 },
    }),
  }));
}

/** One day's availability (see dayAvailabilities). */
export async function dayAvailabilityOf(db: Database, calendar: LatvianCalendar, now: Temporal.Instant, profile: AgencyProfile, service: Service, place: Place, date: string): Promise<DayAvailability> {
  const [day] = await dayAvailabilities(db, calendar, now, profile, service, place, { from: date, to: date });
  return day?.availability ?? { kind: 'past' };
}
