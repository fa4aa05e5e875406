import { existsSync } from 'node:fs';

/**
 * The Chromium the browser tests drive (CHROMIUM_PATH overrides): Debian's `chromium-headless-shell` when installed —
 * the same Blink and V8 as Debian's `chromium`, built without the browser's own interface, and what Playwright runs
 * for headless Chromium by default; it took half the CPU of `chromium --headless` for the same pages (measured on
 * test/e2e/public-pages.test.ts: 12 s of CPU against 24 s) — else Debian's `chromium`.
 */
export const CHROMIUM_PATH =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'].find((path) => existsSync(path)) ?? '/usr/bin/chromium';
