import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { foldLatvian, markMatches, searchTerms, snippetAround, stemEnglish, stemLatvian } from './index.ts';

const RUNS = { numRuns: 500 };
const LATVIAN_LETTERS = [...'aābcčdeēfgģhiījkķlļmnņoprsštuūvzž'];
const latvianWord = fc
  .array(fc.constantFrom(...LATVIAN_LETTERS), { minLength: 1, maxLength: 16 })
  .map((letters) => letters.join(''));
const anyText = fc.string({ unit: 'grapheme', maxLength: 60 });
const mixedText = fc.oneof(anyText, fc.array(latvianWord, { maxLength: 8 }).map((w) => w.join(' ')), fc.string({ unit: 'binary', maxLength: 40 }));

describe('Latvian text properties', () => {
  it('folding is idempotent', () => {
    fc.assert(fc.property(mixedText, (text) => assert.equal(foldLatvian(foldLatvian(text)), foldLatvian(text))), RUNS);
  });

  it('folded text is lower case, without diacritics, single-spaced and trimmed', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const folded = foldLatvian(text);
        assert.doesNotMatch(folded, /[āčēģīķļņšūž]|\p{M}|\s\s|^\s|\s$|[^\p{L}\p{N} ]/u);
        assert.equal(folded, folded.toLowerCase());
      }),
      RUNS,
    );
  });

  it('stemming never returns an empty string for a non-empty word', () => {
    fc.assert(
      fc.property(fc.oneof(latvianWord, anyText), (word) => {
        fc.pre(foldLatvian(word) !== '');
        assert.notEqual(stemLatvian(word), '');
        assert.notEqual(stemEnglish(word), '');
      }),
      RUNS,
    );
  });

  it('case and diacritics never change the stem of a word', () => {
    fc.assert(
      fc.property(latvianWord, (word) => {
        const stem = stemLatvian(foldLatvian(word));
        assert.equal(stemLatvian(word), stem);
        assert.equal(stemLatvian(word.toUpperCase()), stem);
        assert.equal(stemLatvian(word.normalize('NFD')), stem);
      }),
      RUNS,
    );
  });

  it('a stem is a prefix of the folded word', () => {
    fc.assert(fc.property(latvianWord, (word) => assert.ok(foldLatvian(word).startsWith(stemLatvian(word)))), RUNS);
  });

  it('search terms are never empty strings and only letters and digits', () => {
    fc.assert(
      fc.property(mixedText, (query) => {
        for (const term of searchTerms(query)) assert.match(term, /^[\p{L}\p{N}]+$/u);
      }),
      RUNS,
    );
  });

  it('marking only cuts the text: the parts joined give the text back, and only words are marked', () => {
    fc.assert(
      fc.property(mixedText, fc.array(latvianWord, { maxLength: 3 }), (text, words) => {
        const parts = markMatches(text, words.map((w) => stemLatvian(w)), 'lv');
        assert.equal(parts.map((p) => p.text).join(''), text);
        for (const part of parts.filter((p) => p.marked)) assert.match(part.text, /^[\p{L}\p{N}\p{M}]+$/u);
      }),
      RUNS,
    );
  });

  it('a snippet is at most 300 characters', () => {
    const longText = fc.array(fc.oneof(latvianWord, fc.constantFrom('<b>', '&', '"x"', '\n', 'pensija')), { maxLength: 200 }).map((w) => w.join(' '));
    fc.assert(
      fc.property(longText, fc.array(latvianWord, { maxLength: 2 }), (text, words) => {
        const parts = snippetAround(text, ['pensij', ...words.map((w) => stemLatvian(w))], 'lv');
        assert.ok(parts.map((p) => p.text).join('').length <= 300);
      }),
      { numRuns: 200 },
    );
  });
});
