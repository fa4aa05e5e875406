// Dates inside Latvian sentences take the case the sentence needs: "spēkā no 2025. gada 1. janvāra"
// (genitive), "līdz 2026. gada 18. decembrim" (dative), "atvērsies pirmdien, 7. decembrī" (locative).
// Intl gives only the nominative ("1. janvāris"), which reads wrong after a preposition.

export type DateCase = 'nominative' | 'genitive' | 'dative' | 'locative';

/** Month forms by case: [nominative, genitive, dative, locative]. */
const MONTHS: ReadonlyArray<readonly [string, string, string, string]> = [
  ['janvāris', 'janvāra', 'janvārim', 'janvārī'],
  ['februāris', 'februāra', 'februārim', 'februārī'],
  ['marts', 'marta', 'martam', 'martā'],
  ['aprīlis', 'aprīļa', 'aprīlim', 'aprīlī'],
  ['maijs', 'maija', 'maijam', 'maijā'],
  ['jūnijs', 'jūnija', 'jūnijam', 'jūnijā'],
  ['jūlijs', 'jūlija', 'jūlijam', 'jūlijā'],
  ['augusts', 'augusta', 'augustam', 'augustā'],
  ['septembris', 'septembra', 'septembrim', 'septembrī'],
  ['oktobris', 'oktobra', 'oktobrim', 'oktobrī'],
  ['novembris', 'novembra', 'novembrim', 'novembrī'],
  ['decembris', 'decembra', 'decembrim', 'decembrī'],
];

const CASE_INDEX: Record<DateCase, number> = { nominative: 0, genitive: 1, dative: 2, locative: 3 };

/** Weekdays Monday..Sunday: the nominative and the adverb of time ("pirmdien" = on Monday). */
const WEEKDAYS: ReadonlyArray<readonly [string, string]> = [
  ['pirmdiena', 'pirmdien'],
  ['otrdiena', 'otrdien'],
  ['trešdiena', 'trešdien'],
  ['ceturtdiena', 'ceturtdien'],
  ['piektdiena', 'piektdien'],
  ['sestdiena', 'sestdien'],
  ['svētdiena', 'svētdien'],
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(isoDate: string): { year: number; month: number; day: number } {
  const m = ISO.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) throw new RangeError(`no such day: ${isoDate}`);
  return { year, month, day };
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(isoDate: string): number {
  const { year, month, day } = parts(isoDate);
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7;
}

/** "2025. gada 1. janvāra" (genitive); without the year: "1. janvāra". The year stays genitive ("gada") in every case. */
export function latvianDate(isoDate: string, grammaticalCase: DateCase, options: { year?: boolean } = {}): string {
  const { year, month, day } = parts(isoDate);
  const monthWord = (MONTHS[month - 1] as readonly string[])[CASE_INDEX[grammaticalCase]];
  const dayMonth = `${day}. ${monthWord}`;
  return options.year === false ? dayMonth : `${year}. gada ${dayMonth}`;
}

/** "no 2025. gada 1. janvāra". */
export function fromDatePhrase(isoDate: string): string {
  return `no ${latvianDate(isoDate, 'genitive')}`;
}

/** "līdz 2026. gada 18. decembrim". */
export function untilDatePhrase(isoDate: string): string {
  return `līdz ${latvianDate(isoDate, 'dative')}`;
}

/** "pirmdien, 7. decembrī" (when something happens on a day; the year only when asked). */
export function onDayPhrase(isoDate: string, options: { year?: boolean } = {}): string {
  const adverb = (WEEKDAYS[weekdayIndex(isoDate)] as readonly string[])[1];
  return `${adverb}, ${latvianDate(isoDate, 'locative', { year: options.year ?? false })}`;
}

const NOMINATIVE_MONTHS = MONTHS.map((m) => m[0]).join('|');
const SLIP = new RegExp(`(?:^|[^\\p{L}])(no|līdz|ar|ne\\s+vēlāk\\s+kā)\\s+(?:\\d{4}\\.\\s+gada\\s+)?\\d{1,2}\\.\\s+(${NOMINATIVE_MONTHS})(?![\\p{L}])`, 'giu');

/** Places where a nominative month follows "no", "līdz", "ar" or "ne vēlāk kā" ("no 1. janvāris"): a case slip. */
export function nominativeMonthSlips(text: string): string[] {
  return [...text.matchAll(SLIP)].map((m) => m[0].trim());
}

/** ISO dates (2026-12-18) in prose meant for a client. */
export function isoDatesInProse(text: string): string[] {
  return [...text.matchAll(/(?<![\w/=-])\d{4}-\d{2}-\d{2}(?![\w/-])/g)].map((m) => m[0]);
}
