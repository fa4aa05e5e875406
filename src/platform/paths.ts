import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (the one with package.json), found from this module's own place: the same from the
 * TypeScript sources (src/platform/paths.ts) and from the production bundle (dist/main.js).
 */
function findProjectRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'db', 'migrations'))) return dir;
    if (dirname(dir) === dir) throw new Error(`project root (package.json, db/migrations) not found above ${start}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, e.g. projectPath('db', 'migrations'). */
export function projectPath(...parts: string[]): string {
  return join(PROJECT_ROOT, ...parts);
}
