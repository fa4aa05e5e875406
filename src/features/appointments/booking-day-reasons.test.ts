// A day without times says why — holiday (named), too soon (the Treasury's two working days), beyond the
// horizon, closed that weekday, closed by the agency, fully booked — on the public steps, the staff booking
// page and the manage page's rescheduling, in correct Latvian (dates in the case the sentence needs) and English.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { isoDatesInProse, nominativeMonthSlips } from '../../domain/latvian-text/index.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { staffBrowser } from './appointments-staff.testing.ts';

const NOW = '2026-11-16T07:00:00Z'; // Monday 16 November 2026, 09:00 in Riga; 18 November is a holiday

/** The visible text of a page (tags, scripts and attributes dropped). */
function prose(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

function assertGoodLatvian(html: string) {
  const text = prose(html);
  assert.deepEqual(nominativeMonthSlips(text), [], 'no nominative month after no/līdz/ar');
  assert.deepEqual(isoDatesInProse(text), [], 'no ISO dates in prose');
}

const timeStep = (day: string, lang = 'lv') => `/kase/pieraksts?service=konti&centre=riga-smilsu&day=${day}&lang=${lang}`;

for (const target of testTargets()) {
  describe(`why a day has no times (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
      // Friday 20 November fully booked: every slot of konti (30 min, 08:30–16:00) taken.
      for (let k = 0; k < 15; k++) {
        const start = new Date(Date.parse('2026-11-20T06:30:00Z') + k * 30 * 60_000);
        await platform.deps.db.execute(sql`insert into appointment_slots (agency, centre_id, service_id, starts_at, ends_at, capacity, taken)
          values ('kase', 'riga-smilsu', 'konti', ${start.toISOString()}, ${new Date(start.getTime() + 30 * 60_000).toISOString()}, 1, 1)`);
      }
      // Monday 23 November closed by the agency.
      await platform.deps.db.execute(sql`insert into appointment_capacity_changes (agency, centre_id, from_date, to_date, capacity, reason) values ('kase', 'riga-smilsu', '2026-11-23', '2026-11-23', 0, 'Remonts')`);
    });
    after(() => platform.close());

    const cases: Array<[string, string, RegExp, RegExp]> = [
      ['2026-11-17', 'min-notice', /Šī diena ir par tuvu: pieteikties jāpaspēj vismaz 2 darbdienas iepriekš\. Brīvu laiku var izvēlēties, sākot no 19\. novembra\. Izvēlieties citu dienu\./, /This day is too soon: appointments must be booked at least 2 working days ahead\. You can choose a time from 19 November\./],
      ['2026-11-18', 'holiday', /Šajā dienā centrs nestrādā – Latvijas Republikas proklamēšanas diena\./, /The centre is closed on this day – Proclamation Day of the Republic of Latvia\./],
      ['2026-11-21', 'closed-weekday', /Centrs sestdienās nestrādā\./, /The centre is closed on Saturdays\./],
      ['2026-11-23', 'closed-date', /Šajā dienā centrs ir slēgts\./, /The centre is closed on this day\./],
      ['2026-11-20', 'fully-booked', /Šajā dienā visi laiki jau ir aizņemti\./, /Every time on this day is already taken\./],
      ['2026-12-17', 'beyond-horizon', /ne vairāk kā 30 dienas uz priekšu – līdz 16\. decembrim\./, /at most 30 days ahead – until 16 December\./],
      ['2026-11-13', 'past', /Šī diena jau ir pagājusi\./, /This day has already passed\./],
    ];

    it('the public time step names the reason instead of "no free times", in Latvian and English', async () => {
      const browser = new TestBrowser(platform.app);
      for (const [day, kind, lv, en] of cases) {
        const page = await browser.get(timeStep(day));
        assert.equal(page.statusCode, 200, day);
        assert.match(page.body, new RegExp(`data-day-reason="${kind}"`), `${day} is ${kind}`);
        assert.match(prose(page.body), lv, day);
        assert.doesNotMatch(page.body, /brīvu laiku vairs nav/);
        assertGoodLatvian(page.body);
        const english = await browser.get(timeStep(day, 'en'));
        assert.match(prose(english.body), en, `${day} in English`);
        assert.doesNotMatch(english.body, /no free times left/);
      }
    });

    it('a day with free times still offers them (no reason shown)', async () => {
      const page = await new TestBrowser(platform.app).get(timeStep('2026-11-19'));
      assert.match(page.body, /name="start"/);
      assert.doesNotMatch(page.body, /data-day-reason=/);
    });

    it('the day step explains the days it does not offer: the window, the weekly closure, each other day with its reason', async () => {
      const browser = new TestBrowser(platform.app);
      const page = await browser.get('/kase/pieraksts?service=konti&centre=riga-smilsu');
      assert.equal(page.statusCode, 200);
      const text = prose(page.body);
      assert.match(text, /Kāpēc citas dienas nav piedāvātas\?/);
      assert.match(text, /Laiku var izvēlēties no 19\. novembra līdz 16\. decembrim\./);
      assert.match(text, /Centrs nestrādā sestdienās un svētdienās\./);
      assert.match(text, /trešdiena, 2026\. gada 18\. novembris\s*: Šajā dienā centrs nestrādā – Latvijas Republikas proklamēšanas diena/);
      assert.match(page.body, /<li data-day-reason="min-notice">/);
      assert.match(page.body, /<li data-day-reason="fully-booked">/);
      assert.match(page.body, /<li data-day-reason="closed-date">/);
      assert.doesNotMatch(page.body, /<li data-day-reason="closed-weekday">/, 'weekends said once, not per day');
      assert.doesNotMatch(page.body, /name="day"(?: checked="")? value="2026-11-20"/, 'the fully booked day is not offered');
      assert.match(page.body, /name="day"(?: checked="")? value="2026-11-19"/);
      assertGoodLatvian(page.body);
      const english = prose((await browser.get('/kase/pieraksts?service=konti&centre=riga-smilsu&lang=en')).body);
      assert.match(english, /Times can be chosen from 19 November to 16 December\./);
      assert.match(english, /The centre is closed on Saturdays and Sundays\./);
    });

    it('the staff booking page names the reason too (not "no free times")', async () => {
      const staff = await staffBrowser(platform, 'kase', 'supervisor');
      for (const [day, kind, lv] of cases) {
        const page = await staff.get(`/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=${day}&lang=lv`);
        assert.equal(page.statusCode, 200, day);
        assert.match(page.body, new RegExp(`data-day-reason="${kind}"`), `${day} is ${kind}`);
        assert.match(prose(page.body), lv, day);
        assert.doesNotMatch(page.body, /brīvu laiku vairs nav/);
      }
      const english = await staff.get('/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=2026-11-17&lang=en');
      assert.match(prose(english.body), /at least 2 working days ahead\. You can choose a time from 19 November\./);
    });
  });
}
