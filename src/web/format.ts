import { Temporal } from 'temporal-polyfill';
import type { Language, Translate } from '../platform/i18n/index.ts';
import { onDayPhrase } from '../domain/latvian-text/index.ts';
import { rigaDateAt, type Weekday, type WeeklySummaryGroup } from '../domain/opening-hours/index.ts';

const LOCALES: Record<Language, string> = { lv: 'lv-LV', en: 'en-GB' };
const ZONE = 'Europe/Riga';

// Building an Intl.DateTimeFormat costs far more than using one (a 50-row inbox formats 150 dates): one per shape.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(LOCALES[lang], options);
    formatters.set(key, cached);
  }
  return cached;
}

const MOMENT: Intl.DateTimeFormatOptions = { timeZone: ZONE, weekday: 'long', day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' };
const DATE: Intl.DateTimeFormatOptions = { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' };
const DATE_WITH_WEEKDAY: Intl.DateTimeFormatOptions = { ...DATE, weekday: 'long' };

/** "08:30" from an ISO moment, in Riga time. */
export function formatTime(iso: string): string {
  const zdt = Temporal.ZonedDateTime.from(iso.includes('[') ? iso : `${iso}[${ZONE}]`);
  return zdt.toPlainTime().toString({ smallestUnit: 'minute' });
}

/** "pirmdiena, 23. novembris, 08:30" / "Monday 23 November, 08:30". */
export function formatMoment(iso: string, lang: Language): string {
  const date = new Date(Temporal.Instant.from(iso).epochMilliseconds);
  return formatter(lang, MOMENT).format(date);
}

/**
 * A moment inside a sentence ("atvērsies …"): "pirmdien, 23. novembrī, plkst. 08:30" in Latvian (the weekday as an
 * adverb, the month in the locative; Intl's nominative "pirmdiena, 23. novembris" reads wrong there) / "Monday 23 November, 08:30".
 */
export function formatMomentInSentence(iso: string, lang: Language): string {
  if (lang === 'en') return formatMoment(iso, lang);
  const riga = Temporal.Instant.from(iso).toZonedDateTimeISO(ZONE);
  return `${onDayPhrase(riga.toPlainDate().toString())}, plkst. ${riga.toPlainTime().toString({ smallestUnit: 'minute' })}`;
}

/** "2026. gada 23. novembris" / "23 November 2026", for a 'YYYY-MM-DD' date. */
export function formatDate(isoDate: string, lang: Language, withWeekday = false): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12));
  return formatter(lang, withWeekday ? DATE_WITH_WEEKDAY : DATE).format(date);
}

export function weekdayOf(isoDate: string, t: Translate): string {
  const keys: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
  const dayOfWeek = Temporal.PlainDate.from(isoDate).dayOfWeek;
  return t(`weekdays.${keys[dayOfWeek - 1] ?? 'mon'}`);
}

/** "pirmdiena–ceturtdiena: 08:30–17:15". */
export function formatWeeklyGroup(group: WeeklySummaryGroup, t: Translate): string {
  const first = group.days[0];
  const last = group.days[group.days.length - 1];
  if (!first || !last) return '';
  const days = first === last ? t(`weekdays.${first}`) : `${t(`weekdays.${first}`)}–${t(`weekdays.${last}`)}`;
  const ranges = group.ranges.map((r) => `${r.open}–${r.close}`).join(', ');
  return `${days}: ${ranges}`;
}

/** The Riga calendar date of an instant, written out ("2026. gada 23. novembris" / "23 November 2026"). */
export function formatRigaDate(at: Date, lang: Language): string {
  return formatDate(rigaDateAt(at.getTime()), lang);
}

const RIGA_MOMENT_SECONDS: Intl.DateTimeFormatOptions = { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' };

/** "19.11.2026. 10:00:05" in Riga time (the audit log: exact, compact, never UTC). */
export function formatRigaMoment(at: Date, lang: Language): string {
  return formatter(lang, RIGA_MOMENT_SECONDS).format(at);
}

/** A file's size as people read it: "820 B", "12 KB", "1,4 MB" (Latvian decimal comma). */
export function formatFileSize(bytes: number, lang: Language): string {
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number.format(bytes / 1024)} KB`;
  return `${number.format(bytes / 1024 / 1024)} MB`;
}
