import { foldLatvian } from './fold.ts';

/**
 * Noun, adjective and verb endings of Latvian, folded (ā→a …), longest first. Stripping one of them
 * brings the cases and numbers of a word together: pabalsts, pabalsta, pabalstam, pabalsti,
 * pabalstiem → pabalst; pensija, pensijas, pensijai, pensijām → pensij.
 */
const LATVIAN_ENDINGS = [
  'ajiem', 'ajam', 'ajai', 'ajos', 'ajas', 'ties',
  'iem', 'ais', 'aja', 'ajo',
  'am', 'ai', 'ei', 'im', 'um', 'em', 'os', 'as', 'es', 'is', 'us', 'ie',
  's', 'a', 'e', 'i', 'u', 'o', 't',
] as const;

const ENGLISH_RULES: ReadonlyArray<readonly [suffix: string, replacement: string]> = [
  ['sses', 'ss'],
  ['ies', 'y'],
  ['ches', 'ch'],
  ['shes', 'sh'],
  ['xes', 'x'],
  ['ing', ''],
  ['ed', ''],
  ['s', ''],
];

/** Words this short are kept as they are ("kas", "kac", "vai"): stripping would merge unrelated words. */
const MIN_WORD_TO_STEM = 4;
/** A stem keeps at least this many letters. */
const MIN_STEM = 3;

function hasDigit(word: string): boolean {
  return /\p{N}/u.test(word);
}

function stemLatvianWord(word: string): string {
  if (word.length < MIN_WORD_TO_STEM || hasDigit(word)) return word;
  for (const ending of LATVIAN_ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM) return word.slice(0, -ending.length);
  }
  return word;
}

function stemEnglishWord(word: string): string {
  if (word.length < MIN_WORD_TO_STEM || hasDigit(word)) return word;
  for (const [suffix, replacement] of ENGLISH_RULES) {
    if (!word.endsWith(suffix)) continue;
    // "process", "status", "basis": a final s after s, u or i is not a plural.
    if (suffix === 's' && /[sui]s$/.test(word)) return word;
    const stem = word.slice(0, -suffix.length) + replacement;
    return stem.length >= MIN_STEM ? stem : word;
  }
  return word;
}

function stemEach(text: string, stemWord: (word: string) => string): string {
  const folded = foldLatvian(text);
  if (folded === '') return '';
  return folded
    .split(' ')
    .map((word) => stemWord(word))
    .join(' ');
}

/**
 * The stem of a Latvian word, folded first, so case and diacritics never change it:
 * "Pabalsts", "pabalstu", "PABALSTIEM" → "pabalst"; "pensijas" → "pensij". Short words stay whole.
 * Several words are stemmed one by one. Empty only when the input has no letters or digits.
 */
export function stemLatvian(word: string): string {
  return stemEach(word, stemLatvianWord);
}

/** A light English stemmer (plurals, -ing, -ed) with the same folding: "Pensions" → "pension". */
export function stemEnglish(word: string): string {
  return stemEach(word, stemEnglishWord);
}
