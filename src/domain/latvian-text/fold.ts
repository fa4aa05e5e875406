const MARKS = /\p{M}/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

function foldOnce(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_WORD, ' ').trim();
}

/**
 * Lower case without diacritics (ā→a, č→c, ē→e, ģ→g, ī→i, ķ→k, ļ→l, ņ→n, š→s, ū→u, ž→z and any other
 * combining mark), every run of punctuation or whitespace one space. A Latvian reader often types
 * without diacritics, so both the stored text and the query are folded the same way.
 */
export function foldLatvian(text: string): string {
  // A few compatibility characters fold into upper case or new marks; a second pass settles them.
  let current = foldOnce(text);
  for (let pass = 0; pass < 3; pass++) {
    const next = foldOnce(current);
    if (next === current) return current;
    current = next;
  }
  return current;
}

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  const folded = foldLatvian(text);
  return folded === '' ? [] : folded.split(' ');
}
