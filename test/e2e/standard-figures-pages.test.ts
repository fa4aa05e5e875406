// "Is the standard kept?" in a real Chromium with JavaScript off: the public page (LV and EN) and the staff
// dashboard, its error state and the records behind a figure — axe (WCAG 2.1 AA) on each, and no sideways
// scrolling on a 360 px and a 390 px phone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import { refreshDays } from '../../src/features/standard-figures/refresh.service.ts';
import { event, inquiry, surveyAnswer, ticket } from '../../src/features/standard-figures/standard-figures.testing.ts';
import {
  assertAccessible,
  assertFitsSmallPhone,
  closeBrowserTestBed,
  horizontalOverflow,
  newContext,
  openBrowserTestBed,
  openPage,
  signInWithKeyboard,
  SMALL_PHONE,
  visit,
  type ServedPlatform,
  type StaffAccount,
} from '../support/browser.ts';

const SUPERVISOR: StaffAccount = { email: 'standarts@vsaa.example.lv', password: 'standarta-parole-2027', agency: 'vsaa', role: 'supervisor' };
const KASE_SUPERVISOR: StaffAccount = { email: 'standarts@kase.example.lv', password: 'kases-standarta-parole-2027', agency: 'kase', role: 'supervisor' };
const PHONE_390 = { width: 390, height: 844 } as const;

let platform: ServedPlatform;
let browser: Browser;

before(async () => {
  ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2027-01-20T10:00:00Z'), staff: [SUPERVISOR, KASE_SUPERVISOR] }));
  const late = await inquiry(platform, { channel: 'email', receivedAt: '2027-01-04T08:00:00Z', receivedOn: '2027-01-04', deadline: '2027-01-18', status: 'answered' });
  await event(platform, late.id, '2027-01-19T10:00:00Z', 'replied', 'answered');
  for (const courtesy of [4, 5, 5, 4, 5, 5]) await surveyAnswer(platform, { createdAt: '2027-01-05T10:00:00Z', submittedAt: '2027-01-06T10:00:00Z', ratings: { overall: 5, courtesy }, centre: 'riga-lacplesa' });
  for (const wait of [2, 8, 25]) await ticket(platform, { centre: 'riga-lacplesa', day: '2027-01-05', issuedAt: '2027-01-05T08:00:00Z', waitMinutes: wait });
  await refreshDays(platform.deps, 'vsaa', '2026-12-01', '2027-01-20');
  // The Treasury promises a quick service (queue.waitP90): its tickets are behind that figure.
  for (const [service, wait] of [['konti', 42], ['parakstu-kartites', 7]] as const) await ticket(platform, { agency: 'kase', centre: 'riga-smilsu', service, day: '2027-01-05', issuedAt: '2027-01-05T08:00:00Z', waitMinutes: wait });
  await refreshDays(platform.deps, 'kase', '2026-12-01', '2027-01-20');
});
after(() => closeBrowserTestBed({ platform, browser }));

async function fits390(page: Page, what: string) {
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  assert.equal(viewportWidth, 390);
  assert.ok(scrollWidth <= viewportWidth, `${what} is ${scrollWidth}px wide on a 390px screen`);
}

describe('public page /vsaa/standarts/izpilde, JavaScript off', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`(${lang}) is accessible and fits 360 px and 390 px phones; reached from the standard page`, async () => {
      const { context, page, response } = await openPage(browser, platform.baseUrl, `/vsaa/standarts${lang === 'en' ? '?lang=en' : ''}`, { viewport: SMALL_PHONE });
      try {
        assert.equal(response.status(), 200);
        const [figures] = await Promise.all([page.waitForNavigation(), page.locator('a[href^="/vsaa/standarts/izpilde"]').click()]);
        assert.equal(figures?.status(), 200);
        assert.equal(await page.locator('h1').count(), 1);
        assert.ok((await page.locator('td', { hasText: lang === 'lv' ? 'mazāk nekā 5' : 'fewer than 5' }).count()) > 0);
        await assertAccessible(page, `public figures (${lang})`);
        await assertFitsSmallPhone(page, `public figures (${lang})`);
        await page.setViewportSize(PHONE_390);
        await fits390(page, `public figures (${lang})`);
        // The period form works without JavaScript; a reversed period is a 400 with the error shown.
        await page.locator('#field-from').fill('2027-01-31');
        await page.locator('#field-to').fill('2027-01-01');
        const [bad] = await Promise.all([page.waitForNavigation(), page.locator('form.filters button[type="submit"]').click()]);
        assert.equal(bad?.status(), 400);
        assert.equal(await page.locator('.error-summary a').count(), 1);
        await assertAccessible(page, `public figures with an error (${lang})`);
        await fits390(page, `public figures with an error (${lang})`);
      } finally {
        await context.close();
      }
    });
  }
});

