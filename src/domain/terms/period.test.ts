import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KNOWN_CALENDAR_ENTRIES, LatvianCalendar } from '../calendar/index.ts';
import { addCalendarMonths, periodEnd } from './period.ts';

const cal = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
const oneMonth = { unit: 'months', amount: 1 } as const;

describe('addCalendarMonths', () => {
  it('keeps the day of month when it exists', () => {
    assert.equal(addCalendarMonths('2025-02-15', 1), '2025-03-15');
    assert.equal(addCalendarMonths('2025-10-31', 2), '2025-12-31');
    assert.equal(addCalendarMonths('2025-12-15', 1), '2026-01-15');
    assert.equal(addCalendarMonths('2025-05-20', 0), '2025-05-20');
  });

  it('31 Jan + 1 month is the last day of February (leap and non-leap)', () => {
    assert.equal(addCalendarMonths('2025-01-31', 1), '2025-02-28');
    assert.equal(addCalendarMonths('2024-01-31', 1), '2024-02-29');
    assert.equal(addCalendarMonths('2100-01-31', 1), '2100-02-28'); // 2100 is not a leap year
    assert.equal(addCalendarMonths('2000-01-29', 1), '2000-02-29');
  });

  it('31 Mar → 30 Apr, 31 May → 30 Jun, 31 Oct + 4 → end of February', () => {
    assert.equal(addCalendarMonths('2025-03-31', 1), '2025-04-30');
    assert.equal(addCalendarMonths('2025-05-31', 1), '2025-06-30');
    assert.equal(addCalendarMonths('2025-10-31', 4), '2026-02-28');
    assert.equal(addCalendarMonths('2023-10-31', 4), '2024-02-29');
  });

  it('rejects bad input', () => {
    assert.throws(() => addCalendarMonths('2025-02-30', 1), RangeError);
    assert.throws(() => addCalendarMonths('2025-02-01', -1), RangeError);
    assert.throws(() => addCalendarMonths('2025-02-01', 0.5), RangeError);
  });
});

describe('periodEnd', () => {
  it('month period ending on a working day stays put', () => {
    assert.equal(periodEnd('2025-01-31', oneMonth, cal), '2025-02-28'); // Fri
    assert.equal(periodEnd('2024-01-31', oneMonth, cal), '2024-02-29'); // Thu
    assert.equal(periodEnd('2028-01-31', oneMonth, cal), '2028-02-29'); // Tue
    assert.equal(periodEnd('2025-03-31', oneMonth, cal), '2025-04-30'); // Wed
    assert.equal(periodEnd('2025-05-31', oneMonth, cal), '2025-06-30'); // Mon
  });

  it('month period ending on a weekend rolls to the next working day', () => {
    assert.equal(periodEnd('2027-01-31', oneMonth, cal), '2027-03-01'); // 28 Feb 2027 is a Sunday
    assert.equal(periodEnd('2024-05-31', oneMonth, cal), '2024-07-01'); // 30 Jun 2024 is a Sunday
    assert.equal(periodEnd('2025-02-15', oneMonth, cal), '2025-03-17'); // 15 Mar 2025 is a Saturday
  });

  it('month period ending on a holiday or day off rolls past all of them', () => {
    assert.equal(periodEnd('2025-11-24', oneMonth, cal), '2025-12-29'); // 24–28 Dec
    assert.equal(periodEnd('2024-12-01', oneMonth, cal), '2025-01-02'); // New Year
    assert.equal(periodEnd('2025-05-23', oneMonth, cal), '2025-06-25'); // Līgo, Jāņi
    assert.equal(periodEnd('2025-10-17', oneMonth, cal), '2025-11-19'); // Cabinet day off, then 18 Nov
    assert.equal(periodEnd('2025-04-02', oneMonth, cal), '2025-05-06'); // 2 May off, 4 May Sun, 5 May off
  });

  it('working-day periods count from the day after receipt, also from a weekend', () => {
    assert.equal(periodEnd('2026-03-02', { unit: 'workingDays', amount: 10 }, cal), '2026-03-16');
    assert.equal(periodEnd('2026-03-01', { unit: 'workingDays', amount: 1 }, cal), '2026-03-02');
    assert.equal(periodEnd('2025-12-20', { unit: 'workingDays', amount: 2 }, cal), '2025-12-23');
  });
});
