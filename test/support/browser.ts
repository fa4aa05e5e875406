// Helpers for the browser tests in test/e2e: a real server on a random localhost
// port, one Debian Chromium per test file (never a downloaded browser), pages with
// JavaScript on or off, sign-in through the real form, and axe scans.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import { chromium, type Browser, type BrowserContext, type Page, type Response } from 'playwright-core';
import type { StaffRole } from '../../src/platform/access/roles.ts';
import type { Clock } from '../../src/platform/clock.ts';
import { createStaffUser } from '../../src/features/staff/staff.service.ts';
import { CHROMIUM_PATH } from './chromium.ts';
import { createTestPlatform, type TestPlatform, type TestTarget } from './test-platform.ts';

export { CHROMIUM_PATH };

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** A phone-sized viewport (small Android) for reflow checks. */
export const SMALL_PHONE = { width: 360, height: 740 } as const;

export type ServedPlatform = TestPlatform & { baseUrl: string };

/** A fresh migrated database behind a real HTTP server on 127.0.0.1 and a random port. */
export async function startServedPlatform(options: { clock?: Clock; target?: TestTarget } = {}): Promise<ServedPlatform> {
  const platform = await createTestPlatform(options.target ?? 'pglite', options.clock ? { clock: options.clock } : {});
  const address = await platform.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...platform, baseUrl: address };
}

export type BrowserTestBed = { platform: ServedPlatform; browser: Browser };

/** A browser test file's setup: a served platform on its clock, one Chromium, and the staff accounts its tests sign in with. */
export async function openBrowserTestBed(options: { clock?: Clock; staff?: StaffAccount[] } = {}): Promise<BrowserTestBed> {
  const platform = await startServedPlatform(options.clock ? { clock: options.clock } : {});
  const browser = await launchChromium();
  for (const account of options.staff ?? []) await createStaffAccount(platform, account);
  return { platform, browser };
}

/** Closes what openBrowserTestBed opened (either may be missing when the setup failed). */
export async function closeBrowserTestBed(bed: Partial<BrowserTestBed>): Promise<void> {
  await bed.browser?.close();
  await bed.platform?.close();
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

export type StaffAccount = { email: string; password: string; agency: string; role: StaffRole };

export async function createStaffAccount(platform: TestPlatform, account: StaffAccount): Promise<StaffAccount> {
  await createStaffUser(
    { ...platform.deps, agencyExists: (slug) => platform.deps.agencies.get(slug) !== undefined },
    { actorId: null, actorLabel: 'system:e2e-setup', ip: null },
    { email: account.email, name: `E2E ${account.role} (${account.agency})`, password: account.password, agency: account.agency, role: account.role },
  );
  return account;
}

export type PageOptions = { javaScript?: boolean; viewport?: { width: number; height: number } };

// Contexts opened with JavaScript off: axe cannot run inside them (see axeViolations).
const scriptlessContexts = new WeakSet<BrowserContext>();

/** A new browser context (own cookies), JavaScript off unless asked: public flows must work without it. */
export async function newContext(browser: Browser, baseUrl: string, options: PageOptions = {}): Promise<BrowserContext> {
  const javaScript = options.javaScript ?? false;
  const context = await browser.newContext({
    baseURL: baseUrl,
    javaScriptEnabled: javaScript,
    viewport: options.viewport ?? { width: 1280, height: 900 },
  });
  if (!javaScript) scriptlessContexts.add(context);
  return context;
}

export type OpenedPage = { context: BrowserContext; page: Page; response: Response };

/** Opens `path` in a fresh context; the caller closes `context`. */
export async function openPage(browser: Browser, baseUrl: string, path: string, options: PageOptions = {}): Promise<OpenedPage> {
  const context = await newContext(browser, baseUrl, options);
  const page = await context.newPage();
  const response = await page.goto(path);
  if (!response) throw new Error(`no response for ${path}`);
  return { context, page, response };
}

/** Navigates and insists on a response (page.goto returns null only for same-document navigations). */
export async function visit(page: Page, path: string): Promise<Response> {
  const response = await page.goto(path);
  if (!response) throw new Error(`no response for ${path}`);
  return response;
}

/** The id (or tag name) of the focused element, for focus-order assertions. */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    return el.id ? `#${el.id}` : el.tagName.toLowerCase() + (el.className ? `.${String(el.className).split(' ')[0]}` : '');
  });
}

