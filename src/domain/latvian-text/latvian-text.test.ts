import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_QUERY_LENGTH,
  MAX_TERMS,
  editDistance,
  foldLatvian,
  markMatches,
  type MarkedText,
  searchDocument,
  searchTerms,
  snippetAround,
  stemEnglish,
  stemLatvian,
  wordMatchesTerm,
} from './index.ts';

describe('foldLatvian', () => {
  it('strips every Latvian diacritic, lower case', () => {
    assert.equal(foldLatvian('ĀāČčĒēĢģĪīĶķĻļŅņŠšŪūŽž'), 'aacceeggiikkllnnssuuzz');
  });
  it('folds the old orthography and other combining marks too (ŗ, ō, decomposed input)', () => {
    assert.equal(foldLatvian('Ŗīga ōzols'), 'riga ozols');
    assert.equal(foldLatvian('pe\u0304nsija'), 'pensija');
  });
  it('turns punctuation and whitespace runs into one space and trims', () => {
    assert.equal(foldLatvian('  Pieteikšanās —\tpensijai!!\n(e-adrese) '), 'pieteiksanas pensijai e adrese');
  });
  it('keeps digits', () => {
    assert.equal(foldLatvian('LV-1011, tālr. 64507020'), 'lv 1011 talr 64507020');
  });
  it('is empty for text without letters or digits', () => {
    assert.equal(foldLatvian(''), '');
    assert.equal(foldLatvian(' ?!… — '), '');
  });
});

describe('stemLatvian', () => {
  const groups: Array<[string, string[]]> = [
    ['pabalst', ['pabalsts', 'pabalsta', 'pabalstam', 'pabalstu', 'pabalstā', 'pabalsti', 'pabalstiem', 'pabalstus', 'pabalstos']],
    ['pensij', ['pensija', 'pensijas', 'pensijai', 'pensiju', 'pensijā', 'pensijām', 'pensijās']],
    ['iesniegum', ['iesniegums', 'iesnieguma', 'iesniegumam', 'iesniegumu', 'iesniegumi', 'iesniegumiem']],
    ['pieteiksan', ['pieteikšanās', 'pieteiksanas', 'pieteikšana', 'pieteikšanu']],
    ['gimen', ['ģimene', 'ģimenes', 'ģimenei', 'ģimeni', 'ģimenēm']],
    ['bral', ['brālis', 'brāļa', 'brālim']],
    ['kont', ['konts', 'konta', 'kontu', 'konti', 'kontiem']],
    ['liel', ['lielais', 'lielajam', 'lielajiem', 'lielajai']],
    ['pieteik', ['pieteikt', 'pieteikties']],
  ];
  for (const [stem, forms] of groups) {
    it(`${forms.join(', ')} → ${stem}`, () => {
      for (const form of forms) assert.equal(stemLatvian(form), stem, form);
    });
  }
  it('ignores case and diacritics', () => {
    assert.equal(stemLatvian('PABALSTS'), 'pabalst');
    assert.equal(stemLatvian('Pieteikšanās'), stemLatvian('PIETEIKSANAS'));
  });
  it('keeps short words and words with digits whole', () => {
    for (const word of ['kas', 'kac', 'vai', 'e', 'lv', '1011', 'lv1011']) assert.equal(stemLatvian(word), word);
  });
  it('keeps a stem of at least three letters', () => {
    assert.equal(stemLatvian('kase'), 'kas');
    assert.equal(stemLatvian('ties'), 'tie');
    assert.equal(stemLatvian('alga'), 'alg');
  });
  it('stems several words one by one', () => {
    assert.equal(stemLatvian('Vecuma pensijas'), 'vecum pensij');
  });
  it('is empty only for input without letters or digits', () => {
    assert.equal(stemLatvian('!!!'), '');
  });
});

describe('stemEnglish', () => {
  it('strips plurals, -ing and -ed', () => {
    assert.equal(stemEnglish('Pensions'), 'pension');
    assert.equal(stemEnglish('benefits'), 'benefit');
    assert.equal(stemEnglish('addresses'), 'address');
    assert.equal(stemEnglish('agencies'), 'agency');
    assert.equal(stemEnglish('applying'), 'apply');
    assert.equal(stemEnglish('booked'), 'book');
  });
  it('leaves words that only look plural, and short words', () => {
    for (const word of ['process', 'status', 'basis', 'bus', 'is', 'need', 'used']) assert.equal(stemEnglish(word), word);
  });
});

