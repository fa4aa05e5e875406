// Public pages in a real Chromium with JavaScript off, in Latvian and English:
// status, language, headings, skip link, axe (WCAG 2.1 AA), language switch,
// reflow on a small phone, and the contacts page's open/closed status.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fixedClock, type Clock } from '../../src/platform/clock.ts';
import {
  assertAccessible,
  assertFitsSmallPhone,
  axeViolations,
  closeBrowserTestBed,
  openBrowserTestBed,
  openPage,
  SMALL_PHONE,
  useSkipLink,
  type ServedPlatform,
} from '../support/browser.ts';

type PublicPage = { path: string; status?: number };

/** Every public page: add new ones here and they get every check below, in both languages. */
export const PUBLIC_PAGES: PublicPage[] = [
  { path: '/' },
  { path: '/vsaa' },
  { path: '/kase' },
  { path: '/vsaa/standarts' },
  { path: '/kase/standarts' },
  { path: '/vsaa/kontakti' },
  { path: '/kase/kontakti' },
  { path: '/kalendars' },
  { path: '/vsaa/buj' },
  { path: '/kase/buj?q=konts' },
  { path: '/vsaa/jautajums' },
  { path: '/kase/jautajums' },
  { path: '/vsaa/jautajums/sekot' },
  { path: '/staff' },
  { path: '/staff/login' },
  { path: '/nope', status: 404 },
];

const LANGUAGES = ['lv', 'en'] as const;
type Lang = (typeof LANGUAGES)[number];

/** Latvian is the default: the LV page is the bare URL, English is asked for with ?lang=en. */
function inLanguage(path: string, lang: Lang): string {
  return lang === 'lv' ? path : `${path}${path.includes('?') ? '&' : '?'}lang=en`;
}

// Monday 23 November 2026, 12:00 in Riga: the Treasury phone line is open (08:30–17:15).
const MONDAY_NOON = '2026-11-23T10:00:00Z';
// Sunday 22 November 2026, 12:00 in Riga: closed.
const SUNDAY_NOON = '2026-11-22T10:00:00Z';
const TREASURY_PHONE = '+371 67094368';

let now: Clock = fixedClock(MONDAY_NOON);
let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed({ clock: () => now() })));
after(() => closeBrowserTestBed({ platform, browser }));

