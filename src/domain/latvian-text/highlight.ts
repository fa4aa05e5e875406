import { foldedWords } from './fold.ts';
import { stemFor, type TextLanguage } from './search-terms.ts';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

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

/**
 * Safe HTML: the whole text escaped, then every matching word wrapped in <mark>. Nothing of the
 * text itself is ever read as markup.
 */
export function highlightMatches(text: string, terms: readonly string[], lang: TextLanguage): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    const start = match.index ?? 0;
    if (!terms.some((term) => wordMatchesTerm(word, term, lang))) continue;
    html += `${escapeHtml(text.slice(last, start))}<mark>${escapeHtml(word)}</mark>`;
    last = start + word.length;
  }
  return html + escapeHtml(text.slice(last));
}

export const SNIPPET_LENGTH = 300;
const CONTEXT_BEFORE = 80;
const ELLIPSIS = '…';

/**
 * At most `length` characters of the text (ellipses included) around the first matching word,
 * cut at spaces, highlighted as safe HTML. Without a match, the beginning of the text.
 */
export function snippetAround(text: string, terms: readonly string[], lang: TextLanguage, length = SNIPPET_LENGTH): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  if (compact.length <= length) return highlightMatches(compact, terms, lang);
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
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < compact.length ? ELLIPSIS : '';
  return `${before}${highlightMatches(body, terms, lang)}${after}`;
}
