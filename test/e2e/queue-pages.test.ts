// Queue pages in a real Chromium: kiosk, ticket page, display board, counter console and figures.
// Zero axe violations; public pages with JavaScript off and on a 360 px phone; the board updates live.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import {
  assertAccessible,
  assertFitsSmallPhone,
  createStaffAccount,
  launchChromium,
  newContext,
  openPage,
  SMALL_PHONE,
  signInWithKeyboard,
  startServedPlatform,
  visit,
  type ServedPlatform,
} from '../support/browser.ts';
import { fixedClock } from '../../src/platform/clock.ts';

// Thursday 19 November 2026, 10:00 in Riga: VSAA centres are open.
const clock = fixedClock('2026-11-19T08:00:00Z');
const PASSWORD = 'e2e-queue-password-2026';

let platform: ServedPlatform;
let browser: Browser;
let ticketPath = '';

before(async () => {
  platform = await startServedPlatform({ clock });
  browser = await launchChromium();
  await createStaffAccount(platform, { email: 'supervisor.queue@e2e.test', password: PASSWORD, agency: 'vsaa', role: 'supervisor' });
});
after(async () => {
  await browser?.close();
  await platform?.close();
});

describe('public queue pages (JavaScript off)', () => {
  it('kiosk → ticket by a plain form post, no axe violations, both languages', async () => {
    const { context, page, response } = await openPage(browser, platform.baseUrl, '/vsaa/rinda/jelgava');
    try {
      assert.equal(response.status(), 200);
      await assertAccessible(page);
      const button = page.locator('button[value="pensijas"]');
      const box = await button.boundingBox();
      assert.ok(box && box.height >= 88, `large touch target (${box?.height} px)`);
      // Every counter is still closed: the kiosk promises no "0 min".
      assert.match(await button.innerText(), /Rindā: 0; šobrīd neviens lodziņš šo pakalpojumu nesniedz/);
      assert.doesNotMatch(await button.innerText(), /min/);
      await Promise.all([page.waitForURL(/\/biletes\//), button.click()]);
      ticketPath = new URL(page.url()).pathname;
      assert.match(await page.locator('h1').innerText(), /P-001/);
      assert.match(await page.locator('main').innerText(), /Šobrīd neviens lodziņš šo pakalpojumu nesniedz, tāpēc gaidīšanas laiku nevaram aprēķināt/);
      assert.equal(await page.locator('#ticket-live-note').isVisible(), false, 'without JavaScript the page does not claim to update itself');
      await assertAccessible(page);
      await visit(page, `${ticketPath}?lang=en`);
      assert.match(await page.locator('html').getAttribute('lang') ?? '', /en/);
      await assertAccessible(page);
      await visit(page, '/vsaa/rinda/jelgava?lang=en');
      await assertAccessible(page);
      await visit(page, '/vsaa/rinda');
      await assertAccessible(page);
    } finally {
      await context.close();
    }
  });

  it('kiosk, ticket, board and centre list fit a 360 px phone with no axe violations', async () => {
    for (const path of ['/vsaa/rinda/jelgava', ticketPath, '/vsaa/rinda/jelgava/tablo', '/vsaa/rinda']) {
      const { context, page } = await openPage(browser, platform.baseUrl, path, { viewport: SMALL_PHONE });
      try {
        await assertFitsSmallPhone(page, path);
        await assertAccessible(page, path);
      } finally {
        await context.close();
      }
    }
  });

  it('the board without JavaScript shows the state and no chime button', async () => {
    const { context, page } = await openPage(browser, platform.baseUrl, '/vsaa/rinda/jelgava/tablo');
    try {
      assert.equal(await page.locator('#board-chime').isVisible(), false);
      // The ticket taken at the kiosk above is counted in its service's row, server-rendered.
      const pensions = page.locator('.board-waiting tbody tr', { hasText: 'P – Konsultācija par pensijām' });
      assert.equal(await pensions.locator('td').nth(1).innerText(), '1');
      await assertAccessible(page);
    } finally {
      await context.close();
    }
  });
});

describe('board live and staff pages (JavaScript on)', () => {
  it('the board receives a call live over SSE, with the chime toggle', async () => {
    const boardContext = await newContext(browser, platform.baseUrl, { javaScript: true });
    const staffContext = await newContext(browser, platform.baseUrl, { javaScript: true });
    try {
      const ticket = await boardContext.newPage();
      await visit(ticket, ticketPath);
      await ticket.waitForFunction(() => document.getElementById('ticket-live-note')?.hidden === false);
      const board = await boardContext.newPage();
      await visit(board, '/vsaa/rinda/jelgava/tablo');
      await board.waitForFunction(() => document.getElementById('board-status')?.textContent === 'Tiešraide');
      const chime = board.locator('#board-chime');
      assert.equal(await chime.isVisible(), true);
      await chime.click();
      assert.equal(await chime.getAttribute('aria-pressed'), 'true');
      await assertAccessible(board);

      const staff = await staffContext.newPage();
      const signedIn = await signInWithKeyboard(staff, 'supervisor.queue@e2e.test', PASSWORD);
      assert.equal(signedIn.status(), 200);
      await visit(staff, '/staff/vsaa/rinda/jelgava?counter=3');
      await assertAccessible(staff);
      await staff.check('#service-pensijas');
      await Promise.all([staff.waitForURL(/done=opened/), staff.getByRole('button', { name: 'Atvērt lodziņu / saglabāt pakalpojumus' }).click()]);
      await Promise.all([staff.waitForURL(/done=called/), staff.getByRole('button', { name: 'Izsaukt nākamo' }).click()]);
      await assertAccessible(staff);
      await board.waitForFunction(() => document.querySelector('.board-latest td')?.textContent === 'P-001', undefined, { timeout: 5000 });
      assert.equal(await board.locator('.board-latest td').nth(1).innerText(), '3');
      await assertAccessible(board);
      // The ticket page, open all along, follows by itself and announces the call.
      await ticket.waitForFunction(() => document.querySelector('#ticket-state .queue-go-to')?.textContent?.includes('3. lodziņu'), undefined, { timeout: 5000 });
      assert.match(await ticket.locator('#ticket-announce').innerText(), /Lūdzu, dodieties uz 3\. lodziņu/);
      assert.equal(await ticket.url(), `${platform.baseUrl}${ticketPath}`, 'no reload');
      await assertAccessible(ticket);

      await visit(staff, '/staff/vsaa/rinda/jelgava/skaitli');
      await assertAccessible(staff);
      await visit(staff, '/staff/vsaa/rinda');
      await assertAccessible(staff);
    } finally {
      await boardContext.close();
      await staffContext.close();
    }
  });
});
