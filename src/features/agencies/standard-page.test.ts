import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

/** The text blocks of a page's main: paragraphs, list items, headings and cells, each without its nested blocks (link lists left out). */
export function textBlocks(html: string): string[] {
  const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? html;
  return main
    .replace(/<ul class="contact-links"[\s\S]*?<\/ul>/g, '\n')
    .replace(/<\/?(p|li|ul|ol|h[1-6]|dt|dd|dl|div|section|table|tr|td|th)\b[^>]*>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter((block) => block.length > 0);
}

const words = (text: string) => new Set(text.toLocaleLowerCase('lv').match(/[\p{L}\d]+/gu) ?? []);

/** Pairs of sentences of ten words or more that say the same: 80 % of the longer one's words are in the other. */
export function repeatedBlocks(blocks: string[]): Array<[string, string]> {
  const sentences = blocks.flatMap((block) => block.split(/(?<=[.;:])\s+(?=\p{Lu})/u)).filter((sentence) => words(sentence).size >= 10);
  const pairs: Array<[string, string]> = [];
  sentences.forEach((a, i) => {
    sentences.slice(i + 1).forEach((b) => {
      const wa = words(a);
      const wb = words(b);
      const shared = [...wa].filter((w) => wb.has(w)).length;
      if (shared / Math.max(wa.size, wb.size) >= 0.8) pairs.push([a, b]);
    });
  });
  return pairs;
}

describe('repeated paragraphs (the check the standard pages rely on)', () => {
  it('finds the in-person paragraph said twice in other words, and leaves different sentences alone', () => {
    // The second list item repeats the start of the first, but says more: two statements, not one said twice.
    const blocks = textBlocks(
      '<main><p>Klātienē klientus apkalpojam jebkurā aģentūras KAC, neatkarīgi no klienta deklarētās dzīvesvietas – ar iepriekšēju pierakstu vai rindas kārtībā.</p>' +
        '<h2>Pieraksts</h2><p>Klātienē klientus apkalpo jebkurā aģentūras KAC, neatkarīgi no klienta deklarētās dzīvesvietas – ar iepriekšēju pierakstu vai rindas kārtībā. Ja apmeklējums ir pieteikts, klients ierodas laikā.</p>' +
        '<ul><li>ievēro normatīvajos aktos noteiktās prasības un izpilda noteiktos pienākumus</li><li>sniedz patiesu, pilnīgu un savlaicīgu informāciju par sevi un saviem ienākumiem</li></ul></main>',
    );
    assert.equal(repeatedBlocks(blocks).length, 1);
  });
});

for (const target of testTargets()) {
  describe(`the standard page with its contact section (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2026-11-23T08:00:00Z') });
    });
    after(() => platform.close());

    it('/vsaa/standarts: phone 64507020, both e-mails, Lāčplēša iela 70A and the e-address, each linked to what serves it', async () => {
      const res = await platform.app.inject('/vsaa/standarts');
      assert.equal(res.statusCode, 200);
      for (const text of ['64507020', 'konsultacijas@vsaa.gov.lv', 'pasts@vsaa.gov.lv', 'Lāčplēša iela 70A, Rīga, LV-1011', 'oficiālo elektronisko adresi (e-adresi)', 'Klienti neklātienes saziņai ar aģentūru var:']) {
        assert.ok(res.body.includes(text), `shows ${text}`);
      }
      for (const href of [
        'tel:64507020',
        'mailto:konsultacijas@vsaa.gov.lv',
        'mailto:pasts@vsaa.gov.lv',
        '/vsaa/kontakti#channel-e-adrese',
        '/vsaa/kontakti#channel-pasts',
        '/vsaa/kontakti',
        '/vsaa/talrunis',
        '/vsaa/jautajums',
        '/vsaa/pieraksts',
        '/vsaa/rinda',
        '/vsaa/atsauksme',
      ]) {
        assert.ok(res.body.includes(`href="${href}"`), `links to ${href}`);
      }
      const en = await platform.app.inject('/vsaa/standarts?lang=en');
      assert.match(en.body, /For remote communication with the Agency, clients may:/);
      assert.match(en.body, /href="\/vsaa\/jautajums">Ask a question in writing</);
    });

    it('/kase/standarts: the phone hours and every written channel, linked; no queue link (the Treasury has none)', async () => {
      const res = await platform.app.inject('/kase/standarts');
      assert.equal(res.statusCode, 200);
      for (const text of [
        'Klientu apkalpošana pa tālruni +371 67094368',
        'pirmdiena–ceturtdiena: 08:30–17:15',
        'piektdiena: 08:30–16:00',
        'Klientu saziņas iespējas rakstiski',
        'KLIENTU APKALPOŠANA',
        'ekase@kase.gov.lv',
        'Smilšu ielā 1, Rīgā, LV-1919',
        'www.Latvija.lv',
        'https://epakalpojumi.kase.gov.lv',
        'vismaz divas darbdienas',
      ]) {
        assert.ok(res.body.includes(text), `shows ${text}`);
      }
      for (const href of [
        '/kase/jautajums',
        '/kase/buj',
        '/kase/kontakti#channel-e-adrese',
        'mailto:ekase@kase.gov.lv',
        '/kase/kontakti#channel-pasts',
        'https://www.latvija.lv',
        'https://epakalpojumi.kase.gov.lv',
        'tel:+37167094368',
        '/kase/talrunis',
        '/kase/pieraksts',
      ]) {
        assert.ok(res.body.includes(`href="${href}"`), `links to ${href}`);
      }
      assert.doesNotMatch(res.body, /href="\/kase\/rinda"/);
      assert.match((await platform.app.inject('/kase/standarts?lang=en')).body, /Monday–Thursday: 08:30–17:15/);
    });

    for (const slug of ['vsaa', 'kase']) {
      for (const lang of ['lv', 'en']) {
        it(`/${slug}/standarts (${lang}) says no paragraph twice, the in-person one included`, async () => {
          const res = await platform.app.inject(`/${slug}/standarts?lang=${lang}`);
          const blocks = textBlocks(res.body);
          const inPerson = blocks.filter((b) => /^(Klātienē klientus apkalpojam|Klientu apkalpošana klātienē Valsts kases|We serve clients in person|In-person service at the Treasury)/.test(b));
          assert.equal(inPerson.length, 1, `the in-person paragraph once: ${inPerson.join(' | ')}`);
          assert.deepEqual(repeatedBlocks(blocks), []);
        });
      }
    }
  });
}
