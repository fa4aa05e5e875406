#!/usr/bin/env node
// The production build: src/main.ts and everything it imports, bundled by esbuild into dist/main.js (the npm packages
// stay in node_modules). `npm start` runs this when dist/ is missing or older than the sources (bin/start.mjs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** How our code is bundled for Node, for the server and for the test suite (test/launch.mjs): the npm packages stay in node_modules. */
export const NODE_BUNDLE = {
  bundle: true,
  // Code reached only through import() (the trusted list's reader) goes to a chunk of its own: its packages load when it is used.
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
};

/** Builds into dist/ (or `outdir`, a folder inside the project so that the npm packages resolve: the crash test's own build). */
export async function buildServer({ outdir = 'dist' } = {}) {
  const started = performance.now();
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', 'verify.worker': 'src/features/signatures/verify.worker.ts' },
    outdir,
    ...NODE_BUNDLE,
    // Memory (issue 18): Node keeps the bundle's text and its source map in the heap. Without comments and with every
    // character ASCII (esbuild escapes the rest; two regular expressions in src/ are written with \u escapes) the
    // text is held one byte per character, and a map without the sources' text keeps stack traces mapped to src/.
    sourcemap: 'linked',
    sourcesContent: false,
    minifyWhitespace: true,
    logLevel: 'warning',
    legalComments: 'none',
  });
  return performance.now() - started;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const ms = await buildServer();
  process.stdout.write(`Built dist/main.js in ${Math.round(ms)} ms\n`);
}
