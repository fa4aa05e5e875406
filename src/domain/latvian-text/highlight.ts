import { foldedWords } from './fold.ts';
import { stemFor, type TextLanguage } from './search-terms.ts';

/** A text cut into parts, the words that answer the search marked; a view makes them HTML or elements. */
export type MarkedText = ReadonlyArray<{ text: string; marked: boolean }>;

/** Word characters of the original text, combining marks included (text typed in decomposed form). */
const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Edit distance, giving up (returning limit + 1) as soon as it must exceed the limit. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length] ?? limit + 1;
}

/**
 * Whether a word of the text answers a search term: the way the database matches (the word's stem
 * or folded form starts with the term), or a near miss for a typo in a longer term ("pabalsst").
 */
export function wordMatchesTerm(word: string, term: string, lang: TextLanguage): boolean {
  const stem = stemFor(lang);
  return foldedWords(word).some((folded) => {
    const stemmed = stem(folded);
    if (stemmed.startsWith(term) || folded.startsWith(term)) return true;
    if (term.length < 5) return false;
    return editDistance(stemmed, term, term.length >= 8 ? 2 : 1) <= (term.length >= 8 ? 2 : 1);
  });
}

function firstMatch(text: string, terms: readonly string[], lang: TextLanguage): RegExpExecArray | null {
  if (terms.length === 0) return null;
  for (const match of text.matchAll(WORD)) {
    if (terms.some((term) => wordMatchesTerm(match[0], term, lang))) return match as RegExpExecArray;
  }
  return null;
}

/** The text in parts, every word answering a term marked (the view escapes and draws them). */
export function markMatches(text: string, terms: readonly string[], lang: TextLanguage): MarkedText {
  const parts: Array<{ text: string; marked: boolean }> = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    if (!terms.some((term) => wordMatchesTerm(word, term, lang))) continue;
    if (start > last) parts.push({ text: text.slice(last, start), marked: false });
    parts.push({ text: word, marked: true });
    last = start + word.length;
  }
  if (last < text.length || parts.length === 0) parts.push({ text: text.slice(last), marked: false });
  return parts;
}

export const SNIPPET_LENGTH = 300;
const CONTEXT_BEFORE = 80;
const ELLIPSIS = '…';

/**
 * At most `length` characters of the text (ellipses included) around the first matching word,
 * cut at spaces, its matches marked. Without a match, the beginning of the text.
 */
export function snippetAround(text: string, terms: readonly string[], lang: TextLanguage, length = SNIPPET_LENGTH): MarkedText {
  const compact = text.replace(/\s+/g, ' ').trim();
  if (compact.length <= length) return markMatches(compact, terms, lang);
  const match = firstMatch(compact, terms, lang);
  const room0 = length - 2;
  let start = match ? Math.max(0, Math.min((match.index ?? 0) - CONTEXT_BEFORE, compact.length - room0)) : 0;
  if (start > 0) {
    const space = compact.indexOf(' ', start);
    start = space >= 0 && space < (match?.index ?? start) ? space + 1 : start;
  }
  const room = length - (start > 0 ? 1 : 0) - 1;
  let end = Math.min(compact.length, start + room);
  if (end < compact.length) {
    const space = compact.lastIndexOf(' ', end);
    if (space > start) end = space;
  }
  const body = compact.slice(start, end).trim();
  return [...(start > 0 ? [{ text: ELLIPSIS, marked: false }] : []), ...markMatches(body, terms, lang), ...(end < compact.length ? [{ text: ELLIPSIS, marked: false }] : [])];
}
