// Staff back office in a real Chromium with JavaScript off, keyboard only:
// sign-in (wrong password, then right), workplace, audit log, the agency
// boundary (403), /staff/kalendars for an administrator, sign-out; axe on each page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fixedClock } from '../../src/platform/clock.ts';
import { fileInquiry } from '../../src/features/inquiries/inquiries.service.ts';
import {
  assertAccessible,
  closeBrowserTestBed,
  focusedElement,
  newContext,
  openBrowserTestBed,
  pressAndNavigate,
  signInWithKeyboard,
  tabTo,
  visit,
  type ServedPlatform,
  type StaffAccount,
} from '../support/browser.ts';

const AUDITOR: StaffAccount = { email: 'auditore@vsaa.example.lv', password: 'auditors-secret-2026', agency: 'vsaa', role: 'auditor' };
const ADMIN: StaffAccount = { email: 'admins@vsaa.example.lv', password: 'administrators-2026', agency: 'vsaa', role: 'administrator' };

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: fixedClock('2026-11-23T10:00:00Z'), staff: [AUDITOR, ADMIN] })));
after(() => closeBrowserTestBed({ platform, browser }));


function path(page: Page): string {
  return new URL(page.url()).pathname;
}

// One signed-in journey: the tests below run in order and share the context (its cookies).
describe('VSAA auditor, keyboard only, JavaScript off', () => {
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    context = await newContext(browser, platform.baseUrl);
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
  });

  it('the sign-in page has labelled fields and no axe violations', async () => {
    const response = await visit(page, '/staff/login');
    assert.equal(response.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'lv');
    assert.equal(await page.locator('label[for="field-email"]').count(), 1);
    assert.equal(await page.locator('label[for="field-password"]').count(), 1);
    assert.equal(await page.locator('input[name="_csrf"]').count(), 1, 'the form carries a CSRF token');
    await assertAccessible(page, 'the sign-in page');
  });

  it('a wrong password shows an error summary that links to the field', async () => {
    const response = await signInWithKeyboard(page, AUDITOR.email, 'not-the-right-password');
    assert.equal(response.status(), 401);
    assert.equal(path(page), '/staff/login');

    const summary = page.locator('.error-summary');
    assert.equal(await summary.count(), 1, 'the error summary is shown');
    assert.equal(await summary.getAttribute('role'), 'alert');
    assert.match(await summary.locator('h2').innerText(), /izlabojiet/);
    const link = summary.locator('a[href="#field-email"]');
    assert.equal(await link.count(), 1, 'the summary links to the e-mail field');
    assert.match(await link.innerText(), /Nepareiza e-pasta adrese vai parole/);

    const email = page.locator('#field-email');
    assert.equal(await email.inputValue(), AUDITOR.email, 'the e-mail address is kept');
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    assert.match((await email.getAttribute('aria-describedby')) ?? '', /field-email-error/);
    assert.equal(await page.locator('#field-password').inputValue(), '', 'the password is not sent back');

    // Keyboard: the summary link is reached before the fields, and following it focuses the field.
    await tabTo(page, '.error-summary a');
    await page.keyboard.press('Enter');
    assert.equal(await focusedElement(page), '#field-email', 'following the summary link focuses the e-mail field');

    await assertAccessible(page, 'the sign-in page with errors');
  });

  it('the right password leads to the staff home and the VSAA workplace', async () => {
    const response = await signInWithKeyboard(page, AUDITOR.email, AUDITOR.password);
    assert.equal(response.status(), 200);
    assert.equal(path(page), '/staff');
    assert.match(await page.locator('h1').innerText(), /Darbinieku darba vieta/);
    assert.match(await page.locator('main').innerText(), new RegExp(AUDITOR.email.replace(/\./g, '\\.')));
    await assertAccessible(page, 'the staff home');

    await tabTo(page, 'main a[href="/staff/vsaa"]');
    const workplace = await pressAndNavigate(page, 'Enter');
    assert.equal(workplace.status(), 200);
    assert.equal(path(page), '/staff/vsaa');
    assert.equal(await page.locator('h1').count(), 1);
    assert.match(await page.locator('h1').innerText(), /Valsts sociālās apdrošināšanas aģentūra|VSAA/);
    assert.equal(await page.locator('main a[href="/staff/vsaa/audit"]').count(), 1, 'an auditor sees the audit log link');
    assert.equal(await page.locator('main a[href="/staff/kalendars"]').count(), 0, 'an auditor does not manage the calendar');
    await assertAccessible(page, 'the workplace');
  });

  it('the audit log lists the failed and the successful sign-in', async () => {
    await tabTo(page, 'main a[href="/staff/vsaa/audit"]');
    const response = await pressAndNavigate(page, 'Enter');
    assert.equal(response.status(), 200);
    assert.equal(path(page), '/staff/vsaa/audit');
    const signedIn = page.locator('tbody tr', { hasText: 'Darbinieks pieteicās' });
    assert.ok((await signedIn.count()) >= 1, 'the sign-in is listed in words');
    assert.match(await signedIn.first().innerText(), new RegExp(AUDITOR.email.replace(/\./g, '\\.')));
    assert.ok((await page.locator('tbody tr', { hasText: 'Neizdevusies pieteikšanās' }).count()) >= 1, 'the failed attempt is listed');
    assert.equal(await page.locator('tbody', { hasText: 'staff.signed-in' }).count(), 0, 'no raw action keys');
    await assertAccessible(page, 'the audit log');
  });

  it('the audit log filters by person and by period, and says what is wrong with a reversed period', async () => {
    await page.locator('tbody tr', { hasText: 'Darbinieks pieteicās' }).first().locator('td').nth(1).getByRole('link').click();
    await page.waitForLoadState();
    assert.match(new URL(page.url()).searchParams.get('actor') ?? '', /^[0-9a-f-]{36}$/, 'the person link filters by that person');
    const rows = await page.locator('tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(rows.length > 0 && rows.every((who) => who.includes(AUDITOR.email)), 'only that person is listed');
    await page.fill('#field-from', '2026-12-02');
    await page.fill('#field-to', '2026-12-01');
    const response = await pressAndNavigate(page, 'Enter');
    assert.equal(response.status(), 400);
    assert.match(await page.locator('.error-summary').innerText(), /Beigu datums nevar būt agrāks par sākuma datumu/);
    assert.equal(await page.inputValue('#field-from'), '2026-12-02', 'the typed period stays in the form');
    await assertAccessible(page, 'the audit log with a filter error');
  });

  it('the workplace and audit log in English have no axe violations', async () => {
    for (const url of ['/staff/vsaa?lang=en', '/staff/vsaa/audit?lang=en']) {
      const response = await visit(page, url);
      assert.equal(response.status(), 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await assertAccessible(page, url);
    }
    await visit(page, '/staff?lang=lv');
    assert.equal(await page.getAttribute('html', 'lang'), 'lv');
  });

  it('the inquiry inbox, an inquiry, the knowledge-base editor and the outbox have no axe violations', async () => {
    const { inquiry } = await fileInquiry(platform.deps, { actorId: null, actorLabel: 'client', ip: null }, {
      agency: 'vsaa',
      channel: 'web-form',
      name: 'Anna <b>Bērziņa</b>',
      email: 'anna@example.lv',
      text: 'Kad tiks pārrēķināta mana pensija? <script>alert(1)</script>',
    });
    const urls = ['/staff/vsaa/iesniegumi', `/staff/vsaa/iesniegumi/${inquiry.id}`, '/staff/vsaa/buj', '/staff/outbox', '/staff/vsaa/iesniegumi?lang=en'];
    for (const url of urls) {
      const response = await visit(page, url);
      assert.equal(response.status(), 200, `status of ${url}`);
      assert.equal(await page.locator('h1').count(), 1, `one <h1> on ${url}`);
      await assertAccessible(page, url);
    }
    await visit(page, '/staff?lang=lv');
  });

  it("another agency's audit log is refused with 403", async () => {
    const response = await visit(page, '/staff/kase/audit');
    assert.equal(response.status(), 403);
    assert.match(await page.locator('h1').innerText(), /Nav piekļuves/);
    assert.equal(await page.locator('tbody tr').count(), 0, 'no records are shown');
    await assertAccessible(page, 'the 403 page');
  });

  it('sign-out ends the session', async () => {
    await visit(page, '/staff/vsaa');
    await tabTo(page, 'form[action="/staff/logout"] button');
    const response = await pressAndNavigate(page, 'Enter');
    assert.equal(response.status(), 200);
    assert.equal(path(page), '/staff/login');

    await visit(page, '/staff/vsaa/audit');
    assert.equal(path(page), '/staff/login', 'a signed-out visitor is sent to the sign-in page');
    assert.equal(new URL(page.url()).searchParams.get('next'), '/staff/vsaa/audit');
    assert.equal(await page.locator('tbody tr').count(), 0);

    // Signing in again from there returns to the page asked for.
    await tabTo(page, '#field-email');
    await page.keyboard.type(AUDITOR.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(AUDITOR.password);
    const back = await pressAndNavigate(page, 'Enter');
    assert.equal(back.status(), 200);
    assert.equal(path(page), '/staff/vsaa/audit');
    assert.ok((await page.locator('tbody tr', { hasText: 'Darbinieks izrakstījās' }).count()) >= 1, 'the sign-out is in the audit log');
  });
});

describe('VSAA administrator, JavaScript off', () => {
  it('/staff/kalendars opens from the workplace and has no axe violations', async () => {
    const context = await newContext(browser, platform.baseUrl);
    try {
      const page = await context.newPage();
      const signedIn = await signInWithKeyboard(page, ADMIN.email, ADMIN.password);
      assert.equal(signedIn.status(), 200);
      await visit(page, '/staff/vsaa');
      await tabTo(page, 'main a[href="/staff/kalendars"]');
      const response = await pressAndNavigate(page, 'Enter');
      assert.equal(response.status(), 200);
      assert.equal(path(page), '/staff/kalendars');
      assert.equal(await page.locator('h1').count(), 1);
      await assertAccessible(page, '/staff/kalendars');
      await visit(page, '/staff/kalendars?lang=en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      await assertAccessible(page, '/staff/kalendars in English');
    } finally {
      await context.close();
    }
  });

  it('an auditor is refused /staff/kalendars', async () => {
    const context = await newContext(browser, platform.baseUrl);
    try {
      const page = await context.newPage();
      await signInWithKeyboard(page, AUDITOR.email, AUDITOR.password);
      const response = await visit(page, '/staff/kalendars');
      assert.equal(response.status(), 403);
    } finally {
      await context.close();
    }
  });
});
