import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  LAST_OLD_FORMAT_DATE,
  PERSONAL_CODE_ERRORS,
  maskPersonalCode,
  personalCodeCheckDigit,
  validatePersonalCode,
  type PersonalCodeError,
} from './index.ts';

const WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** Independent re-implementation of the LEGAL.md formula, so the tests do not trust the code under test. */
function checkDigit(firstTen: string): number {
  const sum = [...firstTen].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
  const r = (1101 - sum) % 11;
  return r === 10 ? 0 : r;
}

/** Builds an old-format code with a correct check digit. */
function oldCode(day: number, month: number, year: number, nnn: number): string {
  const century = String(Math.floor(year / 100) - 18);
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  const yy = String(year % 100).padStart(2, '0');
  const firstTen = `${dd}${mm}${yy}${century}${String(nnn).padStart(3, '0')}`;
  return `${firstTen.slice(0, 6)}-${firstTen.slice(6)}${checkDigit(firstTen)}`;
}

function reasonOf(input: string): PersonalCodeError | 'valid' {
  const r = validatePersonalCode(input);
  return r.valid ? 'valid' : r.reason;
}

describe('validatePersonalCode — LEGAL.md examples', () => {
  it('010190-10001 is a valid old-format code born 1990-01-01', () => {
    assert.deepEqual(validatePersonalCode('010190-10001'), {
      valid: true,
      format: 'old',
      normalized: '010190-10001',
      birthDate: '1990-01-01',
    });
  });

  it('290204-21208 is valid (29 Feb 2004, a leap year)', () => {
    assert.deepEqual(validatePersonalCode('290204-21208'), {
      valid: true,
      format: 'old',
      normalized: '290204-21208',
      birthDate: '2004-02-29',
    });
  });

  it('320000-00000 is a valid new-format code without a birth date', () => {
    assert.deepEqual(validatePersonalCode('320000-00000'), {
      valid: true,
      format: 'new',
      normalized: '320000-00000',
      birthDate: null,
    });
  });

  it('accepts a code without the hyphen and normalizes it', () => {
    const r = validatePersonalCode('01019010001');
    assert.equal(r.valid, true);
    assert.equal(r.valid && r.normalized, '010190-10001');
    assert.equal(r.valid && r.birthDate, '1990-01-01');
  });

  it('trims surrounding spaces, tabs and newlines', () => {
    assert.equal(reasonOf(' 010190-10001 '), 'valid');
    assert.equal(reasonOf('\t010190-10001\n'), 'valid');
    assert.equal(reasonOf('  32000000000 '), 'valid');
  });

  it('010190-10002 has a bad check digit', () => {
    assert.deepEqual(validatePersonalCode('010190-10002'), { valid: false, reason: 'bad-check-digit', format: 'old' });
  });

  it('310490-10018 is an impossible date (30-day April); its check digit is otherwise right', () => {
    assert.equal(checkDigit('3104901001'), 8);
    assert.deepEqual(validatePersonalCode('310490-10018'), { valid: false, reason: 'impossible-date', format: 'old' });
  });

  it('010190-30002 has a bad century digit; its check digit is otherwise right', () => {
    assert.equal(checkDigit('0101903000'), 2);
    assert.deepEqual(validatePersonalCode('010190-30002'), { valid: false, reason: 'bad-century', format: 'old' });
  });
});

describe('validatePersonalCode — input shape', () => {
  it('empty and whitespace-only input is "empty"', () => {
    assert.deepEqual(validatePersonalCode(''), { valid: false, reason: 'empty', format: null });
    assert.equal(reasonOf('   '), 'empty');
  });

  it('too short or too long digit strings are "bad-length"', () => {
    assert.deepEqual(validatePersonalCode('12345'), { valid: false, reason: 'bad-length', format: null });
    assert.equal(reasonOf('010190-1000'), 'bad-length');
    assert.equal(reasonOf('010190-100011'), 'bad-length');
    assert.equal(reasonOf('0101901000'), 'bad-length');
    assert.equal(reasonOf('010190100011'), 'bad-length');
    assert.equal(reasonOf('010190-'), 'bad-length');
  });

  it('letters and other characters are "not-digits"', () => {
    assert.deepEqual(validatePersonalCode('0101901000a'), { valid: false, reason: 'not-digits', format: null });
    assert.equal(reasonOf('abc'), 'not-digits');
    assert.equal(reasonOf('010190–10001'), 'not-digits', 'en dash is not a hyphen');
    assert.equal(reasonOf('٠١٠١٩٠-١٠٠٠١'), 'not-digits', 'Arabic-Indic digits are not accepted');
    assert.equal(reasonOf('０１０１９０-１０００１'), 'not-digits', 'full-width digits are not accepted');
  });

  it('inner spaces are "not-digits" (only the outer ones are trimmed)', () => {
    assert.equal(reasonOf('010190 10001'), 'not-digits');
    assert.equal(reasonOf('010190- 10001'), 'not-digits');
  });

  it('a hyphen anywhere but after the sixth digit, or twice, is "not-digits"', () => {
    assert.equal(reasonOf('01019-010001'), 'not-digits');
    assert.equal(reasonOf('0101901-0001'), 'not-digits');
    assert.equal(reasonOf('010190--10001'), 'not-digits');
    assert.equal(reasonOf('-01019010001'), 'not-digits');
  });
});

