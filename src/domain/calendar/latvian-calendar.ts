// Working-day calendar of Latvian state-budget institutions (see LEGAL.md). Pure and memoised per year.
import { Temporal } from 'temporal-polyfill';
import { HOLIDAY_YEAR_MIN, assertSupportedYear, statutoryHolidays } from './holidays.ts';
import { formatIsoDate, isWeekend, parseIsoDate } from './iso-date.ts';
import type { CalendarEntry, DayInfo, HolidayListItem, IsoDate, LocalizedText } from './types.ts';

// Dates whose day is remembered per calendar (a bounded memo: a few years of dates).
const DAY_MEMO_LIMIT = 5_000;

type HolidayRecord = { names: LocalizedText[]; moving: LocalizedText[] };

function joinNames(names: readonly LocalizedText[]): LocalizedText {
  return Object.freeze({ lv: names.map((n) => n.lv).join('; '), en: names.map((n) => n.en).join('; ') });
}

function compensatoryName(holiday: LocalizedText): LocalizedText {
  return Object.freeze({
    lv: `Brīvdiena, jo svētku diena «${holiday.lv}» iekrīt sestdienā vai svētdienā`,
    en: `Day off in lieu of “${holiday.en}”, which falls on a weekend`,
  });
}

function assertCount(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working-day count must be an integer ≥ 0, got ${n}`);
}

export class LatvianCalendar {
  readonly #holidayEntries: Array<{ date: IsoDate; name: LocalizedText; movesOnWeekend: boolean }> = [];
  readonly #dayOffEntries = new Map<IsoDate, LocalizedText>();
  readonly #workingDayEntries = new Map<IsoDate, IsoDate>();
  readonly #holidayCache = new Map<number, Map<IsoDate, HolidayRecord>>();
  readonly #compensatoryCache = new Map<number, Map<IsoDate, LocalizedText>>();
  readonly #yearCache = new Map<number, readonly DayInfo[]>();
  readonly #dayByIso = new Map<IsoDate, DayInfo>();

  constructor(entries: readonly CalendarEntry[] = []) {
    for (const entry of entries) {
      const date = parseIsoDate(entry.date, `${entry.kind} entry date`);
      const iso = formatIsoDate(date);
      if (entry.kind === 'holiday') {
        this.#holidayEntries.push({ date: iso, name: Object.freeze({ ...entry.name }), movesOnWeekend: entry.movesOnWeekend });
      } else if (entry.kind === 'day-off') {
        this.#dayOffEntries.set(iso, Object.freeze({ ...entry.name }));
      } else {
        const replaces = parseIsoDate(entry.replaces, `working-day entry ${iso} replaces`);
        if (!isWeekend(date)) throw new RangeError(`working-day entry ${iso} must fall on a Saturday or Sunday`);
        this.#workingDayEntries.set(iso, formatIsoDate(replaces));
      }
    }
  }

  day(date: IsoDate): DayInfo {
    // Every booking and every slot search asks for the same few weeks: remembered by the date's text, so the
    // parse into a PlainDate (most of the cost) runs once per date. A wrong date throws and is not remembered.
    let info = this.#dayByIso.get(date);
    if (!info) {
      info = this.#info(parseIsoDate(date));
      if (this.#dayByIso.size >= DAY_MEMO_LIMIT) this.#dayByIso.clear();
      this.#dayByIso.set(date, info);
    }
    return info;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(date).working;
  }

  /** The n-th working day strictly after `date`; n = 0 returns `date` itself. */
  addWorkingDays(date: IsoDate, n: number): IsoDate {
    assertCount(n);
    let current = parseIsoDate(date);
    for (let left = n; left > 0; ) {
      current = current.add({ days: 1 });
      if (this.#info(current).working) left--;
    }
    return formatIsoDate(current);
  }

  /** Working days d with from < d ≤ to; 0 when to ≤ from. */
  countWorkingDays(from: IsoDate, to: IsoDate): number {
    let current = parseIsoDate(from, 'from');
    const end = parseIsoDate(to, 'to');
    let count = 0;
    while (Temporal.PlainDate.compare(current, end) < 0) {
      current = current.add({ days: 1 });
      if (this.#info(current).working) count++;
    }
    return count;
  }

  /** `date` itself when it is a working day, otherwise the next working day. */
  nextWorkingDay(date: IsoDate): IsoDate {
    let current = parseIsoDate(date);
    while (!this.#info(current).working) current = current.add({ days: 1 });
    return formatIsoDate(current);
  }

  /** Public holidays and weekday days off (compensatory or Cabinet order) of a year, sorted by date. */
  holidaysOf(year: number): HolidayListItem[] {
    assertSupportedYear(year);
    const items: HolidayListItem[] = [];
    for (const [date, record] of this.#holidays(year)) {
      for (const name of record.names) items.push({ date, name, kind: 'holiday' });
    }
    for (const info of this.#yearTable(year)) {
      if (info.dayOff) items.push({ date: info.date, name: info.dayOff, kind: 'day-off' });
    }
    return items.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  /** DayInfo for every date from `from` to `to`, both inclusive; empty when to < from. */
  days(from: IsoDate, to: IsoDate): DayInfo[] {
    let current = parseIsoDate(from, 'from');
    const end = parseIsoDate(to, 'to');
    const result: DayInfo[] = [];
    while (Temporal.PlainDate.compare(current, end) <= 0) {
      result.push(this.#info(current));
      current = current.add({ days: 1 });
    }
    return result;
  }

  #info(date: Temporal.PlainDate): DayInfo {
    const info = this.#yearTable(date.year)[date.dayOfYear - 1];
    if (!info) throw new Error(`Calendar table for ${date.year} has no day ${date.dayOfYear}`);
    return info;
  }

  #yearTable(year: number): readonly DayInfo[] {
    const cached = this.#yearCache.get(year);
    if (cached) return cached;
    assertSupportedYear(year);
    const table: DayInfo[] = [];
    const first = Temporal.PlainDate.from({ year, month: 1, day: 1 });
    for (let i = 0; i < first.daysInYear; i++) table.push(this.#computeDay(first.add({ days: i })));
    const frozen = Object.freeze(table);
    this.#yearCache.set(year, frozen);
    return frozen;
  }

  #computeDay(date: Temporal.PlainDate): DayInfo {
    const iso = formatIsoDate(date);
    const holiday = this.#holidays(date.year).get(iso);
    const cabinetDayOff = this.#dayOffEntries.get(iso);
    const replaces = this.#workingDayEntries.get(iso) ?? null;
    const compensatory = this.#compensatoryOn(iso, date.year);
    const working = !holiday && !cabinetDayOff && !compensatory && (replaces !== null || !isWeekend(date));
    const shortened =
      working &&
      (this.#isHoliday(date.add({ days: 1 })) ||
        // A worked Saturday keeps the status of the day it replaces (Labour Law s.135, LEGAL.md).
        (replaces !== null && this.#isHoliday(parseIsoDate(replaces).add({ days: 1 }))));
    return Object.freeze({
      date: iso,
      working,
      holiday: holiday ? joinNames(holiday.names) : null,
      dayOff: holiday ? null : (cabinetDayOff ?? compensatory ?? null),
      shortened,
      transferred: cabinetDayOff !== undefined || replaces !== null,
      replaces,
    });
  }

  #isHoliday(date: Temporal.PlainDate): boolean {
    return this.#holidays(date.year).has(formatIsoDate(date));
  }

  #holidays(year: number): Map<IsoDate, HolidayRecord> {
    const cached = this.#holidayCache.get(year);
    if (cached) return cached;
    const map = new Map<IsoDate, HolidayRecord>();
    const add = (date: IsoDate, name: LocalizedText, moves: boolean) => {
      const record = map.get(date) ?? { names: [], moving: [] };
      record.names.push(name);
      if (moves) record.moving.push(name);
      map.set(date, record);
    };
    for (const h of statutoryHolidays(year)) add(h.date, h.name, h.movesOnWeekend);
    for (const e of this.#holidayEntries) {
      if (e.date.startsWith(`${year}-`)) add(e.date, e.name, e.movesOnWeekend);
    }
    const sorted = new Map([...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    this.#holidayCache.set(year, sorted);
    return sorted;
  }

  /** Working status ignoring compensatory days off (which are derived from it). */
  #baseWorking(date: Temporal.PlainDate): boolean {
    const iso = formatIsoDate(date);
    if (this.#holidays(date.year).has(iso) || this.#dayOffEntries.has(iso)) return false;
    return this.#workingDayEntries.has(iso) || !isWeekend(date);
  }

  /** Compensatory days off caused by weekend holidays of `year` (they may fall early in year + 1). */
  #compensatoryFrom(year: number): Map<IsoDate, LocalizedText> {
    const cached = this.#compensatoryCache.get(year);
    if (cached) return cached;
    const result = new Map<IsoDate, LocalizedText>();
    const taken = new Set(year > HOLIDAY_YEAR_MIN ? this.#compensatoryFrom(year - 1).keys() : []);
    for (const [iso, record] of this.#holidays(year)) {
      const date = parseIsoDate(iso);
      const moving = record.moving[0];
      if (!moving || !isWeekend(date)) continue;
      let candidate = date.add({ days: 1 });
      while (!this.#baseWorking(candidate) || taken.has(formatIsoDate(candidate))) candidate = candidate.add({ days: 1 });
      const candidateIso = formatIsoDate(candidate);
      taken.add(candidateIso);
      result.set(candidateIso, compensatoryName(moving));
    }
    this.#compensatoryCache.set(year, result);
    return result;
  }

  #compensatoryOn(iso: IsoDate, year: number): LocalizedText | undefined {
    return this.#compensatoryFrom(year).get(iso) ?? (year > HOLIDAY_YEAR_MIN ? this.#compensatoryFrom(year - 1).get(iso) : undefined);
  }
}