describe('every public page, JavaScript off', { concurrency: 2 }, () => {
  for (const entry of PUBLIC_PAGES) {
    for (const lang of LANGUAGES) {
      const url = inLanguage(entry.path, lang);
      it(`${url}: status, lang, one h1, skip link, no axe violations`, async () => {
        const { context, page, response } = await openPage(browser, platform.baseUrl, url);
        try {
          assert.equal(response.status(), entry.status ?? 200, `status of ${url}`);
          assert.equal(await page.getAttribute('html', 'lang'), lang, `<html lang> of ${url}`);
          assert.equal(await page.locator('h1').count(), 1, `exactly one <h1> on ${url}`);
          assert.notEqual((await page.locator('h1').innerText()).trim(), '', `the <h1> of ${url} has text`);
          assert.match(await page.title(), /\S/, `<title> of ${url}`);

          const skip = await useSkipLink(page);
          assert.equal(skip.firstTabStop, 'a.skip-link', `the first Tab stop on ${url} is the skip link`);
          assert.ok(skip.visibleWhenFocused, `the skip link on ${url} is visible when focused`);
          assert.equal(skip.hash, '#main', 'following the skip link goes to #main');
          assert.equal(skip.focusAfterFollowing, '#main', `following the skip link on ${url} moves focus to <main>`);

          await assertAccessible(page, url);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('language switch, JavaScript off', () => {
  it('the header link leads to the English page and back, and the choice is remembered', async () => {
    const { context, page } = await openPage(browser, platform.baseUrl, '/kase/kontakti');
    try {
      const latvianHeading = await page.locator('h1').innerText();
      const toEnglish = page.locator('header a.lang-switch');
      assert.equal(await toEnglish.getAttribute('hreflang'), 'en');
      assert.match(await toEnglish.innerText(), /English/);

      await toEnglish.click();
      assert.equal(new URL(page.url()).pathname, '/kase/kontakti', 'the switch stays on the same page');
      assert.equal(new URL(page.url()).searchParams.get('lang'), 'en');
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      const englishHeading = await page.locator('h1').innerText();
      assert.notEqual(englishHeading, latvianHeading, 'the heading is translated');
      assert.match(englishHeading, /Contacts|contact/i);

      // The cookie set by ?lang=en carries the choice to pages opened without it.
      await page.goto('/kase');
      assert.equal(await page.getAttribute('html', 'lang'), 'en', 'English is remembered on the next page');

      const toLatvian = page.locator('header a.lang-switch');
      assert.equal(await toLatvian.getAttribute('hreflang'), 'lv');
      await toLatvian.click();
      assert.equal(await page.getAttribute('html', 'lang'), 'lv');
      await page.goto('/kase/kontakti');
      assert.equal(await page.getAttribute('html', 'lang'), 'lv', 'Latvian is remembered after switching back');
      assert.equal(await page.locator('h1').innerText(), latvianHeading);
    } finally {
      await context.close();
    }
  });
});

describe('small phone (360×740), JavaScript off', { concurrency: 2 }, () => {
  const pages = ['/kase/kontakti', '/vsaa/standarts', '/vsaa/kontakti', '/kase/standarts', '/', '/kalendars'];
  for (const path of pages) {
    for (const lang of LANGUAGES) {
      const url = inLanguage(path, lang);
      it(`${url} does not scroll sideways`, async () => {
        const { context, page, response } = await openPage(browser, platform.baseUrl, url, { viewport: SMALL_PHONE });
        try {
          assert.equal(response.status(), 200);
          await assertFitsSmallPhone(page, url);
          // The calendar's tables scroll sideways here: each scroll box is a named, focusable region.
          if (path === '/kalendars') await assertAccessible(page, `${url} at 360 px`);
        } finally {
          await context.close();
        }
      });
    }
  }
});

describe('contacts page shows the Treasury phone with its status', () => {
  async function treasuryPhoneCard(lang: Lang) {
    const opened = await openPage(browser, platform.baseUrl, inLanguage('/kase/kontakti', lang));
    const card = opened.page.locator('li.card', { has: opened.page.locator(`a[href="tel:${TREASURY_PHONE.replace(/\s/g, '')}"]`) });
    assert.equal(await card.count(), 1, 'one card links to the Treasury phone');
    assert.match(await card.innerText(), new RegExp(TREASURY_PHONE.replace('+', '\\+')));
    return { ...opened, status: (await card.locator('.status').innerText()).trim() };
  }

  it('open on a Monday at noon (Riga time)', async () => {
    now = fixedClock(MONDAY_NOON);
    for (const [lang, expected] of [['lv', /^Atvērts līdz 17:15$/], ['en', /^Open until 17:15$/]] as const) {
      const { context, status } = await treasuryPhoneCard(lang);
      await context.close();
      assert.match(status, expected, `${lang} status`);
    }
  });

  it('closed on a Sunday, with the next opening', async () => {
    now = fixedClock(SUNDAY_NOON);
    try {
      for (const [lang, expected] of [['lv', /^Slēgts, atvērsies .*8:30/], ['en', /^Closed, opens .*8:30/]] as const) {
        const { context, status } = await treasuryPhoneCard(lang);
        await context.close();
        assert.match(status, expected, `${lang} status`);
      }
    } finally {
      now = fixedClock(MONDAY_NOON);
    }
  });
});

describe('API documentation', () => {
  it('/api/docs loads (Swagger UI, with JavaScript; not axe-scanned: third-party UI)', async () => {
    const { context, page, response } = await openPage(browser, platform.baseUrl, '/api/docs', { javaScript: true });
    try {
      assert.equal(response.status(), 200);
      await page.locator('.swagger-ui .info .title').waitFor({ timeout: 15_000 });
      assert.match(await page.locator('.swagger-ui .info .title').innerText(), /Apkalpe API/);
    } finally {
      await context.close();
    }
  });
});

describe('the axe check itself', () => {
  it('reports a violation in a JavaScript-off page (so a clean result means something)', async () => {
    const { context, page } = await openPage(browser, platform.baseUrl, '/kase');
    try {
      await page.evaluate(() => document.documentElement.removeAttribute('lang'));
      const violations = await axeViolations(page);
      assert.ok(
        violations.some((v) => v.startsWith('html-has-lang')),
        `expected html-has-lang, got:\n${violations.join('\n') || '(none)'}`,
      );
    } finally {
      await context.close();
    }
  });
});