describe('staff dashboard /staff/vsaa/standarts, JavaScript off', () => {
  it('the table, an error state and the records behind a figure are accessible and fit a phone', async () => {
    const context = await newContext(browser, platform.baseUrl, { viewport: SMALL_PHONE });
    const page = await context.newPage();
    try {
      assert.equal((await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password)).status(), 200);
      assert.equal((await visit(page, '/staff/vsaa/standarts?period=month&month=2027-01')).status(), 200);
      assert.ok((await page.locator('svg.chart').count()) >= 5, 'a trend chart per measured promise');
      await assertAccessible(page, 'staff dashboard');
      await assertFitsSmallPhone(page, 'staff dashboard');
      await page.setViewportSize(PHONE_390);
      await fits390(page, 'staff dashboard');
      assert.equal((await visit(page, '/staff/vsaa/standarts?period=range&from=2027-02-01&to=2027-01-01')).status(), 400);
      await assertAccessible(page, 'staff dashboard with an error');
      assert.equal((await visit(page, '/staff/vsaa/standarts/atbildes-termina/ieraksti?period=month&month=2027-01')).status(), 200);
      assert.equal(await page.locator('table a[href^="/staff/vsaa/iesniegumi/"]').count(), 1);
      await assertAccessible(page, 'records behind a figure');
      await fits390(page, 'records behind a figure');
    } finally {
      await context.close();
    }
  });
});

describe('a queue ticket opened from the tickets that waited longest, JavaScript off', () => {
  it('the drill-down links each ticket to its page; the page is accessible in LV and EN and fits a 390 px phone', async () => {
    const context = await newContext(browser, platform.baseUrl, { viewport: PHONE_390 });
    const page = await context.newPage();
    try {
      assert.equal((await signInWithKeyboard(page, KASE_SUPERVISOR.email, KASE_SUPERVISOR.password)).status(), 200);
      assert.equal((await visit(page, '/staff/kase/standarts/atri/ieraksti?period=month&month=2027-01')).status(), 200);
      const links = page.locator('table a[href^="/staff/kase/rinda/biletes/"]');
      assert.equal(await links.count(), 2);
      // The longest wait first: the 42-minute accounts ticket.
      const [opened] = await Promise.all([page.waitForNavigation(), links.first().click()]);
      assert.equal(opened?.status(), 200);
      assert.match(await page.locator('h1').innerText(), /^Rindas biļete /);
      assert.equal(await page.locator('dl.facts dd', { hasText: 'Kontu atvēršana un slēgšana' }).count(), 1);
      assert.equal(await page.locator('dl.facts dd', { hasText: /^42$/ }).count(), 1);
      await assertAccessible(page, 'queue ticket (lv)');
      await fits390(page, 'queue ticket (lv)');
      const url = new URL(page.url());
      assert.equal((await visit(page, `${url.pathname}?lang=en`)).status(), 200);
      assert.match(await page.locator('h1').innerText(), /^Queue ticket /);
      assert.equal(await page.locator('dl.facts dt', { hasText: 'Waited until called (whole minutes)' }).count(), 1);
      await assertAccessible(page, 'queue ticket (en)');
      await fits390(page, 'queue ticket (en)');
      // The link back to the centre's figures of that day works too.
      const [figures] = await Promise.all([page.waitForNavigation(), page.locator('a[href^="/staff/kase/rinda/riga-smilsu/skaitli?day=2027-01-05"]').click()]);
      assert.equal(figures?.status(), 200);
    } finally {
      await context.close();
    }
  });
});
