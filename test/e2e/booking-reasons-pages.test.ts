// Issue 14, booking: the pages that say why a day has no times, the cancel confirmation, the manage page of a
// cancelled appointment and the Treasury's booking and confirmation pages — in a real Chromium with JavaScript
// off on a 390 px phone, in Latvian and English, each scanned with axe (zero violations) and checked for reflow.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import { axeViolations, closeBrowserTestBed, horizontalOverflow, newContext, openBrowserTestBed, signInWithKeyboard, visit, type ServedPlatform } from '../support/browser.ts';

// Monday 16 November 2026, 09:00 in Riga; 18 November is a public holiday.
const NOW = '2026-11-16T07:00:00Z';
const PHONE = { width: 390, height: 844 } as const;
const SUPERVISOR = { email: 'supervisor.reasons@kase.test', password: 'e2e-password-123456', agency: 'kase', role: 'supervisor' as const };

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock(NOW), staff: [SUPERVISOR] })));
after(() => closeBrowserTestBed({ platform, browser }));

/** One h1, zero axe violations (always scanned, never skipped as a known template), no sideways scrolling at 390 px. */
async function assertGood(page: Page, what: string, phone = true): Promise<void> {
  assert.equal(await page.locator('h1').count(), 1, `one h1 on ${what}`);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${what}:\n${violations.join('\n')}`);
  if (phone) {
    const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
    assert.equal(viewportWidth, PHONE.width);
    assert.ok(scrollWidth <= viewportWidth, `${what} is ${scrollWidth}px wide on a ${viewportWidth}px screen`);
  }
}

async function phonePage(): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await newContext(browser, platform.baseUrl, { viewport: PHONE });
  return { page: await context.newPage(), close: () => context.close() };
}

describe('a day without times says why (JavaScript off, 390 px)', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`public day and time steps (${lang})`, async () => {
      const { page, close } = await phonePage();
      try {
        assert.equal((await visit(page, `/kase/pieraksts?service=konti&centre=riga-smilsu&lang=${lang}`)).status(), 200);
        // The explanation is a <details>: it opens without JavaScript.
        await page.locator('details.day-reasons summary').click();
        const holiday = page.locator('details.day-reasons li[data-day-reason="holiday"]');
        assert.equal(await holiday.isVisible(), true);
        assert.match(await holiday.innerText(), lang === 'lv' ? /proklamēšanas diena/ : /Proclamation Day/);
        await assertGood(page, `day step with reasons (${lang})`);

        assert.equal((await visit(page, `/kase/pieraksts?service=konti&centre=riga-smilsu&day=2026-11-17&lang=${lang}`)).status(), 200);
        const notice = await page.locator('[data-day-reason="min-notice"]').innerText();
        assert.match(notice, lang === 'lv' ? /vismaz 2 darbdienas iepriekš.*sākot no 19\. novembra/s : /at least 2 working days ahead.*from 19 November/s);
        await assertGood(page, `time step, too soon (${lang})`);
      } finally {
        await close();
      }
    });
  }

  it('staff booking page (lv, en)', async () => {
    const context = await newContext(browser, platform.baseUrl);
    try {
      const page = await context.newPage();
      assert.equal((await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password)).status(), 200);
      for (const lang of ['lv', 'en'] as const) {
        assert.equal((await visit(page, `/staff/kase/pieraksti/jauns?service=konti&centre=riga-smilsu&day=2026-11-18&lang=${lang}`)).status(), 200);
        assert.match(await page.locator('[data-day-reason="holiday"]').innerText(), lang === 'lv' ? /Šajā dienā centrs nestrādā – Latvijas Republikas proklamēšanas diena/ : /closed on this day – Proclamation Day/);
        await assertGood(page, `staff booking, holiday (${lang})`, false);
      }
    } finally {
      await context.close();
    }
  });
});

/** Books through the public API; the manage link as the confirmation mail gives it. */
async function bookByApi(slug: string, service: string, centre: string, start: string, extra: Record<string, string> = {}): Promise<{ id: string; manage: string; token: string }> {
  const response = await fetch(`${platform.baseUrl}/api/v1/agencies/${slug}/appointments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ service, centre, start, name: 'Anna Bērziņa', email: 'anna@example.lv', ...extra }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  const body = (await response.json()) as { id: string; manageToken: string };
  return { id: body.id, token: body.manageToken, manage: `/${slug}/pieraksts/mans/${body.id}?token=${encodeURIComponent(body.manageToken)}` };
}

