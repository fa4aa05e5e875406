export type { CalendarEntry, DayInfo, HolidayListItem, IsoDate, LocalizedText } from './types.ts';
export { easterSunday } from './easter.ts';
export {
  HOLIDAY_NAMES,
  HOLIDAYS_SOURCE,
  HOLIDAY_YEAR_MAX,
  HOLIDAY_YEAR_MIN,
  assertSupportedYear,
  statutoryHolidays,
} from './holidays.ts';
export type { StatutoryHoliday, StatutoryHolidayId } from './holidays.ts';
export { formatIsoDate, isIsoDate, parseIsoDate } from './iso-date.ts';
export { KNOWN_CALENDAR_ENTRIES } from './known-entries.ts';
export { LatvianCalendar } from './latvian-calendar.ts';
