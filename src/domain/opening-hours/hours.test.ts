import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hoursOn, weeklySummary, type HoursSpec } from './index.ts';
import { makeCalendar } from './calendar-fixture.ts';

const TREASURY: HoursSpec = {
  weekly: {
    mon: [{ open: '08:30', close: '17:15' }],
    tue: [{ open: '08:30', close: '17:15' }],
    wed: [{ open: '08:30', close: '17:15' }],
    thu: [{ open: '08:30', close: '17:15' }],
    fri: [{ open: '08:30', close: '16:00' }],
  },
};
const plain = makeCalendar();
const nov = makeCalendar({ shortened: ['2026-11-17'], holidays: ['2026-11-18'] });

describe('hoursOn', () => {
  it('uses the weekly hours of the weekday', () => {
    assert.deepEqual(hoursOn(TREASURY, '2026-04-13', plain), [{ open: '08:30', close: '17:15' }]); // Monday
    assert.deepEqual(hoursOn(TREASURY, '2026-04-17', plain), [{ open: '08:30', close: '16:00' }]); // Friday
    assert.deepEqual(hoursOn(TREASURY, '2026-04-18', plain), []); // Saturday
  });

  it('shortens the last range by one hour on a shortened day; a holiday is closed', () => {
    assert.deepEqual(hoursOn(TREASURY, '2026-11-17', nov), [{ open: '08:30', close: '16:15' }]);
    assert.deepEqual(hoursOn(TREASURY, '2026-11-18', nov), []);
    assert.deepEqual(hoursOn(TREASURY, '2026-11-19', nov), [{ open: '08:30', close: '17:15' }]);
  });

  it('does not shorten when shortenBeforeHolidays is false', () => {
    assert.deepEqual(hoursOn({ ...TREASURY, shortenBeforeHolidays: false }, '2026-11-17', nov), [{ open: '08:30', close: '17:15' }]);
  });

  it('shortens only the last range of a day with a lunch break', () => {
    const spec: HoursSpec = { weekly: { tue: [{ open: '12:45', close: '17:15' }, { open: '08:30', close: '12:00' }] } };
    assert.deepEqual(hoursOn(spec, '2026-11-17', nov), [
      { open: '08:30', close: '12:00' },
      { open: '12:45', close: '16:15' },
    ]);
  });

  it('never shortens a range before its opening: a last range under an hour is dropped', () => {
    const spec: HoursSpec = { weekly: { tue: [{ open: '08:30', close: '16:00' }, { open: '16:00', close: '16:30' }] } };
    assert.deepEqual(hoursOn(spec, '2026-11-17', nov), [{ open: '08:30', close: '16:00' }]);
    const short: HoursSpec = { weekly: { tue: [{ open: '10:00', close: '10:45' }] } };
    assert.deepEqual(hoursOn(short, '2026-11-17', nov), []);
  });

  it('an explicit date wins over the weekly hours, holidays and shortening', () => {
    const spec: HoursSpec = {
      ...TREASURY,
      dates: {
        '2026-11-17': [{ open: '10:00', close: '12:00' }],
        '2026-11-18': [{ open: '10:00', close: '13:00' }],
        '2026-11-19': [],
      },
    };
    assert.deepEqual(hoursOn(spec, '2026-11-17', nov), [{ open: '10:00', close: '12:00' }]);
    assert.deepEqual(hoursOn(spec, '2026-11-18', nov), [{ open: '10:00', close: '13:00' }]);
    assert.deepEqual(hoursOn(spec, '2026-11-19', nov), []);
    assert.deepEqual(hoursOn(spec, '2026-11-20', nov), [{ open: '08:30', close: '16:00' }]);
  });

  it('a worked Saturday uses the hours of the weekday it replaces (given as a date or a weekday)', () => {
    const spec: HoursSpec = { weekly: { ...TREASURY.weekly, mon: [{ open: '08:00', close: '18:00' }] } };
    const byDate = makeCalendar({ holidays: ['2026-06-22'], workedSaturdays: { '2026-06-27': '2026-06-22' } });
    const byName = makeCalendar({ workedSaturdays: { '2026-06-27': 'mon' } });
    assert.deepEqual(hoursOn(spec, '2026-06-27', byDate), [{ open: '08:00', close: '18:00' }]);
    assert.deepEqual(hoursOn(spec, '2026-06-27', byName), [{ open: '08:00', close: '18:00' }]);
    assert.deepEqual(hoursOn(spec, '2026-06-22', byDate), [], 'the transferred day off is closed');
    assert.deepEqual(hoursOn(spec, '2026-06-20', byDate), [], 'an ordinary Saturday stays closed');
  });

  it('a worked Saturday that is also shortened (Sat 27 Jun 2026, before Līgo) closes an hour early', () => {
    const spec: HoursSpec = { weekly: { ...TREASURY.weekly, mon: [{ open: '08:00', close: '18:00' }] } };
    const cal = makeCalendar({ holidays: ['2026-06-22'], shortened: ['2026-06-27'], workedSaturdays: { '2026-06-27': '2026-06-22' } });
    assert.deepEqual(hoursOn(spec, '2026-06-27', cal), [{ open: '08:00', close: '17:00' }]);
  });

  it('non-working days are closed by default, open with their weekday hours when openOnNonWorkingDays', () => {
    const spec: HoursSpec = { weekly: { ...TREASURY.weekly, sat: [{ open: '10:00', close: '14:00' }] } };
    assert.deepEqual(hoursOn(spec, '2026-11-18', nov), []);
    assert.deepEqual(hoursOn(spec, '2026-11-21', nov), []);
    const open = { ...spec, openOnNonWorkingDays: true };
    assert.deepEqual(hoursOn(open, '2026-11-18', nov), [{ open: '08:30', close: '17:15' }]);
    assert.deepEqual(hoursOn(open, '2026-11-21', nov), [{ open: '10:00', close: '14:00' }]);
  });

  it('returns ranges sorted and does not alias the spec', () => {
    const spec: HoursSpec = { weekly: { mon: [{ open: '13:00', close: '17:00' }, { open: '08:00', close: '12:00' }] } };
    const result = hoursOn(spec, '2026-04-13', plain);
    assert.deepEqual(result, [{ open: '08:00', close: '12:00' }, { open: '13:00', close: '17:00' }]);
    result[0]!.open = '00:00';
    assert.equal(spec.weekly.mon?.[1]?.open, '08:00');
  });

  it('throws RangeError for a malformed date or malformed spec ranges', () => {
    assert.throws(() => hoursOn(TREASURY, '2026-02-30', plain), RangeError);
    assert.throws(() => hoursOn(TREASURY, '2026-4-13', plain), { name: 'RangeError', message: /YYYY-MM-DD/ });
    assert.throws(() => hoursOn({ weekly: { mon: [{ open: '8:30', close: '17:15' }] } }, '2026-04-13', plain), RangeError);
    assert.throws(() => hoursOn({ weekly: { mon: [{ open: '17:15', close: '08:30' }] } }, '2026-04-13', plain), RangeError);
  });
});