describe('validatePersonalCode — old format', () => {
  it('maps the century digit 0/1/2 to the 1800s/1900s/2000s', () => {
    const c1 = validatePersonalCode(oldCode(15, 3, 1888, 123));
    const c2 = validatePersonalCode(oldCode(15, 3, 1988, 123));
    const c3 = validatePersonalCode(oldCode(15, 3, 2008, 123));
    assert.equal(c1.valid && c1.birthDate, '1888-03-15');
    assert.equal(c2.valid && c2.birthDate, '1988-03-15');
    assert.equal(c3.valid && c3.birthDate, '2008-03-15');
  });

  it('rejects century digits 3–9', () => {
    for (const c of '3456789') {
      const firstTen = `010190${c}000`;
      assert.equal(reasonOf(`${firstTen.slice(0, 6)}-${firstTen.slice(6)}${checkDigit(firstTen)}`), 'bad-century', c);
    }
  });

  it('checks that the date exists', () => {
    assert.equal(reasonOf('000190-10000'), 'impossible-date', 'day 00');
    assert.equal(reasonOf('010090-10000'), 'impossible-date', 'month 00');
    assert.equal(reasonOf('011390-10000'), 'impossible-date', 'month 13');
    assert.equal(reasonOf('300290-10000'), 'impossible-date', '30 February');
    assert.equal(reasonOf('290290-10000'), 'impossible-date', '29 February 1990');
    assert.equal(reasonOf('311190-10000'), 'impossible-date', '31 November');
  });

  it('applies the Gregorian leap-year rule per century', () => {
    assert.equal(reasonOf(oldCode(29, 2, 2000, 0)), 'valid', '2000 is a leap year');
    assert.equal(reasonOf('290200-10000'), 'impossible-date', '1900 is not a leap year');
    assert.equal(reasonOf('290200-00000'), 'impossible-date', '1800 is not a leap year');
    assert.equal(reasonOf(oldCode(29, 2, 1896, 0)), 'valid');
  });

  it('reads codes starting 30 and 31 as old-format dates, not as new-format codes', () => {
    const r30 = validatePersonalCode(oldCode(30, 1, 1990, 1));
    const r31 = validatePersonalCode(oldCode(31, 12, 1999, 999));
    assert.deepEqual(r30, { valid: true, format: 'old', normalized: oldCode(30, 1, 1990, 1), birthDate: '1990-01-30' });
    assert.equal(r31.valid && r31.birthDate, '1999-12-31');
    assert.deepEqual(validatePersonalCode('310490-10018'), { valid: false, reason: 'impossible-date', format: 'old' });
  });

  it('accepts 30 June 2017 and rejects later dates as "date-too-late"', () => {
    assert.equal(LAST_OLD_FORMAT_DATE, '2017-06-30');
    assert.equal(reasonOf(oldCode(30, 6, 2017, 500)), 'valid');
    assert.deepEqual(validatePersonalCode(oldCode(1, 7, 2017, 500)), {
      valid: false,
      reason: 'date-too-late',
      format: 'old',
    });
    assert.equal(reasonOf(oldCode(1, 1, 2018, 0)), 'date-too-late');
    assert.equal(reasonOf(oldCode(31, 12, 2099, 999)), 'date-too-late');
  });

  it('010118 with century 1 is 1918 (valid), with century 2 is 2018 (too late)', () => {
    assert.equal(oldCode(1, 1, 2018, 0).slice(0, 8), '010118-2');
    assert.equal(reasonOf(oldCode(1, 1, 1918, 0)), 'valid');
    assert.equal(reasonOf(oldCode(1, 1, 2018, 0)), 'date-too-late');
  });

  it('checks the date before the check digit (a wrong date is reported as such)', () => {
    assert.equal(reasonOf('310490-10010'), 'impossible-date');
    assert.equal(reasonOf('010717-20000'), 'date-too-late');
  });

  it('maps a remainder of 10 to check digit 0', () => {
    // Find a code whose remainder is 10 and check both the helper and the validator.
    let found: string | undefined;
    for (let n = 0; n < 1000 && !found; n++) {
      const firstTen = `150388${'1'}${String(n).padStart(3, '0')}`;
      const sum = [...firstTen].reduce((acc, d, i) => acc + Number(d) * (WEIGHTS[i] ?? 0), 0);
      if ((1101 - sum) % 11 === 10) found = firstTen;
    }
    assert.ok(found, 'some serial gives remainder 10');
    assert.equal(personalCodeCheckDigit(found), 0);
    assert.equal(reasonOf(`${found.slice(0, 6)}-${found.slice(6)}0`), 'valid');
    assert.equal(reasonOf(`${found.slice(0, 6)}-${found.slice(6)}1`), 'bad-check-digit');
  });

  it('personalCodeCheckDigit rejects input that is not ten digits', () => {
    assert.throws(() => personalCodeCheckDigit('123'), RangeError);
    assert.throws(() => personalCodeCheckDigit('010190-100'), RangeError);
    assert.equal(personalCodeCheckDigit('0101901000'), 1);
  });
});

