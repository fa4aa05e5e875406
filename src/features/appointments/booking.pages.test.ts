import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../platform/clock.ts';
import { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

const NOW = '2026-11-16T07:00:00Z'; // Monday 09:00 in Riga

function firstRadio(html: string, name: string): string {
  const value = new RegExp(`name="${name}"(?: checked="")? value="([^"]+)"`).exec(html)?.[1];
  assert.ok(value, `no ${name} choice`);
  return value.replace(/&amp;/g, '&').replace(/&#x2B;|&#43;/g, '+');
}

async function count(platform: TestPlatform, where: string): Promise<number> {
  const result = await platform.deps.db.execute(sql.raw(`select count(*)::int as n from appointments where ${where}`));
  return (result as unknown as { rows: Array<{ n: number }> }).rows[0]?.n ?? 0;
}

for (const target of testTargets()) {
  describe(`booking pages without JavaScript (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock(NOW) });
    });
    after(() => platform.close());

    /** Walks the GET steps like a browser without JavaScript, taking the first offered choice. */
    async function walk(browser: TestBrowser, slug: string, service?: string, centre?: string) {
      const start = await browser.get(`/${slug}/pieraksts`);
      assert.equal(start.statusCode, 200);
      const s = service ?? firstRadio(start.body, 'service');
      const places = await browser.get(`/${slug}/pieraksts?service=${s}`);
      const c = centre ?? firstRadio(places.body, 'centre');
      const days = await browser.get(`/${slug}/pieraksts?service=${s}&centre=${c}`);
      const day = firstRadio(days.body, 'day');
      const times = await browser.get(`/${slug}/pieraksts?service=${s}&centre=${c}&day=${day}`);
      const time = firstRadio(times.body, 'start');
      const detailsUrl = `/${slug}/pieraksts?service=${s}&centre=${c}&day=${day}&start=${encodeURIComponent(time)}`;
      const details = await browser.get(detailsUrl);
      assert.equal(details.statusCode, 200);
      assert.match(details.body, /name="_csrf"/);
      const key = /name="idempotencyKey" value="([^"]+)"/.exec(details.body)?.[1] ?? '';
      const csrf = /name="_csrf" value="([^"]+)"/.exec(details.body)?.[1] ?? '';
      /** Posts the details form as the page was loaded (a second click re-sends the same fields). */
      const post = (form: Record<string, string>) => browser.request({ method: 'POST', url: `/${slug}/pieraksts`, form: { ...form, _csrf: csrf } });
      return { s, c, day, time, detailsUrl, key, details, post };
    }

    it('books through the five steps, shows the confirmation with the code, and a double submit makes one appointment', async () => {
      const browser = new TestBrowser(platform.app);
      const steps = await walk(browser, 'vsaa', 'pensijas', 'riga-lacplesa');
      assert.equal(steps.day, '2026-11-16');
      assert.equal(steps.time, '2026-11-16T09:05:00+02:00');
      const form = { service: steps.s, centre: steps.c, start: steps.time, idempotencyKey: steps.key, name: 'Jānis Ozols', email: 'janis@example.lv', phone: '', personalCode: '', assistant: 'interpreter' };
      const first = await steps.post(form);
      assert.equal(first.statusCode, 303);
      const second = await steps.post(form);
      assert.equal(second.statusCode, 303);
      assert.equal(await count(platform, `client_email = 'janis@example.lv'`), 1);
      const confirmation = await browser.get(String(first.headers.location));
      assert.equal(confirmation.statusCode, 200);
      assert.match(confirmation.body, /Pieraksts apstiprināts/);
      assert.match(confirmation.body, /Lāčplēša iela 70A/);
      assert.match(confirmation.body, /personu apliecinošu dokumentu/);
      const code = /class="booking-code">([A-Z0-9]{6})</.exec(confirmation.body)?.[1];
      assert.ok(code);
      const manage = /href="(\/vsaa\/pieraksts\/mans\/[^"]+)"/.exec(confirmation.body)?.[1]?.replace(/&amp;/g, '&');
      assert.ok(manage);
      const page = await browser.get(manage);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(code));
      const ics = await browser.get(manage.replace('?', '/pieraksts.ics?'));
      assert.match(String(ics.headers['content-type']), /text\/calendar/);
      assert.match(ics.body, /BEGIN:VEVENT/);

      // Lateness, then reschedule to another day, then cancel — all as forms.
      const late = await browser.submitForm(manage, manage.replace('?', '/kavejums?').split('?')[0] ?? '', { token: new URL(manage, 'http://x').searchParams.get('token') ?? '', lateMinutes: '15' });
      assert.equal(late.statusCode, 303);
      const token = new URL(manage, 'http://x').searchParams.get('token') ?? '';
      const dayPage = await browser.get(`${manage}&day=2026-11-19`);
      const newStart = firstRadio(dayPage.body, 'start');
      const moved = await browser.submitForm(manage, `${manage.split('?')[0]}/parcelt`, { token, start: newStart });
      assert.equal(moved.statusCode, 303);
      assert.equal(await count(platform, `client_email = 'janis@example.lv' and starts_at = '${newStart}' and late_minutes is null`), 1);
      const csrf = /name="_csrf" value="([^"]+)"/.exec((await browser.get(manage)).body)?.[1] ?? '';
      // Cancelling asks first: the manage page's button opens the question, a post without `confirm` only asks again.
      const question = await browser.get(`${manage.split('?')[0]}/atcelt?token=${encodeURIComponent(token)}`);
      assert.equal(question.statusCode, 200);
      assert.match(question.body, /Vai tiešām atcelt pierakstu\?/);
      assert.match(question.body, /name="confirm" value="yes"/);
      const unconfirmed = await browser.request({ method: 'POST', url: `${manage.split('?')[0]}/atcelt`, form: { token, _csrf: csrf } });
      assert.equal(unconfirmed.statusCode, 200);
      assert.match(unconfirmed.body, /Vai tiešām atcelt pierakstu\?/);
      assert.equal(await count(platform, `client_email = 'janis@example.lv' and status = 'cancelled'`), 0);
      const cancel = () => browser.request({ method: 'POST', url: `${manage.split('?')[0]}/atcelt`, form: { token, confirm: 'yes', _csrf: csrf } });
      assert.equal((await cancel()).statusCode, 303);
      assert.equal(await count(platform, `client_email = 'janis@example.lv' and status = 'cancelled'`), 1);
      const afterCancel = await cancel();
      assert.equal(afterCancel.statusCode, 410);
      assert.match(afterCancel.body, /vairs nav derīga/);
    });

    it('shows field errors in the form and writes nothing', async () => {
      const browser = new TestBrowser(platform.app);
      const steps = await walk(browser, 'kase', 'konti', 'riga-smilsu');
      assert.equal(steps.day, '2026-11-19', 'two working days after Monday, skipping the 18 November holiday');
      const response = await browser.submitForm(steps.detailsUrl, '/kase/pieraksts', { service: steps.s, centre: steps.c, start: steps.time, idempotencyKey: steps.key, name: '', email: 'nav-epasts', personalCode: '010190-10002', reason: '' });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, /error-summary/);
      assert.match(response.body, /id="field-name"/);
      const noReason = await browser.submitForm(steps.detailsUrl, '/kase/pieraksts', { service: steps.s, centre: steps.c, start: steps.time, idempotencyKey: steps.key, name: 'Pēteris', email: 'p@example.lv', reason: '' });
      assert.equal(noReason.statusCode, 422);
      assert.match(noReason.body, /elektroniski/);
      assert.equal(await count(platform, `agency = 'kase'`), 0);
    });

    it('a taken time sends the client back to choose another (409)', async () => {
      const a = new TestBrowser(platform.app);
      const b = new TestBrowser(platform.app);
      const stepsA = await walk(a, 'kase', 'konti', 'riga-smilsu');
      const stepsB = await walk(b, 'kase', 'konti', 'riga-smilsu');
      const form = { service: 'konti', centre: 'riga-smilsu', start: stepsA.time, name: 'A', email: 'a@example.lv', reason: 'Nav e-paraksta' };
      assert.equal((await stepsA.post({ ...form, idempotencyKey: stepsA.key })).statusCode, 303);
      const lost = await stepsB.post({ ...form, idempotencyKey: stepsB.key });
      assert.equal(lost.statusCode, 409);
      assert.match(lost.body, /tikko tika aizņemts/);
      assert.ok(!lost.body.includes(`value="${stepsA.time}"`));
    });

    it('a tampered manage link looks exactly like an unknown one', async () => {
      const browser = new TestBrowser(platform.app);
      const tampered = await browser.get('/vsaa/pieraksts/mans/00000000-0000-4000-8000-000000000000?token=abc');
      const garbage = await browser.get('/vsaa/pieraksts/mans/not-a-uuid?token=abc');
      assert.equal(tampered.statusCode, 404);
      assert.equal(garbage.statusCode, 404);
      assert.match(tampered.body, /Pieraksts nav atrasts/);
    });

    it('works in English', async () => {
      const page = await new TestBrowser(platform.app).get('/vsaa/pieraksts?lang=en&service=pensijas');
      assert.match(page.body, /Client service centres/);
      assert.match(page.body, /name="lang" value="en"/);
    });
  });
}
