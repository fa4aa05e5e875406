#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so operators need no build step.
import { register } from 'node:module';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register('tsx/esm', pathToFileURL('./'));
const here = dirname(fileURLToPath(import.meta.url));
await import(pathToFileURL(join(here, '..', 'src', 'cli.ts')).href);
