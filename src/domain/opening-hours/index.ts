export { RIGA_TIME_ZONE, hoursOn, openIntervalsOn, weeklySummary } from './hours.ts';
export type { OpenInterval } from './hours.ts';
export { rigaDateAt, rigaIsoAt, rigaOffsetAt } from './riga-clock.ts';
export { SEARCH_HORIZON_DAYS, openingStatus } from './status.ts';
export { parseTimeRange } from './time-range.ts';
export { WEEKDAYS } from './types.ts';
export type {
  CalendarLookup,
  DayKind,
  HoursSpec,
  OpeningStatus,
  TimeRange,
  Weekday,
  WeeklySummaryGroup,
} from './types.ts';
