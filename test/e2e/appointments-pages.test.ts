// Appointment pages in a real Chromium: the public booking flow with JavaScript off on a 360 px phone
// (every step scanned with axe, no horizontal overflow), in Latvian and English, then the private manage
// page; the staff schedule, appointment, booking-for-a-client and closures pages scanned too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import {
  assertAccessible,
  assertFitsSmallPhone,
  closeBrowserTestBed,
  newContext,
  openBrowserTestBed,
  signInWithKeyboard,
  SMALL_PHONE,
  visit,
  type ServedPlatform,
} from '../support/browser.ts';

// Monday 16 November 2026, 09:00 in Riga.
const NOW = '2026-11-16T07:00:00Z';
const SUPERVISOR = { email: 'supervisor.e2e@kase.test', password: 'e2e-password-123456', agency: 'kase', role: 'supervisor' as const };

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock(NOW), staff: [SUPERVISOR] })));
after(() => closeBrowserTestBed({ platform, browser }));

async function assertGood(page: Page, what: string, phone = true): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `one h1 on ${what}`);
  await assertAccessible(page, what);
  if (phone) await assertFitsSmallPhone(page, what);
}

/** Submits the step form of the page (the first radio is pre-selected) and waits for the next page. */
async function next(page: Page, buttonText: RegExp): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: buttonText }).first().click()]);
  return response?.status() ?? 0;
}

for (const [slug, lang, service] of [
  ['vsaa', 'lv', 'Konsultācija par pensijām'],
  ['kase', 'en', 'Opening and closing accounts'],
] as const) {
  describe(`/${slug}/pieraksts (${lang}), JavaScript off, 360 px phone`, () => {
    it('books through every step, each page accessible, then manages the appointment', async () => {
      const context = await newContext(browser, platform.baseUrl, { viewport: SMALL_PHONE });
      try {
        const page = await context.newPage();
        const nextLabel = lang === 'lv' ? /Tālāk/ : /Continue/;
        const start = await visit(page, `/${slug}/pieraksts${lang === 'en' ? '?lang=en' : ''}`);
        assert.equal(start.status(), 200);
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await assertGood(page, `${slug} step 1`);
        await page.getByLabel(service).check();
        assert.equal(await next(page, nextLabel), 200);
        await assertGood(page, `${slug} step 2 (place)`);
        assert.equal(await next(page, nextLabel), 200);
        await assertGood(page, `${slug} step 3 (day)`);
        assert.equal(await next(page, nextLabel), 200);
        await assertGood(page, `${slug} step 4 (time)`);
        assert.equal(await next(page, nextLabel), 200);
        await assertGood(page, `${slug} step 5 (details)`);

        // Submitting empty: the error summary, still accessible.
        const bookLabel = lang === 'lv' ? /Pieteikties/ : /^Book$/;
        assert.equal(await next(page, bookLabel), 400);
        await assertGood(page, `${slug} details with errors`);
        await page.locator('#field-name').fill('Anna Bērziņa');
        await page.locator('#field-email').fill('anna@example.lv');
        if (slug === 'kase') await page.locator('#field-reason').fill('No secure e-signature');
        assert.equal(await next(page, bookLabel), 200);
        assert.match(new URL(page.url()).pathname, new RegExp(`/${slug}/pieraksts/apstiprinats`));
        await assertGood(page, `${slug} confirmation`);
        const code = (await page.locator('.booking-code').innerText()).trim();
        assert.match(code, /^[A-Z0-9]{6}$/);

        const manageName = lang === 'lv' ? 'Pārvaldīt pierakstu' : 'Manage the appointment';
        const [manage] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: manageName }).click()]);
        assert.equal(manage?.status(), 200);
        await assertGood(page, `${slug} manage page`);
        // Rescheduling: the new day's free times on the same page (a GET form, no JavaScript).
        const manageUrl = page.url();
        assert.equal((await visit(page, `${manageUrl}&day=2026-11-20`)).status(), 200);
        assert.ok((await page.locator('input[name="start"]').count()) > 0, 'free times of the new day');
        await assertGood(page, `${slug} manage page, choosing a new time`);
        await visit(page, manageUrl);
        const cancelName = lang === 'lv' ? 'Atcelt pierakstu' : 'Cancel the appointment';
        const [asked] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: cancelName }).click()]);
        assert.equal(asked?.status(), 200);
        const confirmName = lang === 'lv' ? 'Jā, atcelt pierakstu' : 'Yes, cancel the appointment';
        const [cancelled] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: confirmName }).click()]);
        assert.equal(cancelled?.status(), 200);
        await assertGood(page, `${slug} manage page after cancelling`);
      } finally {
        await context.close();
      }
    });
  });
}

describe('manage link that does not open', () => {
  it('a tampered link gives an accessible 404 page', async () => {
    const context = await newContext(browser, platform.baseUrl, { viewport: SMALL_PHONE });
    try {
      const page = await context.newPage();
      const response = await visit(page, '/vsaa/pieraksts/mans/00000000-0000-4000-8000-000000000000?token=nope');
      assert.equal(response.status(), 404);
      await assertGood(page, 'manage 404');
    } finally {
      await context.close();
    }
  });
});

describe('staff appointment pages, JavaScript off', () => {
  it('schedule, book for a client, appointment and closures pages have no axe violations', async () => {
    const context = await newContext(browser, platform.baseUrl);
    try {
      const page = await context.newPage();
      assert.equal((await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password)).status(), 200);
      assert.equal((await visit(page, '/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=2026-11-19')).status(), 200);
      await assertGood(page, 'staff booking', false);
      await page.locator('#field-name').fill('Ojārs Zvirbulis');
      await page.locator('#field-phone').fill('+371 29999999');
      await page.locator('#field-reason').fill('Nav interneta');
      const [booked] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /Pieteikties/ }).click()]);
      assert.equal(booked?.status(), 200);
      await assertGood(page, 'staff booking done', false);
      assert.equal((await visit(page, '/staff/kase/pieraksti?date=2026-11-16&view=week')).status(), 200);
      await assertGood(page, 'staff week view', false);
      const [detail] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Ojārs Zvirbulis' }).click()]);
      assert.equal(detail?.status(), 200);
      await assertGood(page, 'staff appointment', false);
      const [checkedIn] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Reģistrēt ierašanos' }).click()]);
      assert.equal(checkedIn?.status(), 200);
      await assertGood(page, 'staff appointment after check-in', false);
      assert.equal((await visit(page, '/staff/kase/pieraksti/slegsana')).status(), 200);
      await assertGood(page, 'staff closures', false);
      assert.equal((await visit(page, '/staff/kase/pieraksti?lang=en')).status(), 200);
      await assertGood(page, 'staff day view in English', false);
    } finally {
      await context.close();
    }
  });
});
