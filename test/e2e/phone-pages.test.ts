// Phone pages in a real Chromium: the public phone page and the callback form on a small phone with JavaScript
// off (errors shown, request sent, confirmation), and at 390 px; the staff call log with the keyboard only and the
// running timer (JavaScript on), the callbacks list and the figures; axe on every state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import {
  assertAccessible,
  assertFitsSmallPhone,
  closeBrowserTestBed,
  horizontalOverflow,
  newContext,
  openBrowserTestBed,
  openPage,
  pressAndNavigate,
  signInWithKeyboard,
  SMALL_PHONE,
  visit,
  type ServedPlatform,
  type StaffAccount,
} from '../support/browser.ts';

const SUPERVISOR: StaffAccount = { email: 'vaditaja@kase.example.lv', password: 'vaditajas-parole-2026', agency: 'kase', role: 'supervisor' };

let platform: ServedPlatform;
let browser: Browser;

before(async () => {
  // Monday 16 November 2026, 10:00 Riga: the line is open.
  ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2026-11-16T08:00:00Z'), staff: [SUPERVISOR] }));
});
after(() => closeBrowserTestBed({ platform, browser }));

async function submit(page: Page, label: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
  return response?.status() ?? 0;
}

describe('public phone page, JavaScript off', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`(${lang}) is accessible on a small phone, shows errors and takes a callback request`, async () => {
      const path = lang === 'en' ? '/kase/talrunis?lang=en' : '/kase/talrunis';
      const { context, page, response } = await openPage(browser, platform.baseUrl, path, { viewport: SMALL_PHONE });
      try {
        assert.equal(response.status(), 200);
        await assertAccessible(page, 'phone page');
        await assertFitsSmallPhone(page);
        const send = lang === 'lv' ? 'Lūgt atzvanīt' : 'Ask to be called back';
        assert.equal(await submit(page, send), 400);
        assert.ok((await page.locator('.error-summary a').count()) >= 3);
        await assertAccessible(page, 'phone page with errors');
        await assertFitsSmallPhone(page);
        await page.locator('#field-name').fill('Anna Bērziņa');
        await page.locator('#field-phone').fill('20000000');
        await page.locator('#field-topic').selectOption('konti');
        await page.locator('#field-date').fill('2026-11-19');
        await page.locator('#field-from').selectOption('09:00');
        await page.locator('#field-to').selectOption('10:00');
        await page.locator('#field-consent').check();
        assert.equal(await submit(page, send), 200);
        assert.match(await page.locator('main').innerText(), lang === 'lv' ? /līdz otrdienai, 17\. novembrim, plkst\. 16:15/ : /by Tuesday 17 November, 16:15/);
        await assertAccessible(page, 'callback confirmation');
        await assertFitsSmallPhone(page);
      } finally {
        await context.close();
      }
    });
  }

  it('fits a 390 px phone too (VSAA with every KAC number)', async () => {
    const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/talrunis', { viewport: { width: 390, height: 844 } });
    try {
      const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
      assert.ok(scrollWidth <= viewportWidth, `${scrollWidth} > ${viewportWidth}`);
      await assertAccessible(page, 'VSAA phone page');
    } finally {
      await context.close();
    }
  });
});

describe('staff phone pages', () => {
  it('the call log by keyboard only with the running timer (JavaScript on): Enter saves, the form is ready for the next call', async () => {
    const context = await newContext(browser, platform.baseUrl, { javaScript: true });
    const page = await context.newPage();
    try {
      assert.equal((await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password)).status(), 200);
      assert.equal((await visit(page, '/staff/kase/talrunis')).status(), 200);
      await assertAccessible(page, 'call log');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-topic', 'the topic has the focus');
      await page.waitForTimeout(1100);
      assert.match(await page.locator('#call-timer').innerText(), /^0:0[1-9]$/);
      assert.match(await page.locator('#field-duration').inputValue(), /^0:0[1-9]$/, 'the timer fills the duration');
      await page.keyboard.press('ArrowDown'); // first topic
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab'); // duration
      const saved = await pressAndNavigate(page, 'Enter');
      assert.equal(saved.status(), 200);
      assert.match(await page.locator('[role="status"]').innerText(), /Zvans saglabāts/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-topic', 'ready for the next call');
      await assertAccessible(page, 'call log after saving');
      assert.equal(await submit(page, 'Saglabāt zvanu'), 400);
      await assertAccessible(page, 'call log with errors');
      assert.equal((await visit(page, '/staff/kase/talrunis/atzvani')).status(), 200);
      await assertAccessible(page, 'callbacks list');
      assert.equal((await visit(page, '/staff/kase/talrunis/skaitli?from=2026-11-01&to=2026-11-30')).status(), 200);
      assert.ok((await page.locator('svg.chart').count()) >= 4);
      await assertAccessible(page, 'phone figures');
    } finally {
      await context.close();
    }
  });

  it('the call log works with JavaScript off (duration typed)', async () => {
    const context = await newContext(browser, platform.baseUrl);
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password);
      await visit(page, '/staff/kase/talrunis');
      await page.locator('#field-topic').selectOption('maksajumi');
      await page.locator('#field-duration').fill('2:10');
      assert.equal(await submit(page, 'Saglabāt zvanu'), 200);
      assert.match(await page.locator('[role="status"]').innerText(), /Zvans saglabāts/);
      await assertAccessible(page, 'call log without JavaScript');
    } finally {
      await context.close();
    }
  });
});
