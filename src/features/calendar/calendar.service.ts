import { withTransaction } from '../../platform/db/transaction.ts';
import { Temporal } from 'temporal-polyfill';
import {
  HOLIDAY_YEAR_MAX,
  HOLIDAY_YEAR_MIN,
  KNOWN_CALENDAR_ENTRIES,
  LatvianCalendar,
  type DayInfo,
  type HolidayListItem,
  type IsoDate,
  type LocalizedText,
} from '../../domain/calendar/index.ts';
import {
  computeTerm,
  TermRuleDisabledError,
  TermRuleNotInForceError,
  TermRuleOptionRequiredError,
  UnknownTermRuleError,
  type TermResult,
  type TermRuleId,
} from '../../domain/terms/index.ts';
import type { AppDeps, ServiceDeps } from '../../platform/deps.ts';
import { claimSetting } from '../../platform/settings.repository.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/problem.ts';
import { insertCalendarEntriesIfAbsent, listCalendarEntries, toCalendarEntry } from './calendar.repository.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';

/**
 * How long a process may use the calendar it read before reading the table again. Changes made in this process
 * are seen at once (calendarChanged); another process's changes (the import CLI, a second app process) within
 * this time. The table is small, but reading it on every booking was one of its few round trips.
 */
export const CALENDAR_MAX_AGE_MS = 2_000;

type LoadedCalendar = { signature: string; calendar: LatvianCalendar; loadedAt: number; generation: number };
const loaded = new WeakMap<Database, LoadedCalendar>();
const reading = new WeakMap<Database, { calendar: Promise<LatvianCalendar>; generation: number }>();
let generation = 0;

/**
 * The agency calendar from the current table, read again when older than `maxAgeMs`, per database handle.
 * Callers arriving while the table is being read share that read: 200 bookings at a process's start each built
 * the calendar's year tables (30 ms each) before this.
 */
export async function loadCalendar(deps: Pick<ServiceDeps, 'db'>, maxAgeMs = CALENDAR_MAX_AGE_MS): Promise<LatvianCalendar> {
  const cached = loaded.get(deps.db);
  if (cached && cached.generation === generation && performance.now() - cached.loadedAt < maxAgeMs) return cached.calendar;
  const pending = reading.get(deps.db);
  if (pending?.generation === generation) return pending.calendar;
  const calendar = readCalendar(deps.db, cached).finally(() => {
    if (reading.get(deps.db)?.calendar === calendar) reading.delete(deps.db);
  });
  reading.set(deps.db, { calendar, generation });
  return calendar;
}

async function readCalendar(db: Database, cached: LoadedCalendar | undefined): Promise<LatvianCalendar> {
  const readAt = { loadedAt: performance.now(), generation };
  const entries = (await listCalendarEntries(db)).map(toCalendarEntry);
  // The built calendar memoises its years: keep it while the table's content is unchanged.
  const signature = JSON.stringify(entries);
  const calendar = cached?.signature === signature ? cached.calendar : new LatvianCalendar(entries);
  loaded.set(db, { signature, calendar, ...readAt });
  return calendar;
}

/** Called after this process changed the calendar table: the next loadCalendar reads it again. */
export function calendarChanged(): void {
  generation++;
}

/** Seeds the known one-off holidays and Cabinet-order transfers once; later edits are the administrators'. */
export async function seedKnownCalendarEntries(deps: Pick<ServiceDeps, 'db'>): Promise<void> {
  await withTransaction(deps.db, async (db) => {
    if (await claimSetting(db, 'calendar_seeded', new Date().toISOString())) {
      await insertCalendarEntriesIfAbsent(db, KNOWN_CALENDAR_ENTRIES);
    }
  });
  calendarChanged();
}

/** Every day from `from` to `to` (both included; the range is validated by the route schema). */
export async function getCalendarDays(deps: Pick<ServiceDeps, 'db'>, from: IsoDate, to: IsoDate): Promise<DayInfo[]> {
  return (await loadCalendar(deps)).days(from, to);
}