/**
 * Polls `check` from Node until it returns true. Page-side waiting (waitForFunction)
 * needs timers, which never fire in a page with JavaScript off.
 */
export async function pollUntil(check: () => Promise<boolean>, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export type SkipLinkResult = { firstTabStop: string; visibleWhenFocused: boolean; focusAfterFollowing: string; hash: string };

/** From a freshly loaded page: Tab once (the skip link should be the first stop), then follow it with Enter. */
export async function useSkipLink(page: Page): Promise<SkipLinkResult> {
  await page.keyboard.press('Tab');
  const firstTabStop = await focusedElement(page);
  const visibleWhenFocused = await page.evaluate(() => {
    const el = document.activeElement;
    if (!el) return false;
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && box.left >= 0 && box.top >= 0 && box.right <= window.innerWidth;
  });
  await page.keyboard.press('Enter');
  await pollUntil(async () => (await focusedElement(page)) !== firstTabStop, 'focus to leave the skip link').catch(() => undefined);
  return { firstTabStop, visibleWhenFocused, focusAfterFollowing: await focusedElement(page), hash: new URL(page.url()).hash };
}

/** Presses Tab until the element matching `selector` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: Page, selector: string, max = 40): Promise<number> {
  for (let presses = 1; presses <= max; presses++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector);
    if (reached) return presses;
  }
  throw new Error(`${selector} was not reached with ${max} Tab presses (focus is on ${await focusedElement(page)})`);
}

/**
 * Signs in through the real form with the keyboard only: Tab to the e-mail field,
 * type, Tab to the password, type, Enter. Returns the response the form led to.
 */
export async function signInWithKeyboard(page: Page, email: string, password: string): Promise<Response> {
  await visit(page, '/staff/login');
  await tabTo(page, '#field-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  const onPassword = await page.evaluate(() => document.activeElement?.id === 'field-password');
  if (!onPassword) throw new Error(`Tab from the e-mail field went to ${await focusedElement(page)}, not the password`);
  await page.keyboard.type(password);
  return pressAndNavigate(page, 'Enter');
}

/** Presses `key` on the focused element and waits for the document it leads to (after any redirects). */
export async function pressAndNavigate(page: Page, key: string): Promise<Response> {
  const final = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && (r.status() < 300 || r.status() >= 400),
  );
  const committed = page.waitForEvent('framenavigated', (frame) => frame === page.mainFrame());
  await page.keyboard.press(key);
  const [response] = await Promise.all([final, committed]);
  await page.waitForLoadState('load');
  return response;
}

export type AxeFinding = { id: string; impact: string; help: string; helpUrl: string; targets: string[] };

/**
 * Scans the page against WCAG 2.1 A and AA; returns one readable line per violated rule.
 *
 * With JavaScript off Chromium never fires timers, and axe needs setTimeout, so it would hang. Such a page's
 * current DOM is scanned instead, in a scanning page of the same browser (see CopyScanner).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (!scriptlessContexts.has(page.context())) return scan(page);
  const browser = page.context().browser();
  if (!browser) throw new Error('page has no browser');
  const html = await page.content();
  const scanner = copyScanners.get(browser) ?? new CopyScanner(browser);
  copyScanners.set(browser, scanner);
  return formatViolations(findingsOf(await scanner.scan(html, page.url().split('#')[0] as string, page.viewportSize())));
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCANNER_PATH = '/__axe-scanner__';
const copyScanners = new WeakMap<Browser, CopyScanner>();

/**
 * One page per browser that scans copies of script-less pages: axe is loaded into it once per server, and each
 * copy is written into its document (document.open keeps the window and axe with it) at the page's own URL, with
 * the same styles and viewport. Its `script-src 'none'` policy keeps the copy's scripts from running, so the
 * markup stays as the no-JS user sees it. A scan took 2.8–3.3 s in a fresh page that loaded axe, 0.19–0.56 s here.
 * Scans run one at a time: the document is shared.
 */
class CopyScanner {
  private page: Promise<Page>;
  private origin: string | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(browser: Browser) {
    this.page = browser.newContext({ javaScriptEnabled: true }).then((context) => context.newPage());
  }

  scan(html: string, documentUrl: string, viewport: { width: number; height: number } | null): Promise<AxeResults['violations']> {
    const run = this.queue.then(() => this.scanNow(html, documentUrl, viewport));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async scanNow(html: string, documentUrl: string, viewport: { width: number; height: number } | null): Promise<AxeResults['violations']> {
    const page = await this.page;
    const origin = new URL(documentUrl).origin;
    if (this.origin !== origin) {
      await page.route(`${origin}${SCANNER_PATH}`, (route) =>
        route.fulfill({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "script-src 'none'" }, body: '<!doctype html><title>axe</title>' }),
      );
      await page.goto(`${origin}${SCANNER_PATH}`);
      await page.evaluate(AXE_SOURCE);
      this.origin = origin;
    }
    if (viewport) await page.setViewportSize(viewport);
    return page.evaluate(
      async ({ markup, url, tags }) => {
        history.replaceState(null, '', url);
        document.open();
        document.write(markup);
        document.close();
        const sheets = Array.from(document.querySelectorAll<HTMLLinkElement>('link[rel~=stylesheet]')).filter((link) => !link.sheet);
        await Promise.all(sheets.map((link) => new Promise((done) => (link.addEventListener('load', done), link.addEventListener('error', done)))));
        await document.fonts.ready;
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResults> } }).axe;
        return (await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
      },
      { markup: html, url: documentUrl, tags: WCAG_TAGS },
    );
  }
}

