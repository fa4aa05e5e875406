// Feedback pages in a real Chromium: the survey and the opinion form on a 360px phone with JavaScript off
// (filled in and sent, errors shown), the staff results page, own answers page and record form; axe on every state.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import { inviteToSurvey } from '../../src/features/feedback/survey-invitations.service.ts';
import {
  assertAccessible,
  assertFitsSmallPhone,
  closeBrowserTestBed,
  newContext,
  openBrowserTestBed,
  openPage,
  signInWithKeyboard,
  SMALL_PHONE,
  visit,
  type ServedPlatform,
  type StaffAccount,
} from '../support/browser.ts';

const SUPERVISOR: StaffAccount = { email: 'vaditaja@vsaa.example.lv', password: 'vaditajas-parole-2026', agency: 'vsaa', role: 'supervisor' };

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2026-11-23T10:00:00Z'), staff: [SUPERVISOR] })));
after(() => closeBrowserTestBed({ platform, browser }));



async function submit(page: Page, label: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
  return response?.status() ?? 0;
}

describe('survey page on a small phone, JavaScript off', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`(${lang}) is accessible, fits the screen, shows errors and accepts one answer`, async () => {
      const { url } = await inviteToSurvey(platform.deps, { agency: 'vsaa', contactKind: 'ticket', contactRef: `T-${lang}`, centreId: 'riga-lacplesa', staffId: '00000000-0000-4000-8000-000000000001', lang });
      const path = lang === 'en' ? `${url}?lang=en` : url;
      const { context, page, response } = await openPage(browser, platform.baseUrl, path, { viewport: SMALL_PHONE });
      try {
        assert.equal(response.status(), 200);
        await assertAccessible(page, 'survey form');
        await assertFitsSmallPhone(page);
        // Send without the required overall rating: the error summary and the field error.
        await page.locator('#field-courtesy-4').check();
        assert.equal(await submit(page, lang === 'lv' ? 'Nosūtīt vērtējumu' : 'Send rating'), 400);
        assert.equal(await page.locator('.error-summary a').count(), 1);
        await assertAccessible(page, 'survey form with errors');
        await assertFitsSmallPhone(page);
        await page.locator('#field-overall-5').check();
        await page.locator('#field-comment').fill(lang === 'lv' ? 'Ātri un laipni.' : 'Quick and kind.');
        await page.locator('#field-staffConsent').check();
        assert.equal(await submit(page, lang === 'lv' ? 'Nosūtīt vērtējumu' : 'Send rating'), 200);
        assert.match(new URL(page.url()).pathname, /\/vsaa\/aptauja\/paldies$/);
        await assertAccessible(page, 'survey thanks');
        const again = await visit(page, path);
        assert.equal(again.status(), 410);
        await assertAccessible(page, 'survey already answered');
        await assertFitsSmallPhone(page);
      } finally {
        await context.close();
      }
    });
  }

  it('a forged link shows an accessible 404 page', async () => {
    const { context, page, response } = await openPage(browser, platform.baseUrl, '/vsaa/aptauja/forged-link', { viewport: SMALL_PHONE });
    try {
      assert.equal(response.status(), 404);
      await assertAccessible(page, 'invalid survey link');
      await assertFitsSmallPhone(page);
    } finally {
      await context.close();
    }
  });
});

describe('opinion form on a small phone, JavaScript off', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`(${lang}) is accessible, fits the screen, shows errors and files a complaint`, async () => {
      const path = lang === 'en' ? '/vsaa/atsauksme?lang=en' : '/vsaa/atsauksme';
      const { context, page, response } = await openPage(browser, platform.baseUrl, path, { viewport: SMALL_PHONE });
      try {
        assert.equal(response.status(), 200);
        await assertAccessible(page, 'opinion form');
        await assertFitsSmallPhone(page);
        const send = lang === 'lv' ? 'Nosūtīt atsauksmi' : 'Send feedback';
        assert.equal(await submit(page, send), 400);
        assert.ok((await page.locator('.error-summary a').count()) >= 2);
        await assertAccessible(page, 'opinion form with errors');
        await assertFitsSmallPhone(page);
        await page.locator('#field-kind-complaint').check();
        await page.locator('#field-subject-centre').check();
        await page.locator('#field-centre').selectOption('daugavpils');
        await page.locator('#field-text').fill('Rinda bija pārāk gara.');
        await page.locator('#field-name').fill('Anna Bērziņa');
        await page.locator('#field-email').fill('anna@example.lv');
        await page.locator('#field-expectsAnswer').check();
        assert.equal(await submit(page, send), 200);
        assert.match(await page.locator('main').innerText(), /VSAA-2026-\d+/);
        await assertAccessible(page, 'opinion thanks');
        await assertFitsSmallPhone(page);
      } finally {
        await context.close();
      }
    });
  }
});

describe('staff feedback pages, JavaScript off', () => {
  it('results and the record form are accessible, also with errors (the phone log: test/e2e/phone-pages.test.ts)', async () => {
    const { url } = await inviteToSurvey(platform.deps, { agency: 'vsaa', contactKind: 'appointment', contactRef: 'A-1', centreId: 'daugavpils', lang: 'lv' });
    const context = await newContext(browser, platform.baseUrl);
    const page = await context.newPage();
    try {
      await visit(page, url);
      await page.locator('#field-overall-4').check();
      await page.locator('#field-comment').fill('Labi.');
      await submit(page, 'Nosūtīt vērtējumu');
      const signIn = await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password);
      assert.equal(signIn.status(), 200);
      assert.equal((await visit(page, '/staff/vsaa/atsauksmes')).status(), 200);
      assert.ok((await page.locator('svg.chart').count()) >= 3);
      await assertAccessible(page, 'staff results');
      assert.equal((await visit(page, '/staff/vsaa/atsauksmes?from=2026-13')).status(), 400);
      await assertAccessible(page, 'staff results with a filter error');
      assert.equal((await visit(page, '/staff/vsaa/atsauksmes/mani')).status(), 200);
      await assertAccessible(page, 'own answers page');
      assert.equal((await visit(page, '/staff/vsaa/atsauksmes/jauna')).status(), 200);
      await assertAccessible(page, 'record opinion form');
      assert.equal(await submit(page, 'Reģistrēt atsauksmi'), 400);
      await assertAccessible(page, 'record opinion form with errors');
    } finally {
      await context.close();
    }
  });
});
