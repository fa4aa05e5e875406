/** A calendar date as an ISO 8601 string 'YYYY-MM-DD'. */
export type IsoDate = string;

export type LocalizedText = { lv: string; en: string };

/** Calendar data that changes by law or Cabinet order; passed in, never hard-coded in the rules. */
export type CalendarEntry =
  /** A one-off holiday or a Song and Dance Festival closing day; movesOnWeekend: true → the next working day is a day off when it falls on Sat/Sun. */
  | { kind: 'holiday'; date: IsoDate; name: LocalizedText; movesOnWeekend: boolean; source: string }
  /** A working day made free by a Cabinet order. */
  | { kind: 'day-off'; date: IsoDate; name: LocalizedText; source: string }
  /** A Saturday worked instead of `replaces`. */
  | { kind: 'working-day'; date: IsoDate; replaces: IsoDate; name: LocalizedText; source: string };

export type DayInfo = {
  date: IsoDate;
  working: boolean;
  /** Name of the public holiday on this date (several names joined with '; '), or null. */
  holiday: LocalizedText | null;
  /** Reason for a non-holiday weekday off (compensatory day or Cabinet order), or null. */
  dayOff: LocalizedText | null;
  /** Working day shortened by one hour before a public holiday (Labour Law s.135). */
  shortened: boolean;
  /** True for a Cabinet-order day off and for a worked Saturday. */
  transferred: boolean;
  /** For a worked Saturday: the weekday it stands for. */
  replaces: IsoDate | null;
};

export type HolidayListItem = { date: IsoDate; name: LocalizedText; kind: 'holiday' | 'day-off' };
