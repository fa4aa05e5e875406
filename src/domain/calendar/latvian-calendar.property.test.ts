import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { KNOWN_CALENDAR_ENTRIES } from './known-entries.ts';
import { LatvianCalendar } from './latvian-calendar.ts';

const cal = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
const START = Temporal.PlainDate.from('1990-01-01');
// 400 working days span < 1.7 years; stop early enough that results stay inside the supported 1990–2100 range.
const LAST_START = Temporal.PlainDate.from('2099-03-31');
const SPAN = START.until(LAST_START).days;

const isoDate = fc.integer({ min: 0, max: SPAN }).map((offset) => START.add({ days: offset }).toString());
const count = fc.integer({ min: 0, max: 400 });
const RUNS = { numRuns: 300 };

describe('LatvianCalendar properties (dates 1990–2099, n 0–400)', () => {
  it('countWorkingDays(d, addWorkingDays(d, n)) === n', () => {
    fc.assert(
      fc.property(isoDate, count, (d, n) => {
        assert.equal(cal.countWorkingDays(d, cal.addWorkingDays(d, n)), n);
      }),
      RUNS,
    );
  });

  it('addWorkingDays(d, n) is a working day strictly after d for n ≥ 1', () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const result = cal.addWorkingDays(d, n);
        assert.ok(cal.isWorkingDay(result), `${result} is not a working day`);
        assert.ok(result > d, `${result} is not after ${d}`);
      }),
      RUNS,
    );
  });

  it('addWorkingDays is strictly increasing in n', () => {
    fc.assert(
      fc.property(isoDate, count, count, (d, a, b) => {
        fc.pre(a !== b);
        const [lo, hi] = a < b ? [a, b] : [b, a];
        assert.ok(cal.addWorkingDays(d, lo) < cal.addWorkingDays(d, hi));
      }),
      RUNS,
    );
  });

  it('addWorkingDays(d, n + 1) is the first working day after addWorkingDays(d, n)', () => {
    fc.assert(
      fc.property(isoDate, count, (d, n) => {
        const next = Temporal.PlainDate.from(cal.addWorkingDays(d, n)).add({ days: 1 }).toString();
        assert.equal(cal.addWorkingDays(d, n + 1), cal.nextWorkingDay(next));
      }),
      RUNS,
    );
  });

  it('nextWorkingDay(d) is a working day, ≥ d, with only non-working days in between', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const next = cal.nextWorkingDay(d);
        assert.ok(next >= d && cal.isWorkingDay(next));
        assert.ok(cal.days(d, next).slice(0, -1).every((info) => !info.working));
      }),
      RUNS,
    );
  });

  it('a shortened day is a working day and a holiday is never working', () => {
    fc.assert(
      fc.property(isoDate, (d) => {
        const info = cal.day(d);
        if (info.shortened) assert.equal(info.working, true);
        if (info.holiday) assert.equal(info.working, false);
        assert.equal(info.date, d);
      }),
      RUNS,
    );
  });
});