describe('searchTerms', () => {
  it('drops function words, stems the rest, keeps order, no duplicates', () => {
    assert.deepEqual(searchTerms('Kā pieteikties vecuma pensijai un pensijai?'), ['pieteik', 'vecum', 'pensij']);
    assert.deepEqual(searchTerms('How do I apply for a pension?', 'en'), ['apply', 'pension']);
  });
  it('keeps function words when nothing else is left', () => {
    assert.deepEqual(searchTerms('kā?'), ['ka']);
  });
  it('is empty for an empty or blank query', () => {
    assert.deepEqual(searchTerms(''), []);
    assert.deepEqual(searchTerms('   \n\t '), []);
    assert.deepEqual(searchTerms('?!'), []);
  });
  it('gives only letters and digits, safe inside a tsquery', () => {
    const terms = searchTerms(`pabalsts' & !(x:*) | <-> "'; drop table faq_entries; --`);
    assert.ok(terms.length > 0);
    for (const term of terms) assert.match(term, /^[\p{L}\p{N}]+$/u);
  });
  it(`reads at most ${MAX_QUERY_LENGTH} characters and gives at most ${MAX_TERMS} terms`, () => {
    assert.deepEqual(searchTerms(`${'x'.repeat(MAX_QUERY_LENGTH)} pensija`), ['x'.repeat(MAX_QUERY_LENGTH)]);
    const many = Array.from({ length: 30 }, (_, i) => `vards${i}`).join(' ');
    assert.equal(searchTerms(many).length, MAX_TERMS);
  });
});

describe('searchDocument', () => {
  it('stores the question stems and the answer stems apart, folded, without function words', () => {
    assert.equal(searchDocument('Kā pieteikties pabalstam?', 'Iesniegumu var iesniegt portālā Latvija.lv.', 'lv'), 'pieteik pabalst | iesniegum iesnieg portal latvij lv');
  });
  it('never contains the separator inside a part', () => {
    const doc = searchDocument('a | b || c', 'x|y', 'en');
    assert.equal(doc.split(' | ').length, 2);
  });
});

/** The parts as text, marked words in <mark> (the web layer escapes; the domain only cuts and marks). */
const shown = (parts: MarkedText) => parts.map((p) => (p.marked ? `<mark>${p.text}</mark>` : p.text)).join('');

describe('markMatches', () => {
  it('marks every form of the word, diacritics or not, and leaves the rest as it is', () => {
    const parts = markMatches('<script>alert("pabalsts")</script> Pabalsti & pabalstu; pensija', ['pabalst'], 'lv');
    assert.equal(shown(parts), '<script>alert("<mark>pabalsts</mark>")</script> <mark>Pabalsti</mark> & <mark>pabalstu</mark>; pensija');
  });
  it('matches across diacritics both ways', () => {
    assert.equal(shown(markMatches('Pieteikšanās kārtība', searchTerms('pieteiksanas'), 'lv')), '<mark>Pieteikšanās</mark> kārtība');
    assert.equal(shown(markMatches('pieteiksanas kartiba', searchTerms('pieteikšanās'), 'lv')), '<mark>pieteiksanas</mark> kartiba');
  });
  it('marks a prefix match and a near miss for a typo, not an unrelated word', () => {
    assert.ok(wordMatchesTerm('videokonsultācijas', 'video', 'lv'));
    assert.ok(wordMatchesTerm('pabalsts', 'pabalsst', 'lv'));
    assert.ok(!wordMatchesTerm('pensija', 'pabalst', 'lv'));
    assert.ok(!wordMatchesTerm('kas', 'kad', 'lv'), 'no typo tolerance for short terms');
  });
  it('returns the text as one unmarked part when nothing matches', () => {
    assert.deepEqual(markMatches('a < b', ['zzz'], 'lv'), [{ text: 'a < b', marked: false }]);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions, capped at the limit', () => {
    assert.equal(editDistance('pabalst', 'pabalst', 2), 0);
    assert.equal(editDistance('pabalst', 'pabalsst', 2), 1);
    assert.equal(editDistance('pabalst', 'pobolst', 2), 2);
    assert.equal(editDistance('pabalst', 'pensij', 2), 3);
  });
});

describe('snippetAround', () => {
  const visible = (parts: MarkedText) => parts.map((p) => p.text).join('');
  it('shows a short text whole, highlighted', () => {
    assert.equal(shown(snippetAround('Pabalsts  tiek\nizmaksāts.', ['pabalst'], 'lv')), '<mark>Pabalsts</mark> tiek izmaksāts.');
  });
  it('cuts a long text around the first match, at most 300 characters with ellipses', () => {
    const text = `${'sākums '.repeat(80)}pensija tiek izmaksāta ${'beigas '.repeat(80)}`;
    const parts = snippetAround(text, ['pensij'], 'lv');
    assert.ok(shown(parts).startsWith('…') && shown(parts).endsWith('…'));
    assert.ok(shown(parts).includes('<mark>pensija</mark>'));
    assert.ok(visible(parts).length <= 300, `${visible(parts).length}`);
  });
  it('takes the beginning of the text when nothing matches', () => {
    const parts = snippetAround(`Sākums ${'vārds '.repeat(100)}`, ['zzz'], 'lv');
    assert.ok(shown(parts).startsWith('Sākums'));
    assert.ok(visible(parts).length <= 300);
  });
  it('a match near the end still fills the window', () => {
    const parts = snippetAround(`${'vārds '.repeat(100)}pensija`, ['pensij'], 'lv');
    assert.ok(shown(parts).endsWith('<mark>pensija</mark>'));
    assert.ok(visible(parts).length > 250 && visible(parts).length <= 300);
  });
});
