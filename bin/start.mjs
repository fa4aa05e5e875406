#!/usr/bin/env node
// `npm start`: builds dist/ when it is missing or older than any source (src/, package-lock.json, the build script),
// then runs the compiled server. No TypeScript compiler runs in the serving process.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cluster from 'node:cluster';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'main.js');

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

function isStale() {
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  const sources = [join(root, 'src'), join(root, 'package-lock.json'), join(root, 'bin', 'build.mjs')].filter((p) => existsSync(p));
  return sources.some((p) => newestMtime(p) > built);
}

// Worker processes of WORKERS=n run this file too: only the first process builds.
if (cluster.isPrimary && isStale()) {
  const { buildServer } = await import('./build.mjs');
  const ms = await buildServer();
  process.stdout.write(`Built dist/main.js from the TypeScript sources in ${Math.round(ms)} ms\n`);
}
// Source maps stay off unless asked for (NODE_OPTIONS=--enable-source-maps): Node would keep every map in the heap,
// about 5 MB of the 150 MB budget (issue 18). Stack traces still name the functions; dist/*.map maps them to src/.
await import(bundle);