export type ShortenedDay = { date: IsoDate; before: LocalizedText | null };
export type WorkedDay = { date: IsoDate; replaces: IsoDate };
export type CalendarYear = { year: number; holidays: HolidayListItem[]; shortened: ShortenedDay[]; worked: WorkedDay[] };

function nextDay(date: IsoDate): IsoDate {
  return Temporal.PlainDate.from(date).add({ days: 1 }).toString();
}

/** The holiday the shortened day comes before: the next day, or for a worked Saturday the day after the one it replaces. */
function holidayAfter(calendar: LatvianCalendar, day: DayInfo): LocalizedText | null {
  const after = (date: IsoDate) => {
    const next = nextDay(date);
    return Number(next.slice(0, 4)) > HOLIDAY_YEAR_MAX ? null : calendar.day(next).holiday;
  };
  return after(day.date) ?? (day.replaces ? after(day.replaces) : null);
}

/** What the public calendar page shows for one year. */
export async function getCalendarYear(deps: Pick<ServiceDeps, 'db'>, year: number): Promise<CalendarYear> {
  const calendar = await loadCalendar(deps);
  const days = calendar.days(`${year}-01-01`, `${year}-12-31`);
  return {
    year,
    holidays: calendar.holidaysOf(year),
    shortened: days.filter((d) => d.shortened).map((d) => ({ date: d.date, before: holidayAfter(calendar, d) })),
    worked: days.flatMap((d) => (d.replaces ? [{ date: d.date, replaces: d.replaces }] : [])),
  };
}

function fieldError(field: string, code: string, messageKey: MessageKey, values?: Record<string, unknown>): AppError {
  return new AppError(400, 'validation', 'errors.validation', {}, [{ field, code, messageKey, ...(values ? { values } : {}) }]);
}

export type DeadlineQuery = { rule: TermRuleId; from: IsoDate; agency?: string | undefined };

/** The statutory deadline of `rule` for something received on `from`; bad input is a 400 with a field error. */
export async function getDeadline(
  deps: Pick<AppDeps, 'db' | 'agencies'>,
  query: DeadlineQuery,
): Promise<TermResult & { agency: string | null }> {
  let minNoticeWorkingDays: number | undefined;
  const slug = query.agency ?? null;
  if (query.rule === 'appointment.minNotice') {
    if (!slug) throw fieldError('agency', 'required', 'calendar.errors.agencyRequired');
    const profile = deps.agencies.get(slug);
    if (!profile) throw fieldError('agency', 'unknown_agency', 'calendar.errors.agencyUnknown', { slug });
    minNoticeWorkingDays = profile.booking.minNoticeWorkingDays;
  }
  const calendar = await loadCalendar(deps);
  try {
    const result = computeTerm(query.rule, query.from, calendar, minNoticeWorkingDays === undefined ? {} : { minNoticeWorkingDays });
    return { ...result, agency: query.rule === 'appointment.minNotice' ? slug : null };
  } catch (error) {
    throw termError(error, query);
  }
}

function termError(error: unknown, query: DeadlineQuery): unknown {
  const values = { rule: query.rule, date: query.from };
  if (error instanceof TermRuleNotInForceError) return fieldError('from', 'rule_not_in_force', 'calendar.errors.ruleNotInForce', values);
  if (error instanceof TermRuleDisabledError) return fieldError('rule', 'rule_disabled', 'calendar.errors.ruleDisabled', values);
  if (error instanceof TermRuleOptionRequiredError) return fieldError('agency', 'required', 'calendar.errors.agencyRequired');
  if (error instanceof UnknownTermRuleError) return fieldError('rule', 'unknown_rule', 'calendar.errors.unknownRule', { values: query.rule });
  // The period runs past the last year the holiday rules are defined for.
  if (error instanceof RangeError) {
    return fieldError('from', 'outside_calendar', 'calendar.errors.outsideCalendar', { min: HOLIDAY_YEAR_MIN, max: HOLIDAY_YEAR_MAX });
  }
  return error;
}