describe('cancelling asks for confirmation first (JavaScript off, 390 px)', () => {
  for (const [lang, start] of [
    ['lv', '2026-11-19T09:05:00+02:00'],
    ['en', '2026-11-19T09:40:00+02:00'],
  ] as const) {
    it(`manage page → question → back → question → cancelled (${lang})`, async () => {
      const booked = await bookByApi('vsaa', 'pensijas', 'riga-lacplesa', start);
      const { page, close } = await phonePage();
      try {
        assert.equal((await visit(page, `${booked.manage}&lang=${lang}`)).status(), 200);
        assert.equal(await page.locator('a[href*="pieraksts.ics"]').count(), 1, 'a booked appointment offers the calendar file');
        await assertGood(page, `manage page (${lang})`);
        const cancelName = lang === 'lv' ? 'Atcelt pierakstu' : 'Cancel the appointment';
        const [asked] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: cancelName }).click()]);
        assert.equal(asked?.status(), 200);
        assert.match(await page.locator('h1').innerText(), lang === 'lv' ? /Vai tiešām atcelt pierakstu\?/ : /Are you sure you want to cancel/);
        await assertGood(page, `cancel confirmation (${lang})`);
        // "No" goes back and changes nothing.
        const noName = lang === 'lv' ? 'Nē, atgriezties pie pieraksta' : 'No, go back to the appointment';
        const [back] = await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: noName }).click()]);
        assert.equal(back?.status(), 200);
        assert.match(await page.locator('.facts').innerText(), lang === 'lv' ? /Pieteikts/ : /Booked/);
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: cancelName }).click()]);
        const yesName = lang === 'lv' ? 'Jā, atcelt pierakstu' : 'Yes, cancel the appointment';
        const [cancelled] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: yesName }).click()]);
        assert.equal(cancelled?.status(), 200);
        assert.match(await page.locator('[role=status]').innerText(), lang === 'lv' ? /Pieraksts ir atcelts/ : /The appointment is cancelled/);
        assert.match(await page.locator('.facts').innerText(), lang === 'lv' ? /Atcelts/ : /Cancelled/);
        await assertGood(page, `manage page after cancelling (${lang})`);
        // A cancelled appointment offers no calendar file: no link, and the file's address answers 410 with a page.
        assert.equal(await page.locator('a[href*="pieraksts.ics"]').count(), 0);
        const ics = await visit(page, `/vsaa/pieraksts/mans/${booked.id}/pieraksts.ics?token=${encodeURIComponent(booked.token)}&lang=${lang}`);
        assert.equal(ics.status(), 410);
        assert.match(await page.locator('h1').innerText(), lang === 'lv' ? /Kalendāra fails nav pieejams/ : /No calendar file/);
        await assertGood(page, `calendar file of a cancelled appointment (${lang})`);
      } finally {
        await close();
      }
    });
  }
});

describe('the Treasury’s pages agree with its standard (JavaScript off, 390 px)', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`booking start without video, confirmation without a queue terminal, contacts linking the question form (${lang})`, async () => {
      const { page, close } = await phonePage();
      try {
        assert.equal((await visit(page, `/kase/pieraksts?lang=${lang}`)).status(), 200);
        assert.doesNotMatch(await page.locator('main').innerText(), /video/i);
        await assertGood(page, `Treasury booking start (${lang})`);

        const start = lang === 'lv' ? '2026-11-19T10:30:00+02:00' : '2026-11-19T11:00:00+02:00';
        assert.equal((await visit(page, `/kase/pieraksts?service=konti&centre=riga-smilsu&day=2026-11-19&start=${encodeURIComponent(start)}&lang=${lang}`)).status(), 200);
        await page.locator('#field-name').fill('Anna Bērziņa');
        await page.locator('#field-email').fill(`kase.${lang}@example.lv`);
        await page.locator('#field-reason').fill(lang === 'lv' ? 'Nav e-paraksta' : 'No e-signature');
        const [booked] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: lang === 'lv' ? /Pieteikties/ : /^Book$/ }).click()]);
        assert.equal(booked?.status(), 200);
        const main = await page.locator('main').innerText();
        assert.match(main, lang === 'lv' ? /Ierodoties nosauciet šo kodu darbiniekam/ : /Tell this code to the staff member/);
        assert.doesNotMatch(main, lang === 'lv' ? /termināl/ : /kiosk/);
        await assertGood(page, `Treasury confirmation (${lang})`);

        assert.equal((await visit(page, `/kase/kontakti?lang=${lang}`)).status(), 200);
        const link = page.locator('#channel-uzdot-jautajumu a');
        assert.equal(await link.getAttribute('href'), '/kase/jautajums');
        await assertGood(page, `Treasury contacts (${lang})`);
        const [question] = await Promise.all([page.waitForNavigation(), link.click()]);
        assert.equal(question?.status(), 200);
        assert.equal(new URL(page.url()).pathname, '/kase/jautajums');
      } finally {
        await close();
      }
    });
  }
});
