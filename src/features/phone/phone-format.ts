import { Temporal } from 'temporal-polyfill';
import type { Language } from '../../platform/i18n/index.ts';

// Dates inside Latvian sentences take the case the sentence needs: "līdz" + dative ("līdz otrdienai,
// 17. novembrim, plkst. 16:15"), a time "when" in the locative ("otrdien, 17. novembrī, no 09:00 līdz 10:00").
const WEEKDAY_DATIVE = ['pirmdienai', 'otrdienai', 'trešdienai', 'ceturtdienai', 'piektdienai', 'sestdienai', 'svētdienai'];
const WEEKDAY_LOCATIVE = ['pirmdien', 'otrdien', 'trešdien', 'ceturtdien', 'piektdien', 'sestdien', 'svētdien'];
const MONTH_DATIVE = ['janvārim', 'februārim', 'martam', 'aprīlim', 'maijam', 'jūnijam', 'jūlijam', 'augustam', 'septembrim', 'oktobrim', 'novembrim', 'decembrim'];
const MONTH_LOCATIVE = ['janvārī', 'februārī', 'martā', 'aprīlī', 'maijā', 'jūnijā', 'jūlijā', 'augustā', 'septembrī', 'oktobrī', 'novembrī', 'decembrī'];
const WEEKDAY_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function riga(at: Temporal.Instant | Date): Temporal.ZonedDateTime {
  const instant = at instanceof Date ? Temporal.Instant.fromEpochMilliseconds(at.getTime()) : at;
  return instant.toZonedDateTimeISO('Europe/Riga');
}

function hhmm(z: Temporal.ZonedDateTime): string {
  return z.toPlainTime().toString({ smallestUnit: 'minute' });
}

/** For "līdz …" / "by …": "otrdienai, 17. novembrim, plkst. 16:15" / "Tuesday 17 November, 16:15". */
export function formatDeadline(at: Temporal.Instant | Date, lang: Language): string {
  const z = riga(at);
  if (lang === 'lv') return `${WEEKDAY_DATIVE[z.dayOfWeek - 1]}, ${z.day}. ${MONTH_DATIVE[z.month - 1]}, plkst. ${hhmm(z)}`;
  return `${WEEKDAY_EN[z.dayOfWeek - 1]} ${z.day} ${MONTH_EN[z.month - 1]}, ${hhmm(z)}`;
}

/** A window on one day: "otrdien, 17. novembrī, no 09:00 līdz 10:00" / "Tuesday 17 November, 09:00–10:00". */
export function formatWindow(from: Temporal.Instant | Date, to: Temporal.Instant | Date, lang: Language): string {
  const a = riga(from);
  const b = riga(to);
  if (lang === 'lv') return `${WEEKDAY_LOCATIVE[a.dayOfWeek - 1]}, ${a.day}. ${MONTH_LOCATIVE[a.month - 1]}, no ${hhmm(a)} līdz ${hhmm(b)}`;
  return `${WEEKDAY_EN[a.dayOfWeek - 1]} ${a.day} ${MONTH_EN[a.month - 1]}, ${hhmm(a)}–${hhmm(b)}`;
}

/** "3 min 05 s" style handling time. */
export function minutesSeconds(seconds: number): { minutes: number; seconds: string } {
  const whole = Math.round(seconds);
  return { minutes: Math.floor(whole / 60), seconds: String(whole % 60).padStart(2, '0') };
}
