import { foldedWords } from './fold.ts';
import { stemEnglish, stemLatvian } from './stem.ts';

export type TextLanguage = 'lv' | 'en';

/** Longer queries are cut: a question typed into a form is still a search, not a document. */
export const MAX_QUERY_LENGTH = 200;
/** At most this many terms reach the database. */
export const MAX_TERMS = 10;

/** Folded function words that carry no meaning for a search ("kā pieteikties pensijai" → pieteik, pensij). */
const STOPWORDS: Record<TextLanguage, ReadonlySet<string>> = {
  lv: new Set(
    (
      'un vai ir ar par uz no pie kas ka kur kad ko kam kura kuru kuri kuras kadi kada kads kadas kapec cik ' +
      'es tu vins vina mes jus vini vinas man tev mums jums vinam vinai mans mana mani manas savs sava ' +
      'ja bet lai ne ari jau tik to tas ta tie tam tai sis si so sie sai sim bija bus var varu varam ' +
      'vajag vel tad tur te seit pa pec bez lidz pret ap aiz starp zem virs ka'
    ).split(' '),
  ),
  en: new Set(
    (
      'a an the and or of to in on for with by at from is are was be can could i my me how what when where ' +
      'who which do does did it its this that these those about as if not no you your we our there their'
    ).split(' '),
  ),
};

export function stemFor(lang: TextLanguage): (word: string) => string {
  return lang === 'lv' ? stemLatvian : stemEnglish;
}

export function isStopword(foldedWord: string, lang: TextLanguage): boolean {
  return STOPWORDS[lang].has(foldedWord);
}

/**
 * The stems to search for: folded, function words and one-letter words dropped (unless nothing else
 * is left), stemmed, distinct, at most MAX_TERMS. Only letters and digits, so each term is safe
 * inside a tsquery. "Kā pieteikties pabalstam?" → ["pieteik", "pabalst"].
 */
export function searchTerms(query: string, lang: TextLanguage = 'lv'): string[] {
  const words = foldedWords(query.slice(0, MAX_QUERY_LENGTH));
  const meaningful = words.filter((w) => w.length > 1 && !isStopword(w, lang));
  const chosen = meaningful.length > 0 ? meaningful : words;
  const stem = stemFor(lang);
  return [...new Set(chosen.map((w) => stem(w)).filter((s) => s !== ''))].slice(0, MAX_TERMS);
}

function stemmedText(text: string, lang: TextLanguage): string {
  const stem = stemFor(lang);
  return foldedWords(text)
    .filter((w) => w.length > 1 && !isStopword(w, lang))
    .map((w) => stem(w))
    .join(' ');
}

/** Separates the question's stems from the answer's in the stored search text (folding never leaves a '|'). */
export const SEARCH_PART_SEPARATOR = ' | ';

/**
 * The text stored for search (faq_entries.search_lv / search_en): the question's stems, the
 * separator, the answer's stems. Kept in two parts so that a match in the question can rank higher.
 */
export function searchDocument(question: string, answer: string, lang: TextLanguage): string {
  return `${stemmedText(question, lang)}${SEARCH_PART_SEPARATOR}${stemmedText(answer, lang)}`;
}
