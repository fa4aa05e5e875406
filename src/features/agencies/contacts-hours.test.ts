// Kontakti never promises "available at any time" for a channel served at centres; English addresses are
// English; outside office hours the agency home still lists the always-open written channels.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

// Sunday 6 December 2026, 05:20 in Riga.
const SUNDAY_0520 = '2026-12-06T03:20:00Z';

function card(html: string, id: string): string {
  return new RegExp(`<li class="card" id="channel-${id}">([\\s\\S]*?)</li>`).exec(html)?.[1] ?? '';
}

for (const target of testTargets()) {
  describe(`contacts and the agency home at night (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(SUNDAY_0520) });
    });
    after(() => platform.close());

    it('in person and video: the hours of the centres, not "at any time"; the EN address translated', async () => {
      const lv = (await platform.app.inject({ url: '/vsaa/kontakti' })).body;
      for (const id of ['klatiene', 'videokonsultacija']) {
        assert.ok(card(lv, id), id);
        assert.ok(!card(lv, id).includes('Pieejams jebkurā laikā'), `${id}: no "at any time"`);
        assert.match(card(lv, id), /Darba laiks katrā centrā savs/);
      }
      assert.match(card(lv, 'videokonsultacija'), /href="#video-locations"/);
      assert.match(lv, /<h2 id="centres">/);
      assert.match(card(lv, 'e-pasts'), /Pieejams jebkurā laikā/, 'e-mail is open at any time');
      const en = (await platform.app.inject({ url: '/vsaa/kontakti?lang=en' })).body;
      assert.match(card(en, 'klatiene'), /Any of the Agency&#x27;s client service centres \(KAC\)/);
      assert.ok(!card(en, 'klatiene').includes('Jebkurš'), 'no Latvian address on the English page');
    });

    it('the agency home lists the written channels open now instead of an empty list', async () => {
      const home = (await platform.app.inject({ url: '/vsaa' })).body;
      const list = /Šobrīd pieejams:<\/p><ul>([\s\S]*?)<\/ul>/.exec(home)?.[1] ?? '';
      assert.match(list, /pasts@vsaa\.gov\.lv/);
      assert.ok(!list.includes('64507020'), 'the phone is closed on a Sunday night');
    });
  });
}
