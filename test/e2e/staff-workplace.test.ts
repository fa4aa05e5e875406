// The staff workplace in a real Chromium: the staff shell (navigation by role, counts, agency), the inbox with
// its compact filter bar, the inquiry page (answer first, templates without reload, folded actions) and the
// counter console; axe on each template, 390 px phones with JavaScript on and off.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { sql } from 'drizzle-orm';
import { fixedClock } from '../../src/platform/clock.ts';
import { fileInquiry } from '../../src/features/inquiries/inquiries.service.ts';
import { assertAccessible, createStaffAccount, launchChromium, newContext, signInWithKeyboard, startServedPlatform, visit, type ServedPlatform } from '../support/browser.ts';

const PHONE = { width: 390, height: 844 };
const SUPERVISOR = { email: 'vaditaja@e2e.test', password: 'e2e-workplace-2026', agency: 'vsaa', role: 'supervisor' as const };
let platform: ServedPlatform;
let browser: Browser;
let inquiryId = '';

async function fitsWidth(page: Page, width: number, what: string): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `${what} is ${scrollWidth}px wide on a ${width}px screen`);
}

before(async () => {
  // Thursday 19 November 2026, 10:00 in Riga.
  platform = await startServedPlatform({ clock: fixedClock('2026-11-19T08:00:00Z') });
  browser = await launchChromium();
  await createStaffAccount(platform, SUPERVISOR);
  const origin = { actorId: null, actorLabel: 'client', ip: null };
  const { inquiry } = await fileInquiry(platform.deps, origin, { agency: 'vsaa', channel: 'web-form', name: 'Anna Bērziņa', email: 'anna@example.lv', text: 'Kad pārrēķinās pensiju?', acknowledge: false });
  inquiryId = inquiry.id;
  await platform.deps.db.execute(sql`update inquiries set deadline = '2026-11-10' where id = ${inquiry.id}`);
  await platform.deps.db.execute(
    sql`insert into answer_templates (agency, title, body_lv, body_en) values ('vsaa', 'Pārrēķins', 'Labdien! Jūsu iesniegums {reference} ir izskatīts.', '')`,
  );
});
after(async () => {
  await browser?.close();
  await platform?.close();
});

describe('staff workplace, JavaScript off', () => {
  it('inbox, inquiry and console carry the staff shell, pass axe and fit a 390 px phone', async () => {
    const context = await newContext(browser, platform.baseUrl, { viewport: PHONE });
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password);
      for (const url of ['/staff/vsaa/iesniegumi', `/staff/vsaa/iesniegumi/${inquiryId}`, '/staff/vsaa/rinda/jelgava', '/staff/vsaa/iesniegumi?lang=en']) {
        const response = await visit(page, url);
        assert.equal(response.status(), 200, url);
        await fitsWidth(page, PHONE.width, url);
        // On the phone the staff navigation is a closed <details> menu; the wide list is hidden.
        assert.equal(await page.locator('nav.staff-nav .nav-wide').isVisible(), false, `${url}: wide nav hidden`);
        const menu = page.locator('nav.staff-nav details.nav-small');
        assert.equal(await menu.isVisible(), true);
        await menu.locator('summary').click();
        assert.equal(await menu.locator('a[href="/staff/vsaa/iesniegumi"]').isVisible(), true, 'the menu opens without JavaScript');
      }
      await visit(page, '/staff/vsaa/iesniegumi?lang=lv');
      assert.match((await page.locator('nav.staff-nav .nav-small').textContent()) ?? '', /nokavēti: 1/);
      // The list starts on the first screen of a phone.
      const table = await page.locator('table').boundingBox();
      assert.ok(table && table.y < PHONE.height * 1.6, `the list starts near the top (${table?.y}px)`);
      // The "only overdue" checkbox sits beside its label.
      const box = await page.locator('#field-overdue').boundingBox();
      const label = await page.locator('label[for="field-overdue"]').boundingBox();
      assert.ok(box && label && Math.abs(box.y - label.y) < 16 && box.x < label.x, 'checkbox left of its label, same line');
    } finally {
      await context.close();
    }
  });

  it('the reply box is on the first screens of the inquiry; the template is inserted by a GET without JavaScript', async () => {
    const context = await newContext(browser, platform.baseUrl, { viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password);
      await visit(page, `/staff/vsaa/iesniegumi/${inquiryId}`);
      const reply = await page.locator('#field-reply-text').boundingBox();
      // 2,300 px down before; now right under the client's message (the overdue warning above it).
      assert.ok(reply && reply.y < 1100, `the answer box starts near the first screen (${reply?.y}px)`);
      assert.equal(await page.locator('details.more-actions').getAttribute('open'), null);
      await page.selectOption('#field-template', { label: 'Pārrēķins (LV)' });
      await Promise.all([page.waitForURL(/template=/), page.locator('form.template-picker button').click()]);
      assert.match(await page.inputValue('#field-reply-text'), /Jūsu iesniegums VSAA-2026-\d{6} ir izskatīts/);
    } finally {
      await context.close();
    }
  });
});

describe('staff workplace, JavaScript on', () => {
  it('axe on every template; the template goes into the answer box without a reload and keeps what was typed', async () => {
    const context = await newContext(browser, platform.baseUrl, { javaScript: true, viewport: PHONE });
    const page = await context.newPage();
    try {
      await signInWithKeyboard(page, SUPERVISOR.email, SUPERVISOR.password);
      for (const url of ['/staff/vsaa/iesniegumi', `/staff/vsaa/iesniegumi/${inquiryId}`, '/staff/vsaa/rinda/jelgava']) {
        await visit(page, url);
        await assertAccessible(page, url);
      }
      await visit(page, `/staff/vsaa/iesniegumi/${inquiryId}`);
      await page.fill('#field-reply-text', 'Sveiki.');
      const before = page.url();
      await page.selectOption('#field-template', { label: 'Pārrēķins (LV)' });
      await page.locator('form.template-picker button').click();
      assert.equal(page.url(), before, 'no navigation');
      const text = await page.inputValue('#field-reply-text');
      assert.match(text, /^Sveiki\.\n\nLabdien! Jūsu iesniegums VSAA-2026-\d{6} ir izskatīts\.$/);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'field-reply-text');
      // The rarer actions open in one disclosure; their radios sit beside the labels.
      await page.locator('details.more-actions > summary').click();
      const radio = await page.locator('#field-forward-mode').boundingBox();
      const label = await page.locator('label[for="field-forward-mode"]').boundingBox();
      assert.ok(radio && label && radio.x < label.x && Math.abs(radio.y - label.y) < 16, 'radio left of its label');
      await assertAccessible(page, 'inquiry with the actions open');
    } finally {
      await context.close();
    }
  });
});
