// Privacy pages in a real Chromium at 390 px with JavaScript off: the privacy notice, the accessibility
// statement and the client's own area (/mani) in both languages; the staff privacy, holds and subject-access
// pages with and without errors. axe on every state (zero violations), nothing wider than the screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/platform/clock.ts';
import { seedInquiries, seedVisits } from '../../src/features/privacy/privacy-bulk.testing.ts';
import {
  assertAccessible,
  assertFitsSmallPhone as assertFitsPlatformPhone,
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

const PHONE = SMALL_PHONE;
const ADMIN: StaffAccount = { email: 'privatums@vsaa.example.lv', password: 'privatuma-parole-2026', agency: 'vsaa', role: 'administrator' };

let platform: ServedPlatform;
let browser: Browser;

before(async () => {
  ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2026-11-23T10:00:00Z'), staff: [ADMIN] }));
  await seedInquiries(platform.deps.db, { agency: 'vsaa', from: 1, count: 2, at: new Date('2026-11-20T10:00:00Z'), status: 'assigned' });
  // A booked visit and an open callback for each of client1 (LV run) and client2 (EN run).
  await seedVisits(platform.deps.db, { agency: 'vsaa', from: 1, count: 2, at: new Date('2026-12-10T08:00:00Z'), centreId: 'riga-lacplesa', serviceId: 'pensijas', status: 'booked' });
  await platform.deps.db.execute(sql`insert into phone_callbacks (agency, topic, name, phone, email, window_from, window_to, requested_at, call_by, status)
    select 'vsaa', 'pensijas', 'Klients ' || i, '+37120000000', 'client' || i || '@example.test', '2026-11-24T07:00:00Z', '2026-11-24T09:00:00Z', '2026-11-23T09:00:00Z', '2026-11-24T09:00:00Z', 'open'
    from generate_series(1, 2) as i`);
});
after(() => closeBrowserTestBed({ platform, browser }));

/** Fits the platform's 360 px phone and the 390 px phone (WCAG 1.4.10 reflow). */
async function assertFitsSmallPhone(page: Page): Promise<void> {
  await assertFitsPlatformPhone(page);
  await page.setViewportSize({ width: 390, height: 844 });
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  assert.ok(scrollWidth <= viewportWidth, `${page.url()} is ${scrollWidth}px wide on a 390px screen`);
  await page.setViewportSize(SMALL_PHONE);
}

async function submit(page: Page, label: string): Promise<number> {
  const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: label }).click()]);
  return response?.status() ?? 0;
}

