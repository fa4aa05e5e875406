import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { easterSunday } from './easter.ts';

const KNOWN: Array<[number, string]> = [
  [1818, '1818-03-22'],
  [1990, '1990-04-15'],
  [1995, '1995-04-16'],
  [2000, '2000-04-23'],
  [2008, '2008-03-23'],
  [2011, '2011-04-24'],
  [2018, '2018-04-01'],
  [2019, '2019-04-21'],
  [2023, '2023-04-09'],
  [2024, '2024-03-31'],
  [2025, '2025-04-20'],
  [2026, '2026-04-05'],
  [2027, '2027-03-28'],
  [2028, '2028-04-16'],
  [2029, '2029-04-01'],
  [2030, '2030-04-21'],
  [2038, '2038-04-25'],
  [2100, '2100-03-28'],
  [2285, '2285-03-22'],
];

// Independent check: Gauss's Easter algorithm (Gregorian), a different formula from the one under test.
function gaussEaster(year: number): string {
  const a = year % 19;
  const b = year % 4;
  const c = year % 7;
  const k = Math.floor(year / 100);
  const p = Math.floor((13 + 8 * k) / 25);
  const q = Math.floor(k / 4);
  const M = (15 - p + k - q) % 30;
  const N = (4 + k - q) % 7;
  const d = (19 * a + M) % 30;
  const e = (2 * b + 4 * c + 6 * d + N) % 7;
  let day = 22 + d + e;
  let month = 3;
  if (d === 29 && e === 6) day = 50;
  else if (d === 28 && e === 6 && (11 * M + 11) % 30 < 19) day = 49;
  if (day > 31) {
    month = 4;
    day -= 31;
  }
  return Temporal.PlainDate.from({ year, month, day }).toString();
}

describe('easterSunday', () => {
  for (const [year, date] of KNOWN) {
    it(`${year} → ${date}`, () => assert.equal(easterSunday(year), date));
  }

  it('is always a Sunday between 22 March and 25 April and agrees with Gauss (1583–4099)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1583, max: 4099 }), (year) => {
        const iso = easterSunday(year);
        const date = Temporal.PlainDate.from(iso);
        assert.equal(date.dayOfWeek, 7);
        assert.ok(iso.slice(5) >= '03-22' && iso.slice(5) <= '04-25', iso);
        assert.equal(iso, gaussEaster(year));
      }),
      { numRuns: 500 },
    );
  });

  it('rejects non-Gregorian or non-integer years', () => {
    assert.throws(() => easterSunday(1582), RangeError);
    assert.throws(() => easterSunday(2025.5), RangeError);
    assert.throws(() => easterSunday(10000), RangeError);
  });
});
