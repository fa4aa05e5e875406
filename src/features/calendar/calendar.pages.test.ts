import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../platform/clock.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

/** The rows of the table with this caption, as arrays of cell texts. */
function tableRows(html: string, caption: string): string[][] {
  const start = html.indexOf(`<caption>${caption}`);
  assert.ok(start >= 0, `no table captioned "${caption}"`);
  const table = html.slice(start, html.indexOf('</table>', start));
  const body = table.slice(table.indexOf('<tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => (c[1] ?? '').replace(/<[^>]+>/g, '')));
}

for (const target of testTargets()) {
  describe(`public calendar page /kalendars (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      // 31 Dec 2025 23:30 UTC is already 1 Jan 2026 in Riga: the default year follows Riga.
      platform = await createTestPlatform(target, { clock: fixedClock('2025-12-31T23:30:00Z') });
    });
    after(() => platform.close());

    it("shows this year's holidays, days off, shortened and transferred days in Latvian by default", async () => {
      const response = await platform.app.inject({ url: '/kalendars' });
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.match(html, /<html lang="lv"/);
      assert.match(html, /<h1>Darba dienu kalendārs 2026<\/h1>/);
      const holidays = tableRows(html, 'Svētku un brīvdienas 2026');
      assert.equal(holidays.length, 17);
      assert.deepEqual(holidays.find((r) => r[2] === 'Latvijas Republikas proklamēšanas diena')?.slice(0, 2), ['2026. gada 18. novembris', 'trešdiena']);
      assert.deepEqual(holidays[1]?.slice(0, 2), ['2026. gada 2. janvāris', 'piektdiena']);
      assert.equal(holidays[1]?.[3], 'Brīvdiena');
      const shortened = tableRows(html, 'Saīsinātās pirmssvētku darba dienas 2026').map((r) => r[0]);
      assert.ok(shortened.includes('2026. gada 17. novembris'));
      assert.ok(shortened.includes('2026. gada 27. jūnijs'), 'the worked Saturday before Līgo');
      const worked = tableRows(html, 'Pārceltās darba dienas 2026');
      assert.deepEqual(worked.map((r) => r[0]), ['2026. gada 17. janvāris', '2026. gada 27. jūnijs']);
      assert.match(worked[0]?.[2] ?? '', /2\. janvāris/);
      assert.match(html, /<th scope="col">Datums<\/th>/);
      assert.match(html, /href="\/kalendars\?year=2025"/);
      assert.match(html, /href="\/kalendars\?year=2027"/);
      assert.match(html, /href="\/api\/v1\/calendar\/holidays\.ics\?year=2026"/);
      assert.doesNotMatch(html, /<script/);
    });

    it('shows another year with ?year, in English with ?lang=en', async () => {
      const response = await platform.app.inject({ url: '/kalendars?year=2025&lang=en' });
      assert.equal(response.statusCode, 200);
      const html = response.body;
      assert.match(html, /<html lang="en"/);
      assert.match(html, /<h1>Working-day calendar 2025<\/h1>/);
      const holidays = tableRows(html, 'Public holidays and days off 2025');
      const may5 = holidays.find((r) => r[0] === '5 May 2025');
      assert.equal(may5?.[1], 'Monday');
      assert.equal(may5?.[3], 'Day off');
      assert.ok(holidays.some((r) => r[2] === 'Proclamation Day of the Republic of Latvia'));
      const worked = tableRows(html, 'Transferred working days 2025').map((r) => r[0]);
      assert.deepEqual(worked, ['10 May 2025', '8 November 2025']);
    });

    it('says "none" for a year without transferred days', async () => {
      const response = await platform.app.inject({ url: '/kalendars?year=2024&lang=en' });
      assert.equal(response.statusCode, 200);
      assert.doesNotMatch(response.body, /<caption>Transferred working days 2024/);
      assert.match(response.body, /<h2 id="transferred">Transferred working days<\/h2><p>None<\/p>/);
    });

    it('keeps the chosen language through the cookie set by the switch', async () => {
      const browser = new TestBrowser(platform.app);
      await browser.get('/kalendars?lang=en');
      const next = await browser.get('/kalendars?year=2027');
      assert.match(next.body, /<h1>Working-day calendar 2027<\/h1>/);
    });

    it('answers a bad year with a 400 page, not a 500', async () => {
      for (const year of ['1989', '2101', 'abc', '2026abc', '']) {
        const response = await platform.app.inject({ url: `/kalendars?year=${year}` });
        assert.equal(response.statusCode, 400, year);
        assert.match(String(response.headers['content-type']), /^text\/html/);
        assert.match(response.body, /Nederīgs gads/);
        assert.match(response.body, /Norādiet gadu no 1990 līdz 2100/);
      }
      const en = await platform.app.inject({ url: '/kalendars?year=3000&lang=en' });
      assert.match(en.body, /Enter a year from 1990 to 2100/);
    });
  });
}