describe('public privacy pages on 360 and 390 px phones, JavaScript off', () => {
  for (const lang of ['lv', 'en'] as const) {
    it(`(${lang}) the privacy notice and the accessibility statement, linked from the footer`, async () => {
      const { context, page, response } = await openPage(browser, platform.baseUrl, `/vsaa?lang=${lang}`, { viewport: PHONE });
      try {
        assert.equal(response.status(), 200);
        const notice = lang === 'lv' ? 'Privātuma paziņojums' : 'Privacy notice';
        const statement = lang === 'lv' ? 'Piekļūstamības paziņojums' : 'Accessibility statement';
        await Promise.all([page.waitForNavigation(), page.locator('footer').getByRole('link', { name: notice }).click()]);
        assert.equal(new URL(page.url()).pathname, '/vsaa/privatums');
        assert.match(await page.locator('main').innerText(), lang === 'lv' ? /Datu aizsardzības speciālists[\s\S]*5 gadi/ : /Data protection officer[\s\S]*5 years/);
        await assertAccessible(page, `privacy notice ${lang}`);
        await assertFitsSmallPhone(page);
        await Promise.all([page.waitForNavigation(), page.locator('footer').getByRole('link', { name: statement }).click()]);
        assert.equal(new URL(page.url()).pathname, '/vsaa/pieejamiba');
        assert.match(await page.locator('main').innerText(), lang === 'lv' ? /daļēji atbilst[\s\S]*axe-core[\s\S]*Tiesībsarga birojā/ : /partially compliant[\s\S]*axe-core[\s\S]*Ombudsman/);
        await assertAccessible(page, `accessibility statement ${lang}`);
        await assertFitsSmallPhone(page);
      } finally {
        await context.close();
      }
    });

    it(`(${lang}) /vsaa/mani: the form, an error, the confirmation, the link and the list`, async () => {
      const { context, page, response } = await openPage(browser, platform.baseUrl, `/vsaa/mani?lang=${lang}`, { viewport: PHONE });
      try {
        assert.equal(response.status(), 200);
        await assertAccessible(page, 'mani form');
        await assertFitsSmallPhone(page);
        const send = lang === 'lv' ? 'Saņemt pieteikšanās saiti' : 'Get a sign-in link';
        await page.locator('#field-email').fill('nav-adrese');
        assert.equal(await submit(page, send), 400);
        await assertAccessible(page, 'mani form with an error');
        await assertFitsSmallPhone(page);
        await page.locator('#field-email').fill(lang === 'lv' ? 'client1@example.test' : 'client2@example.test');
        assert.equal(await submit(page, send), 200);
        await assertAccessible(page, 'link sent');
        const rows = (await platform.deps.db.execute(sql`select body_text from mail_outbox where to_address = ${lang === 'lv' ? 'client1@example.test' : 'client2@example.test'} order by created_at desc limit 1`)) as unknown as { rows: Array<{ body_text: string }> };
        const link = /(\/vsaa\/mani\/ieiet\?token=[A-Za-z0-9_-]{43}[^\s]*)/.exec(rows.rows[0]?.body_text ?? '')?.[1];
        assert.ok(link);
        assert.equal((await visit(page, link)).status(), 200);
        await assertAccessible(page, 'link confirmation');
        await assertFitsSmallPhone(page);
        assert.equal(await submit(page, lang === 'lv' ? 'Atvērt manas lietas' : 'Open my matters'), 200);
        const matters = await page.locator('main').innerText();
        assert.match(matters, lang === 'lv' ? /vsaa-B-1/ : /vsaa-B-2/);
        assert.match(matters, lang === 'lv' ? /Gaida zvanu\. Vēlamais zvana laiks: otrdiena, 24\. novembris[^\n]*09:00–11:00/ : /Waiting for our call\. Preferred time of the call: Tuesday 24 November[^\n]*09:00–11:00/);
        await assertAccessible(page, 'my matters');
        await assertFitsSmallPhone(page);
        // The appointment's manage page, opened by the session (no token), and a cancel without JavaScript.
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: lang === 'lv' ? /Skatīt vai mainīt/ : /View or change/ }).click()]);
        assert.match(new URL(page.url()).pathname, /^\/vsaa\/mani\/pieraksti\/[0-9a-f-]{36}$/);
        assert.match(await page.locator('main').innerText(), lang === 'lv' ? /B1[\s\S]*Pieteikts/ : /B2[\s\S]*Booked/);
        await assertAccessible(page, 'my appointment');
        await assertFitsSmallPhone(page);
        assert.equal(await submit(page, lang === 'lv' ? 'Atcelt pierakstu' : 'Cancel the appointment'), 200);
        assert.match(await page.locator('h1').innerText(), lang === 'lv' ? /Vai tiešām atcelt pierakstu\?/ : /Are you sure you want to cancel the appointment\?/);
        await assertAccessible(page, 'cancel confirmation from my matters');
        assert.equal(await submit(page, lang === 'lv' ? 'Jā, atcelt pierakstu' : 'Yes, cancel the appointment'), 200);
        assert.match(await page.locator('main').innerText(), lang === 'lv' ? /Pieraksts ir atcelts\./ : /The appointment is cancelled\./);
        await assertAccessible(page, 'my appointment cancelled');
        await assertFitsSmallPhone(page);
        await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: lang === 'lv' ? 'Atpakaļ uz manām lietām' : 'Back to my matters' }).click()]);
        assert.match(await page.locator('main').innerText(), lang === 'lv' ? /B1 — Atcelts/ : /B2 — Cancelled/);
        assert.equal(await submit(page, lang === 'lv' ? 'Iziet' : 'Sign out'), 200);
        await assertAccessible(page, 'signed out');
      } finally {
        await context.close();
      }
    });
  }
});

describe('staff privacy pages on 360 and 390 px phones, JavaScript off', () => {
  it('overview with a dry run, holds with an error, subject access with an error and a report', async () => {
    const context = await newContext(browser, platform.baseUrl, { viewport: PHONE });
    const page = await context.newPage();
    try {
      assert.equal((await signInWithKeyboard(page, ADMIN.email, ADMIN.password)).status(), 200);
      assert.equal((await visit(page, '/staff/vsaa/privatums')).status(), 200);
      await assertAccessible(page, 'privacy overview');
      await assertFitsSmallPhone(page);
      assert.equal(await submit(page, 'Saskaitīt (izmēģinājums)'), 200);
      assert.match(await page.locator('main').innerText(), /Izmēģinājuma rezultāts/);
      await assertAccessible(page, 'privacy overview with a dry run');
      await assertFitsSmallPhone(page);
      assert.equal((await visit(page, '/staff/vsaa/privatums/aizturesana')).status(), 200);
      await assertAccessible(page, 'holds');
      await page.locator('#field-kind').selectOption('inquiry');
      await page.locator('#field-record').fill('vsaa-B-1');
      assert.equal(await submit(page, 'Aizturēt'), 400);
      await assertAccessible(page, 'holds with an error');
      await assertFitsSmallPhone(page);
      await page.locator('#field-reason').fill('Tiesvedība C-7/2026');
      assert.equal(await submit(page, 'Aizturēt'), 200);
      await assertAccessible(page, 'holds with one hold');
      await assertFitsSmallPhone(page);
      assert.equal((await visit(page, '/staff/vsaa/privatums/pieprasijums')).status(), 200);
      await assertAccessible(page, 'subject access form');
      assert.equal(await submit(page, 'Meklēt'), 400);
      await assertAccessible(page, 'subject access with errors');
      await assertFitsSmallPhone(page);
      await page.locator('#field-email').fill('client1@example.test');
      await page.locator('#field-reason').fill('Pieprasījums Nr. 1/2026');
      assert.equal(await submit(page, 'Meklēt'), 200);
      assert.match(await page.locator('main').innerText(), /vsaa-B-1/);
      await assertAccessible(page, 'subject access report');
      await assertFitsSmallPhone(page);
    } finally {
      await context.close();
    }
  });
});
