export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** 'HH:MM' wall-clock times in Europe/Riga; open < close. close may be '24:00' (end of the day). */
export type TimeRange = { open: string; close: string };

export type HoursSpec = {
  /** The regular week. A missing or empty day is closed. */
  weekly: Partial<Record<Weekday, TimeRange[]>>;
  /** Explicit hours for a date 'YYYY-MM-DD' ([] = closed). Wins over everything, shortening included. */
  dates?: Record<string, TimeRange[]>;
  /** Default true: Labour Law s.135 — on a shortened day the day's last range closes one hour earlier. */
  shortenBeforeHolidays?: boolean;
  /** Default false: days the calendar marks non-working (weekends, holidays, days off) are closed. */
  openOnNonWorkingDays?: boolean;
};

/**
 * One day of the agency calendar (injected). `replaces` is set on a transferred working Saturday and names
 * the weekday it stands for — as a date 'YYYY-MM-DD' (e.g. '2026-06-22') or a weekday ('mon').
 */
export type DayKind = { working: boolean; shortened: boolean; replaces: string | null };
export type CalendarLookup = (date: string) => DayKind;

export type OpeningStatus = {
  openNow: boolean;
  /** When open: the moment it next closes (contiguous ranges merged); null if it does not close within the horizon. */
  closesAt: string | null;
  /** When closed: the start of the next opening within 366 days; null if none. */
  nextOpening: string | null;
  /** closesAt when open, nextOpening when closed. */
  nextChange: string | null;
};

export type WeeklySummaryGroup = { days: Weekday[]; ranges: TimeRange[] };