// Legacy mode runs axe.run in the page itself instead of finishing in an extra blank
// page: ~0.7 s faster per scan; it skips cross-origin frames, and our pages have none.
async function scan(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode().analyze();
  return formatViolations(findingsOf(result.violations));
}

function findingsOf(violations: AxeResults['violations']): AxeFinding[] {
  return violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, helpUrl: v.helpUrl, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
}

export function formatViolations(findings: AxeFinding[]): string[] {
  return findings.map((f) => {
    const shown = f.targets.slice(0, 5).join(' | ');
    const more = f.targets.length > 5 ? ` (+${f.targets.length - 5} more)` : '';
    return `${f.id} [${f.impact}] ${f.help} — ${shown}${more} (${f.helpUrl})`;
  });
}

/** Whether the page scrolls sideways at its current viewport (content wider than the screen). */
export function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; viewportWidth: number }> {
  return page.evaluate(() => ({
    scrollWidth: (document.scrollingElement ?? document.documentElement).scrollWidth,
    viewportWidth: window.innerWidth,
  }));
}

/** Fails with the list of axe violations (WCAG 2.1 A/AA) on the page as it is now. */
const scanned = new Set<string>();

/**
 * The page template a URL shows: its path with ids and codes replaced, its query's keys, and whether it shows
 * an error summary (an error state is a template of its own).
 */
async function templateOf(page: Page): Promise<string> {
  const url = new URL(page.url());
  const path = url.pathname.replace(/\/[0-9a-f]{8}-[0-9a-f-]{27,}/gi, '/:id').replace(/\/(?=[^/]*\d)[^/]+/g, '/:id');
  const errors = await page.locator('.error-summary, [role=alert]').count();
  return `${page.viewportSize()?.width ?? 0}px ${path}?${[...url.searchParams.keys()].sort().join("&")}${errors ? " (errors)" : ""}`;
}

/** Runs axe on the page unless this test process already scanned the same page template (see templateOf). */
export async function assertAccessible(page: Page, what = page.url()): Promise<void> {
  const template = await templateOf(page);
  if (scanned.has(template)) return;
  scanned.add(template);
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe violations on ${what} (${page.url()}):\n${violations.join('\n')}`);
}

/** Fails when the page is wider than its small-phone viewport (WCAG 1.4.10 reflow). */
export async function assertFitsSmallPhone(page: Page, what = page.url()): Promise<void> {
  const { scrollWidth, viewportWidth } = await horizontalOverflow(page);
  assert.equal(viewportWidth, SMALL_PHONE.width, `${what} is not on a small-phone viewport`);
  assert.ok(scrollWidth <= viewportWidth, `${what} is ${scrollWidth}px wide on a ${viewportWidth}px screen`);
}