describe('weeklySummary', () => {
  it('groups Monday–Thursday and lists Friday separately for the Treasury phone hours', () => {
    assert.deepEqual(weeklySummary(TREASURY), [
      { days: ['mon', 'tue', 'wed', 'thu'], ranges: [{ open: '08:30', close: '17:15' }] },
      { days: ['fri'], ranges: [{ open: '08:30', close: '16:00' }] },
    ]);
  });

  it('groups only consecutive days, omits closed days and does not wrap Sunday to Monday', () => {
    const r = [{ open: '09:00', close: '13:00' }];
    const spec: HoursSpec = { weekly: { mon: r, tue: [], wed: r, sat: r, sun: r } };
    assert.deepEqual(weeklySummary(spec), [
      { days: ['mon'], ranges: r },
      { days: ['wed'], ranges: r },
      { days: ['sat', 'sun'], ranges: r },
    ]);
  });

  it('compares ranges after sorting, and keeps lunch breaks', () => {
    const a = { open: '08:30', close: '12:00' };
    const b = { open: '12:45', close: '17:15' };
    assert.deepEqual(weeklySummary({ weekly: { mon: [a, b], tue: [b, a], wed: [a] } }), [
      { days: ['mon', 'tue'], ranges: [a, b] },
      { days: ['wed'], ranges: [a] },
    ]);
  });

  it('is empty for an empty week', () => {
    assert.deepEqual(weeklySummary({ weekly: {} }), []);
  });
});
