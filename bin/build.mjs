#!/usr/bin/env node
// The production build: src/main.ts and everything it imports, npm packages included, bundled by esbuild into
// dist/main.js. `npm start` runs this when dist/ is missing or older than the sources (bin/start.mjs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * How our code is bundled for Node, for the server and for the test suite (test/launch.mjs). Each says what stays in
 * node_modules: the suite every npm package, the server only SERVER_EXTERNAL.
 */
export const NODE_BUNDLE = {
  bundle: true,
  // Code reached only through import() (the trusted list's reader, the e-mail intake) goes to a chunk of its own: it loads when used.
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
};

/**
 * Packages the server bundle leaves in node_modules: they read files from their own folder (PGlite's WebAssembly,
 * swagger-ui's pages, @fastify/swagger its package.json), are native (argon2), or are optional and absent (pg-native).
 */
const SERVER_EXTERNAL = ['@electric-sql/pglite', '@node-rs/argon2', '@fastify/swagger', '@fastify/swagger-ui', 'pg-native'];

/**
 * What the CommonJS packages in an ES module bundle expect to find: `require` (for Node's own modules and anything
 * left external; resolved from dist/, inside the project, so node_modules is found), `__filename` and `__dirname`.
 */
const COMMONJS_GLOBALS =
  "import{createRequire as __createRequire}from'node:module';import{fileURLToPath as __fileURLToPath}from'node:url';" +
  "import{dirname as __pathDirname}from'node:path';const require=__createRequire(import.meta.url);" +
  'const __filename=__fileURLToPath(import.meta.url);const __dirname=__pathDirname(__filename);';

/** Builds into dist/ (or `outdir`, a folder inside the project so that the npm packages resolve: the crash test's own build). */
export async function buildServer({ outdir = 'dist' } = {}) {
  const started = performance.now();
  await build({
    absWorkingDir: root,
    entryPoints: { main: 'src/main.ts', 'verify.worker': 'src/features/signatures/verify.worker.ts' },
    outdir,
    ...NODE_BUNDLE,
    // Start (issue 18): one file instead of some 600 modules found, read and linked one by one: the first health
    // check came 1.74–2.42 s after the start on session 11's machine, 1.38–1.58 s with the packages bundled.
    external: SERVER_EXTERNAL,
    banner: { js: COMMONJS_GLOBALS },
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