describe('validatePersonalCode — new format and prefixes', () => {
  it('accepts every prefix 32–39 without checking date or check digit', () => {
    for (let second = 2; second <= 9; second++) {
      const code = `3${second}9999-99999`;
      assert.deepEqual(validatePersonalCode(code), { valid: true, format: 'new', normalized: code, birthDate: null });
    }
    const r = validatePersonalCode('39123456789');
    assert.equal(r.valid && r.normalized, '391234-56789');
  });

  it('codes starting 4–9 are neither a day nor a new prefix: "bad-new-prefix"', () => {
    for (const first of '456789') {
      assert.deepEqual(validatePersonalCode(`${first}10190-10001`), {
        valid: false,
        reason: 'bad-new-prefix',
        format: null,
      });
    }
  });
});

describe('validatePersonalCode — properties', () => {
  const validDate = fc
    .date({ min: new Date('1800-01-01T00:00:00Z'), max: new Date('2017-06-30T00:00:00Z'), noInvalidDate: true })
    .map((d) => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));

  it('a code built with the computed check digit validates with the right birth date; any other check digit fails', () => {
    fc.assert(
      fc.property(validDate, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 1, max: 9 }), (d, nnn, delta) => {
        const code = oldCode(d.day, d.month, d.year, nnn);
        const expectedDate = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
        const r = validatePersonalCode(code);
        assert.deepEqual(r, { valid: true, format: 'old', normalized: code, birthDate: expectedDate });
        assert.deepEqual(validatePersonalCode(code.replace('-', '')), r);

        const wrong = code.slice(0, 11) + String((Number(code[11]) + delta) % 10);
        assert.deepEqual(validatePersonalCode(wrong), { valid: false, reason: 'bad-check-digit', format: 'old' });
      }),
      { numRuns: 2000 },
    );
  });

  it('every new-format code (3, then 2–9, then nine digits) is valid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }), fc.stringMatching(/^\d{9}$/), (second, rest) => {
        const r = validatePersonalCode(`3${second}${rest}`);
        assert.equal(r.valid && r.format, 'new');
      }),
    );
  });

  it('never throws, and always returns a known reason', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9 -]{0,14}$/)), (s) => {
        const r = validatePersonalCode(s);
        if (!r.valid) assert.ok(PERSONAL_CODE_ERRORS.includes(r.reason));
        else assert.match(r.normalized, /^\d{6}-\d{5}$/);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('maskPersonalCode', () => {
  it('keeps only the birth-date part of an old-format code', () => {
    assert.equal(maskPersonalCode('010190-10001'), '010190-*****');
    assert.equal(maskPersonalCode('01019010001'), '010190-*****');
    assert.equal(maskPersonalCode(' 310490-10018 '), '310490-*****');
  });

  it('keeps only the prefix of a new-format code', () => {
    assert.equal(maskPersonalCode('325612-34567'), '32****-*****');
    assert.equal(maskPersonalCode('39561234567'), '39****-*****');
  });

  it('hides malformed input completely', () => {
    for (const s of ['', '12345', '0101901000a', '010190 10001', '910190-10001', 'Jānis Bērziņš']) {
      assert.equal(maskPersonalCode(s), '******-*****', s);
    }
  });

  it('never reveals the last five digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11}$/), (code) => {
        const masked = maskPersonalCode(code);
        assert.ok(masked.endsWith('-*****'));
        assert.equal(masked.length, 12);
      }),
    );
  });
});
