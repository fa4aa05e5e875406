import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { ACCESS_CODE_LENGTH, findReferenceIn, formatReference, generateAccessCode, hashAccessCode, parseReference } from './reference.ts';
import { canTransition, isOpen } from './status.ts';

describe('inquiry reference numbers', () => {
  it('formats as AGENCY-YEAR-000123', () => {
    assert.equal(formatReference('vsaa', 2026, 123), 'VSAA-2026-000123');
    assert.equal(formatReference('kase', 2027, 1_234_567), 'KASE-2027-1234567');
  });

  it('parses what it formats, case-insensitively', () => {
    fc.assert(
      fc.property(fc.constantFrom('vsaa', 'kase', 'demo'), fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 9_999_999 }), (agency, year, n) => {
        assert.deepEqual(parseReference(formatReference(agency, year, n).toLowerCase()), { agency, year, number: n });
      }),
    );
  });

  it('rejects what is not a reference', () => {
    for (const text of ['', 'VSAA', 'VSAA-26-000001', 'VSAA-2026-12', '2026-000123', 'VSAA-2026-000123; drop table']) {
      assert.equal(parseReference(text), null, text);
    }
  });

  it('finds the reference in a reply subject', () => {
    assert.equal(findReferenceIn('Re: Atbilde uz jūsu jautājumu (vsaa-2026-000042)'), 'VSAA-2026-000042');
    assert.equal(findReferenceIn('Jautājums par pensiju'), null);
  });
});

describe('access codes', () => {
  it('are 10 characters from an alphabet without look-alikes', () => {
    for (let i = 0; i < 200; i++) {
      const code = generateAccessCode();
      assert.equal(code.length, ACCESS_CODE_LENGTH);
      assert.match(code, /^[A-HJ-NP-Z2-9]+$/);
    }
  });

  it('hash the same however the client types them', () => {
    assert.equal(hashAccessCode('abcd-efgh 23'), hashAccessCode('ABCDEFGH23'));
    assert.notEqual(hashAccessCode('ABCDEFGH23'), hashAccessCode('ABCDEFGH24'));
  });
});

describe('inquiry status', () => {
  it('open statuses owe an answer', () => {
    assert.equal(isOpen('new'), true);
    assert.equal(isOpen('waiting-for-client'), true);
    assert.equal(isOpen('answered'), false);
    assert.equal(isOpen('merged'), false);
  });

  it('a merged inquiry never changes again; a closed one can be reopened', () => {
    assert.equal(canTransition('merged', 'assigned'), false);
    assert.equal(canTransition('closed', 'assigned'), true);
    assert.equal(canTransition('forwarded', 'answered'), false);
    assert.equal(canTransition('new', 'forwarded'), true);
  });
});
