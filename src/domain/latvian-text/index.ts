export { foldLatvian, foldedWords } from './fold.ts';
export { stemEnglish, stemLatvian } from './stem.ts';
export {
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  SEARCH_PART_SEPARATOR,
  isStopword,
  searchDocument,
  searchTerms,
  stemFor,
  type TextLanguage,
} from './search-terms.ts';
export { SNIPPET_LENGTH, editDistance, markMatches, snippetAround, wordMatchesTerm, type MarkedText } from './highlight.ts';
export { fromDatePhrase, isoDatesInProse, latvianDate, nominativeMonthSlips, onDayPhrase, untilDatePhrase, type DateCase } from './date-phrases.ts';
