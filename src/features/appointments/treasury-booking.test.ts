// The Treasury's pages do not contradict its standard: no video consultations (it offers none), no queue
// terminal in the confirmation (its centre has none: profile `queueKiosk: false`), and "Ask a question" on
// Kontakti leads to the portal's question form, not the Treasury's old site.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { ChannelSchema } from '../agencies/agency-profile.schema.ts';

const NOW = '2026-11-16T07:00:00Z';

for (const target of testTargets()) {
  describe(`the Treasury's booking and contacts pages (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
    });
    after(() => platform.close());

    it('its booking page offers no video consultations (VSAA, which has them, still does)', async () => {
      const browser = new TestBrowser(platform.app);
      const lv = await browser.get('/kase/pieraksts?lang=lv');
      assert.equal(lv.statusCode, 200);
      assert.match(lv.body, /Pieteikšanās klātienes apmeklējumam\./);
      assert.doesNotMatch(lv.body, /video/i);
      const en = await browser.get('/kase/pieraksts?lang=en');
      assert.match(en.body, /Book an in-person visit\./);
      assert.doesNotMatch(en.body, /video/i);
      const places = await browser.get('/kase/pieraksts?service=konti&lang=lv');
      assert.doesNotMatch(places.body, /video/i);
      const vsaa = await browser.get('/vsaa/pieraksts?lang=lv');
      assert.match(vsaa.body, /vai videokonsultācijai/);
    });

    async function confirmationOf(slug: string, service: string, centre: string, start: string, email: string, lang: 'lv' | 'en') {
      const browser = new TestBrowser(platform.app);
      const details = `/${slug}/pieraksts?service=${service}&centre=${centre}&day=${start.slice(0, 10)}&start=${encodeURIComponent(start)}&lang=${lang}`;
      const page = await browser.get(details);
      assert.equal(page.statusCode, 200, page.body.slice(0, 200));
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
      const booked = await browser.submitForm(details, `/${slug}/pieraksts`, { service, centre, start, idempotencyKey: key, name: 'Anna Bērziņa', email, reason: 'Nav e-paraksta' });
      assert.equal(booked.statusCode, 303, booked.body.slice(0, 300));
      return browser.get(String(booked.headers.location));
    }

    it('its confirmation page and mail speak of no queue terminal; VSAA’s (which has kiosks) still do', async () => {
      const kase = await confirmationOf('kase', 'konti', 'riga-smilsu', '2026-11-19T08:30:00+02:00', 'kase.lv@example.lv', 'lv');
      assert.equal(kase.statusCode, 200);
      assert.match(kase.body, /Ierodoties nosauciet šo kodu darbiniekam\./);
      assert.doesNotMatch(kase.body, /termināl/);
      const kaseEn = await confirmationOf('kase', 'konti', 'riga-smilsu', '2026-11-19T09:00:00+02:00', 'kase.en@example.lv', 'en');
      assert.match(kaseEn.body, /Tell this code to the staff member when you arrive\./);
      assert.doesNotMatch(kaseEn.body, /kiosk/);
      const mail = await platform.deps.db.execute(sql.raw(`select body_text from mail_outbox where to_address = 'kase.lv@example.lv'`));
      const text = (mail as unknown as { rows: Array<{ body_text: string }> }).rows[0]?.body_text ?? '';
      assert.match(text, /Pieraksta kods \(nosauciet to darbiniekam, ierodoties\): [A-Z0-9]{6}/);
      assert.doesNotMatch(text, /termināl/);
      const vsaa = await confirmationOf('vsaa', 'pensijas', 'riga-lacplesa', '2026-11-19T09:05:00+02:00', 'vsaa@example.lv', 'lv');
      assert.match(vsaa.body, /Ierodoties ievadiet šo kodu rindas terminālī\./);
    });

    it('"Ask a question" on /kase/kontakti links to /kase/jautajums, not the old site', async () => {
      const browser = new TestBrowser(platform.app);
      for (const [lang, label, address] of [
        ['lv', 'Uzdot jautājumu', 'Jautājuma veidlapa'],
        ['en', 'Ask a question', 'Question form'],
      ] as const) {
        const page = await browser.get(`/kase/kontakti?lang=${lang}`);
        assert.equal(page.statusCode, 200);
        const card = /<li class="card" id="channel-uzdot-jautajumu">([\s\S]*?)<\/li>/.exec(page.body)?.[1] ?? '';
        assert.match(card, new RegExp(`<h2>${label}</h2>`));
        assert.match(card, new RegExp(`<a href="/kase/jautajums">${address}</a>`));
        assert.doesNotMatch(card, /kase\.gov\.lv/);
      }
      assert.equal((await browser.get('/kase/jautajums')).statusCode, 200, 'the link leads to a page');
    });

    it('a channel url is an absolute URL or a portal path, nothing else', () => {
      const base = { id: 'x', kind: 'web-form', label: { lv: 'a', en: 'a' }, address: 'a', purposes: ['written'] };
      assert.equal(ChannelSchema.safeParse({ ...base, url: '/kase/jautajums' }).success, true);
      assert.equal(ChannelSchema.safeParse({ ...base, url: 'https://www.kase.gov.lv' }).success, true);
      for (const bad of ['javascript:alert(1)', '//evil.example', 'kase/jautajums', '/kase/../x']) assert.equal(ChannelSchema.safeParse({ ...base, url: bad }).success, false, bad);
    });
  });
}
