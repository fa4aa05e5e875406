// The axe scan of a page with JavaScript off (test/support/browser.ts) runs on a copy of the page in a scanning
// page: it must see what the no-JS user sees, styles included, and never a script's work or another scan's page.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, launchChromium, newContext } from '../support/browser.ts';

const PAGES: Record<string, string> = {
  '/style.css': 'body { color: #111; background: #fff } .faint { color: #c8c8c8 }',
  '/clean': '<!doctype html><html lang="lv"><head><title>Tīra</title><link rel="stylesheet" href="/style.css"></head><body><main><h1>Tīra lapa</h1><p>Teksts.</p></main></body></html>',
  // The faint colour comes only from the stylesheet; the script would mend the image and the label if it ran.
  '/broken': `<!doctype html><html lang="lv"><head><title>Kļūdaina</title><link rel="stylesheet" href="/style.css"></head><body><main>
    <h1>Kļūdaina lapa</h1><p class="faint">Gandrīz neredzams teksts.</p><img src="/nav.png"><input id="x" type="text">
    <script>document.querySelector('img').alt = 'Attēls'; document.querySelector('input').setAttribute('aria-label', 'Lauks');</script>
  </main></body></html>`,
};

let server: Server;
let baseUrl: string;
let browser: Browser;

before(async () => {
  server = createServer((request, response) => {
    const body = PAGES[request.url ?? ''];
    const css = request.url?.endsWith('.css') ?? false;
    response.writeHead(body ? 200 : 404, { 'content-type': css ? 'text/css' : 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    // A slow stylesheet: the scan must wait for it, as the faint text is faint only with it.
    setTimeout(() => response.end(body ?? 'nav'), css ? 400 : 0);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

async function violationsOf(path: string): Promise<string[]> {
  const context = await newContext(browser, baseUrl);
  try {
    const page = await context.newPage();
    await page.goto(path);
    return (await axeViolations(page)).map((line) => line.split(' ')[0] as string);
  } finally {
    await context.close();
  }
}

describe('axe on a page with JavaScript off', () => {
  it('finds nothing on a clean page', async () => {
    assert.deepEqual(await violationsOf('/clean'), []);
  });

  it("finds the stylesheet's faint text, and what the page's script would have mended", async () => {
    assert.deepEqual((await violationsOf('/broken')).sort(), ['color-contrast', 'image-alt', 'label']);
  });

  it('keeps scans started together apart', async () => {
    const [clean, broken, cleanAgain] = await Promise.all([violationsOf('/clean'), violationsOf('/broken'), violationsOf('/clean')]);
    assert.deepEqual([clean, broken.length, cleanAgain], [[], 3, []]);
  });
});
