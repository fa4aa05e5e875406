import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hrefWith, withLang } from './page-context.ts';

describe('withLang', () => {
  it('leaves a Latvian page’s path as it is', () => {
    assert.equal(withLang('/vsaa/buj?q=pensija#rezultati', { lang: 'lv' }), '/vsaa/buj?q=pensija#rezultati');
  });

  it('adds the language to an English page’s path, after its own query and before its fragment', () => {
    assert.equal(withLang('/vsaa/mani', { lang: 'en' }), '/vsaa/mani?lang=en');
    assert.equal(withLang('/vsaa/jautajums/sekot?reference=vsaa-B-1', { lang: 'en' }), '/vsaa/jautajums/sekot?reference=vsaa-B-1&lang=en');
    assert.equal(withLang('/staff/registers/gifts#entry-3', { lang: 'en' }), '/staff/registers/gifts?lang=en#entry-3');
    assert.equal(withLang('/kase/rinda/riga?view=board#now', { lang: 'en' }), '/kase/rinda/riga?view=board&lang=en#now');
  });
});

describe('hrefWith', () => {
  it('puts the values given in the query, leaves out the empty ones and adds the language last on English pages', () => {
    assert.equal(hrefWith('/staff/registers', { lang: 'en' }, { lang: 'lv', page: '2' }), '/staff/registers?page=2&lang=en');
    assert.equal(hrefWith('/staff/registers', { lang: 'lv' }, { lang: 'en' }), '/staff/registers');
    assert.equal(hrefWith('/vsaa/pieraksts', { lang: 'lv' }, {}), '/vsaa/pieraksts');
    assert.equal(hrefWith('/vsaa/pieraksts', { lang: 'lv' }, { service: 'pensijas', centre: '', date: undefined }), '/vsaa/pieraksts?service=pensijas');
    assert.equal(hrefWith('/staff/registers/gifts', { lang: 'en' }, { from: '2027-01-01', page: '2' }), '/staff/registers/gifts?from=2027-01-01&page=2&lang=en');
    assert.equal(hrefWith('/staff/audit', { lang: 'en' }, { actor: 'a b&c' }), '/staff/audit?actor=a+b%26c&lang=en');
  });
});
