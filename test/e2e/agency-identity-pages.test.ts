// Each agency looks its own (issue 14): the header in the agency's colour from its profile (a stylesheet, no inline
// style under the CSP), its name mark, and axe's WCAG 2.1 AA contrast passing on both agencies' pages in both languages.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { assertAccessible, assertFitsSmallPhone, closeBrowserTestBed, openBrowserTestBed, openPage, SMALL_PHONE, type ServedPlatform } from '../support/browser.ts';

let platform: ServedPlatform;
let browser: Browser;

before(async () => ({ platform, browser } = await openBrowserTestBed()));
after(() => closeBrowserTestBed({ platform, browser }));

const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

describe('agency identity in a real browser', () => {
  for (const slug of ['vsaa', 'kase']) {
    for (const lang of ['lv', 'en']) {
      it(`/${slug}/standarts (${lang}): header in the profile's colour, name mark shown, no CSP refusal, axe passes`, async () => {
        const colour = platform.deps.agencies.require(slug).brand?.colour ?? '';
        assert.match(colour, /^#[0-9a-f]{6}$/i);
        const refused: string[] = [];
        const { context, page } = await openPage(browser, platform.baseUrl, `/${slug}/standarts?lang=${lang}`);
        page.on('console', (message) => {
          if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
        });
        try {
          await page.reload();
          const header = await page.locator('header.site-header').evaluate((el) => getComputedStyle(el).backgroundColor);
          assert.equal(header, rgb(colour));
          const mark = page.locator('header .agency-mark');
          assert.equal(await mark.isVisible(), true);
          assert.equal(await mark.evaluate((el) => getComputedStyle(el).color), 'rgb(255, 255, 255)');
          await assertAccessible(page, `/${slug}/standarts (${lang})`);
          assert.deepEqual(refused, []);
        } finally {
          await context.close();
        }
      });
    }
  }

  it('the header with the name mark and the contact links still fit a small phone', async () => {
    for (const path of ['/vsaa/standarts', '/kase/standarts?lang=en']) {
      const { context, page } = await openPage(browser, platform.baseUrl, path, { viewport: SMALL_PHONE });
      try {
        await assertFitsSmallPhone(page, path);
      } finally {
        await context.close();
      }
    }
  });

  it('the two agencies differ from each other and from the portal home', async () => {
    const colours: string[] = [];
    for (const path of ['/', '/vsaa', '/kase']) {
      const { context, page } = await openPage(browser, platform.baseUrl, path);
      colours.push(await page.locator('header.site-header').evaluate((el) => getComputedStyle(el).backgroundColor));
      await context.close();
    }
    assert.equal(new Set(colours).size, 3, colours.join(' / '));
  });
});
