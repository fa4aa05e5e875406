import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fieldsWithNul, holdsNul, withoutNul } from './input-guard.ts';

const deep = (levels: number, leaf: unknown): unknown => (levels === 0 ? leaf : { next: deep(levels - 1, leaf) });

const CASES: Array<{ name: string; value: unknown; fields: string[] }> = [
  { name: 'a clean body', value: { service: 'pensijas', start: '2031-01-06T08:00:00+02:00', seats: [1, 2], nested: { ok: true } }, fields: [] },
  { name: 'nothing at all', value: undefined, fields: [] },
  { name: 'a bare string', value: 'a\u0000b', fields: ['(root)'] },
  { name: 'a top-level field', value: { name: 'Jānis\u0000' }, fields: ['name'] },
  { name: 'a field in an array of objects', value: { attachments: [{ fileName: 'ok' }, { fileName: 'x\u0000.pdf' }] }, fields: ['attachments.1.fileName'] },
  { name: 'an object key', value: { 'na\u0000me': 'x' }, fields: ['name'] },
  { name: 'file content (bytes, not text)', value: { file: Buffer.from('a\u0000b') }, fields: [] },
  { name: 'deeper than 32 levels (not looked at)', value: deep(40, 'x\u0000'), fields: [] },
  { name: 'at the 32nd level', value: deep(32, 'x\u0000'), fields: [Array(32).fill('next').join('.')] },
];

describe('the NUL input guard', () => {
  for (const { name, value, fields } of CASES) {
    it(`${name}: ${fields.length ? fields.join(', ') : 'none'}`, () => {
      assert.deepEqual(fieldsWithNul(value), fields);
      assert.equal(holdsNul(value), fields.length > 0, 'the quick check agrees with the full one');
    });
  }

  it('an inherited property is not the request’s input', () => {
    const value = Object.create({ inherited: 'x\u0000' }) as Record<string, unknown>;
    value.own = 'clean';
    assert.equal(holdsNul(value), false);
    assert.deepEqual(fieldsWithNul(value), []);
  });

  it('names at most 20 fields', () => {
    const value = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, '\u0000']));
    assert.equal(fieldsWithNul(value).length, 20);
  });

  it('withoutNul removes every NUL from strings and keys, leaving bytes alone', () => {
    const bytes = Buffer.from('a\u0000b');
    assert.deepEqual(withoutNul({ 'k\u0000': ['a\u0000b'], file: bytes }), { k: ['ab'], file: bytes });
  });
});
