// Statutory public holidays: law «Par svētku, atceres un atzīmējamām dienām», section 1 (see LEGAL.md).
import { Temporal } from 'temporal-polyfill';
import { easterSunday } from './easter.ts';
import { formatIsoDate, parseIsoDate } from './iso-date.ts';
import type { IsoDate, LocalizedText } from './types.ts';

export const HOLIDAY_YEAR_MIN = 1990;
export const HOLIDAY_YEAR_MAX = 2100;
export const HOLIDAYS_SOURCE = 'Likums «Par svētku, atceres un atzīmējamām dienām», 1. pants';

export type StatutoryHolidayId =
  | 'new-year'
  | 'good-friday'
  | 'easter-sunday'
  | 'easter-monday'
  | 'labour-day'
  | 'independence-restoration'
  | 'mothers-day'
  | 'whit-sunday'
  | 'ligo'
  | 'jani'
  | 'proclamation'
  | 'christmas-eve'
  | 'christmas'
  | 'second-christmas'
  | 'new-years-eve';

export type StatutoryHoliday = {
  id: StatutoryHolidayId;
  date: IsoDate;
  name: LocalizedText;
  /** On Sat/Sun the next working day becomes a day off. */
  movesOnWeekend: boolean;
};

export const HOLIDAY_NAMES: Readonly<Record<StatutoryHolidayId, LocalizedText>> = {
  'new-year': { lv: 'Jaunais gads', en: "New Year's Day" },
  'good-friday': { lv: 'Lielā piektdiena', en: 'Good Friday' },
  'easter-sunday': { lv: 'Lieldienas', en: 'Easter Sunday' },
  'easter-monday': { lv: 'Otrās Lieldienas', en: 'Easter Monday' },
  'labour-day': {
    lv: 'Darba svētki, Latvijas Republikas Satversmes sapulces sasaukšanas diena',
    en: 'Labour Day, Convocation Day of the Constituent Assembly of the Republic of Latvia',
  },
  'independence-restoration': {
    lv: 'Latvijas Republikas Neatkarības deklarācijas pasludināšanas diena',
    en: 'Day of the Declaration of Independence of the Republic of Latvia',
  },
  'mothers-day': { lv: 'Mātes diena', en: "Mother's Day" },
  'whit-sunday': { lv: 'Vasarsvētki', en: 'Whit Sunday' },
  'ligo': { lv: 'Līgo diena', en: 'Midsummer Eve (Līgo Day)' },
  'jani': { lv: 'Jāņu diena', en: 'Midsummer Day (Jāņi)' },
  'proclamation': {
    lv: 'Latvijas Republikas proklamēšanas diena',
    en: 'Proclamation Day of the Republic of Latvia',
  },
  'christmas-eve': { lv: 'Ziemassvētku vakars', en: 'Christmas Eve' },
  'christmas': { lv: 'Ziemassvētki', en: 'Christmas Day' },
  'second-christmas': { lv: 'Otrie Ziemassvētki', en: 'Second Day of Christmas' },
  'new-years-eve': { lv: 'Vecgada diena', en: "New Year's Eve" },
};

export function assertSupportedYear(year: number): void {
  if (!Number.isInteger(year) || year < HOLIDAY_YEAR_MIN || year > HOLIDAY_YEAR_MAX) {
    throw new RangeError(
      `Latvian holidays are defined for years ${HOLIDAY_YEAR_MIN}–${HOLIDAY_YEAR_MAX}, got ${year}`,
    );
  }
}

/** The statutory public holidays of a year, sorted by date (two may share a date, e.g. 2008-05-11). */
export function statutoryHolidays(year: number): StatutoryHoliday[] {
  assertSupportedYear(year);
  const easter = parseIsoDate(easterSunday(year));
  const fixed = (month: number, day: number) => formatIsoDate(Temporal.PlainDate.from({ year, month, day }));
  const fromEaster = (days: number) => formatIsoDate(easter.add({ days }));
  const firstOfMay = Temporal.PlainDate.from({ year, month: 5, day: 1 });
  const mothersDay = firstOfMay.add({ days: ((7 - firstOfMay.dayOfWeek) % 7) + 7 });

  const list: Array<[StatutoryHolidayId, IsoDate, boolean] | null> = [
    ['new-year', fixed(1, 1), false],
    ['good-friday', fromEaster(-2), false],
    ['easter-sunday', fromEaster(0), false],
    ['easter-monday', fromEaster(1), false],
    ['labour-day', fixed(5, 1), false],
    year >= 2002 ? ['independence-restoration', fixed(5, 4), year >= 2008] : null,
    ['mothers-day', formatIsoDate(mothersDay), false],
    ['whit-sunday', fromEaster(49), false],
    ['ligo', fixed(6, 23), false],
    ['jani', fixed(6, 24), false],
    ['proclamation', fixed(11, 18), year >= 2007],
    year >= 2007 ? ['christmas-eve', fixed(12, 24), false] : null,
    ['christmas', fixed(12, 25), false],
    ['second-christmas', fixed(12, 26), false],
    ['new-years-eve', fixed(12, 31), false],
  ];
  return list
    .filter((item): item is [StatutoryHolidayId, IsoDate, boolean] => item !== null)
    .map(([id, date, movesOnWeekend]) => ({ id, date, name: HOLIDAY_NAMES[id], movesOnWeekend }))
    .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}
