import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KNOWN_CALENDAR_ENTRIES } from './known-entries.ts';
import { LatvianCalendar } from './latvian-calendar.ts';

const cal = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
const shortenedIn = (c: LatvianCalendar, year: number) =>
  c.days(`${year}-01-01`, `${year}-12-31`).filter((d) => d.shortened).map((d) => d.date);

describe('shortened pre-holiday days (Labour Law s.135, literal reading)', () => {
  for (const date of ['2025-04-17', '2025-04-30', '2025-12-23', '2025-12-30', '2026-04-02', '2026-11-17']) {
    it(`LEGAL.md example ${date} is shortened`, () => {
      const info = cal.day(date);
      assert.equal(info.working, true);
      assert.equal(info.shortened, true);
    });
  }

  it('Fri 20 Jun 2025 is not shortened (Līgo 2025 is a Monday)', () => {
    assert.equal(cal.day('2025-06-20').working, true);
    assert.equal(cal.day('2025-06-20').shortened, false);
  });

  it('a worked Saturday keeps the status of the day it replaces (Sat 27 Jun 2026 for Mon 22 Jun)', () => {
    assert.equal(cal.day('2026-06-27').shortened, true);
    assert.equal(cal.day('2025-11-08').shortened, true); // stands for Mon 17 Nov, the day before 18 Nov
    assert.equal(cal.day('2026-01-17').shortened, false); // stands for Fri 2 Jan, followed by a Saturday
  });

  it('a worked Saturday before a Sunday holiday is shortened (Sat 10 May 2025, Mother’s Day)', () => {
    assert.equal(cal.day('2025-05-10').shortened, true);
    assert.equal(new LatvianCalendar([]).day('2025-05-10').shortened, false); // not worked without the order
  });

  it('days off are never shortened, nor is the day before a compensatory or Cabinet day off', () => {
    assert.equal(cal.day('2026-06-22').shortened, false); // Cabinet day off before Līgo
    assert.equal(cal.day('2025-11-17').shortened, false); // Cabinet day off before 18 Nov
    assert.equal(cal.day('2025-05-02').shortened, false);
    assert.equal(cal.day('2025-11-14').shortened, false); // Friday before the Cabinet day off
    assert.equal(cal.day('2028-11-17').shortened, true); // before 18 Nov 2028 (Sat) itself
    assert.equal(cal.day('2028-11-21').shortened, false); // after the compensatory Monday
    assert.equal(cal.day('2025-12-31').shortened, false); // a holiday itself
  });

  it('a one-off holiday counts (Tuesday before a Wednesday one-off is shortened)', () => {
    const c = new LatvianCalendar([
      { kind: 'holiday', date: '2027-09-15', name: { lv: 'Z', en: 'Z' }, movesOnWeekend: false, source: 'test' },
    ]);
    assert.equal(c.day('2027-09-14').shortened, true);
    assert.equal(cal.day('2027-09-14').shortened, false);
  });

  it('Sunday before Līgo 2025 and the Saturday before Easter are not working, so not shortened', () => {
    assert.equal(cal.day('2025-06-22').shortened, false);
    assert.equal(cal.day('2025-04-19').shortened, false);
  });
});

describe('shortened days: full lists 2024–2028', () => {
  const expected: Record<number, string[]> = {
    2024: ['2024-03-28', '2024-04-30', '2024-05-03', '2024-12-23', '2024-12-30'],
    2025: ['2025-04-17', '2025-04-30', '2025-05-10', '2025-11-08', '2025-12-23', '2025-12-30'],
    2026: ['2026-04-02', '2026-04-30', '2026-06-27', '2026-11-17', '2026-12-23', '2026-12-30'],
    2027: ['2027-03-25', '2027-04-30', '2027-05-03', '2027-06-22', '2027-11-17', '2027-12-23', '2027-12-30'],
    2028: ['2028-04-13', '2028-05-03', '2028-06-22', '2028-11-17'],
  };
  for (const [year, dates] of Object.entries(expected)) {
    it(`${year}`, () => assert.deepEqual(shortenedIn(cal, Number(year)), dates));
  }
});
