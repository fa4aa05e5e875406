import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { catalogs } from './catalogs.ts';

/** Every text of a catalog by its key, with the names of the values it puts in ({{max}}). */
function texts(catalog: Record<string, unknown>): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const walk = (node: unknown, path: string) => {
    if (typeof node === 'string') found.set(path, [...node.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] as string).sort());
    else if (node && typeof node === 'object') for (const [key, value] of Object.entries(node)) walk(value, path ? `${path}.${key}` : key);
  };
  walk(catalog, '');
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('the message catalogs', () => {
  const lv = texts(catalogs.lv);
  const en = texts(catalogs.en);

  it('have the same keys in Latvian and English', () => {
    assert.ok(lv.size > 1000, `${lv.size} Latvian texts`);
    assert.deepEqual([...lv.keys()].filter((key) => !en.has(key)), [], 'Latvian keys without English');
    assert.deepEqual([...en.keys()].filter((key) => !lv.has(key)), [], 'English keys without Latvian');
  });

  it('put in the same values in both languages (Latvian may take a declined form of one: agencyDative for agency)', () => {
    const base = (names: string[] = []) => [...new Set(names.map((name) => name.replace(/(Nominative|Genitive|Dative|Accusative|Locative|Lv|En)$/, '')))].join();
    // Latvian greets without the name: "Labdien!" needs no vocative of a name we cannot decline.
    const deliberate = new Set(['appointments.mail.greeting']);
    const differing = [...lv].filter(([key, names]) => !deliberate.has(key) && base(names) !== base(en.get(key))).map(([key]) => key);
    assert.deepEqual(differing, []);
  });

  it('hold every Zod message: no schema writes its words inline', () => {
    const root = new URL('../', import.meta.url).pathname;
    const inline = sourceFiles(root).filter((file) => /localized\(\{\s*lv:/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(inline.map((file) => file.slice(root.length)), []);
  });
});
