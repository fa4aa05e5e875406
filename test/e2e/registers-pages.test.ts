// Registers pages in a real Chromium at 390 px (and the 360 px small phone): lists, forms (with errors), detail,
// summary and template pages, in Latvian and English; axe (WCAG 2.1 AA) on every state. JavaScript off: the
// pages are plain forms that post and redirect.
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
  signInWithKeyboard,
  SMALL_PHONE,
  visit,
  type ServedPlatform,
  type StaffAccount,
} from '../support/browser.ts';

const SUPERVISOR: StaffAccount = { email: 'vaditaja@vsaa.example.lv', password: 'vaditajas-parole-2026', agency: 'vsaa', role: 'supervisor' };
const PHONE_390 = { width: 390, height: 844 };
const R = '/staff/vsaa/registri';

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2026-11-23T10:00:00Z'), staff: [SUPERVISOR] })));
after(() => closeBrowserTestBed({ platform, browser }));

async function fits390(page: Page, what: string): Promise<void> {
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  assert.equal(viewportWidth, 390);
  assert.ok(scrollWidth <= viewportWidth, `${what} is ${scrollWidth}px wide on a 390px screen`);
}

async function submit(page: Page, label: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
  return response?.status() ?? 0;
}

async function check(page: Page, path: string, what: string, status = 200): Promise<void> {
  assert.equal((await visit(page, path)).status(), status, what);
  await assertAccessible(page, what);
  await fits390(page, what);
}

describe('registers pages at 390 px, JavaScript off', () => {
  it('incidents: form with errors, recorded, list, detail; service errors and gifts; summary and template — accessible in LV and EN', async () => {
    const context = await newContext(browser, platform.baseUrl, { javaScript: false, viewport: PHONE_390 });
    const page = await context.newPage();
    try {
      assert.equal((await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password)).status(), 200);
      await check(page, R, 'registers home');
      await check(page, `${R}/incidenti/jauns`, 'incident form');
      await page.locator('#field-description').fill('Klients skaļi lamājās rindā.');
      assert.equal(await submit(page, 'Reģistrēt incidentu'), 400, 'no kind chosen');
      assert.ok((await page.locator('.error-summary a').count()) >= 1);
      await assertAccessible(page, 'incident form with errors');
      await fits390(page, 'incident form with errors');
      await page.locator('#field-kind').selectOption('offensive-behaviour');
      await page.locator('#field-centre').selectOption('riga-lacplesa');
      await page.locator('#field-actions').check();
      assert.equal(await submit(page, 'Reģistrēt incidentu'), 200);
      assert.match(new URL(page.url()).pathname, /\/registri\/incidenti\/[0-9a-f-]{36}$/);
      await assertAccessible(page, 'incident detail');
      await fits390(page, 'incident detail');
      await check(page, `${R}/incidenti`, 'incident list');
      await check(page, `${R}/incidenti?from=2026-13-01`, 'incident list with a filter error', 400);

      await check(page, `${R}/kludas/jauna`, 'service error form');
      assert.equal(await submit(page, 'Reģistrēt kļūdu'), 400);
      await assertAccessible(page, 'service error form with errors');
      await fits390(page, 'service error form with errors');
      await check(page, `${R}/kludas`, 'service error list');
      await check(page, `${R}/kludas/veidne`, 'apology template');

      await check(page, `${R}/davanas/jauna`, 'gift form');
      await page.locator('#field-kind').selectOption('gift');
      await page.locator('#field-what').fill('Konfekšu kārba');
      await page.locator('#field-estimatedValueEur').fill('-1');
      assert.equal(await submit(page, 'Deklarēt'), 400);
      await assertAccessible(page, 'gift form with errors');
      await page.locator('#field-estimatedValueEur').fill('8,90');
      assert.equal(await submit(page, 'Deklarēt'), 200);
      await assertAccessible(page, 'gift detail');
      await fits390(page, 'gift detail');
      await check(page, `${R}/davanas`, 'gift list');
      await check(page, `${R}/davanas/kopsavilkums`, 'gift summary');

      await check(page, `${R}/incidenti?lang=en`, 'incident list (EN)');
      await check(page, `${R}/kludas/jauna?lang=en`, 'service error form (EN)');
    } finally {
      await context.close();
    }
  });

  it('the incident list fits the 360 px small phone too', async () => {
    const context = await newContext(browser, platform.baseUrl, { javaScript: false, viewport: SMALL_PHONE });
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password);
      assert.equal((await visit(page, `${R}/incidenti`)).status(), 200);
      await assertFitsSmallPhone(page, 'incident list');
      assert.equal((await visit(page, `${R}/davanas/jauna`)).status(), 200);
      await assertFitsSmallPhone(page, 'gift form');
    } finally {
      await context.close();
    }
  });
});
