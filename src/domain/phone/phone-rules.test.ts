import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { at, makeCalendar } from '../opening-hours/calendar-fixture.ts';
import type { HoursSpec } from '../opening-hours/types.ts';
import { callBy, isOverdue, medianOfCounts, parseDuration, percent, statusAfterAttempt, windowError } from './index.ts';

// Treasury line: Mon–Thu 8.30–17.15, Fri 8.30–16.00; shortened before holidays.
const LINE: HoursSpec = {
  weekly: {
    mon: [{ open: '08:30', close: '17:15' }],
    tue: [{ open: '08:30', close: '17:15' }],
    wed: [{ open: '08:30', close: '17:15' }],
    thu: [{ open: '08:30', close: '17:15' }],
    fri: [{ open: '08:30', close: '16:00' }],
  },
};
// 2026-11-18 (Wed) is a holiday; 2026-11-17 (Tue) is shortened.
const calendar = makeCalendar({ holidays: ['2026-11-18'], shortened: ['2026-11-17'] });
const NOW = at('2026-11-16T08:00:00+02:00'); // Monday

describe('callback window', () => {
  const check = (from: string, to: string) => windowError(LINE, calendar, { from: at(from), to: at(to) }, NOW);
  it('accepts a window inside the line hours on a working day', () => {
    assert.equal(check('2026-11-16T09:00:00+02:00', '2026-11-16T10:00:00+02:00'), null);
    assert.equal(check('2026-11-16T16:15:00+02:00', '2026-11-16T17:15:00+02:00'), null);
  });
  it('refuses a window in the past, reversed, too far, on a holiday or a weekend', () => {
    assert.equal(check('2026-11-13T09:00:00+02:00', '2026-11-13T10:00:00+02:00'), 'window-past');
    assert.equal(check('2026-11-16T10:00:00+02:00', '2026-11-16T09:00:00+02:00'), 'window-order');
    assert.equal(check('2026-11-16T10:00:00+02:00', '2026-11-16T10:00:00+02:00'), 'window-order');
    assert.equal(check('2027-01-18T09:00:00+02:00', '2027-01-18T10:00:00+02:00'), 'window-too-far');
    assert.equal(check('2026-11-18T09:00:00+02:00', '2026-11-18T10:00:00+02:00'), 'window-not-working-day');
    assert.equal(check('2026-11-21T09:00:00+02:00', '2026-11-21T10:00:00+02:00'), 'window-not-working-day');
  });
  it('refuses a window outside the hours, including the shortened hour before a holiday', () => {
    assert.equal(check('2026-11-16T08:00:00+02:00', '2026-11-16T09:00:00+02:00'), 'window-outside-hours');
    assert.equal(check('2026-11-20T15:30:00+02:00', '2026-11-20T16:30:00+02:00'), 'window-outside-hours');
    assert.equal(check('2026-11-17T16:00:00+02:00', '2026-11-17T16:30:00+02:00'), 'window-outside-hours');
    assert.equal(check('2026-11-17T15:15:00+02:00', '2026-11-17T16:15:00+02:00'), null);
  });
  it('property: an accepted window always lies inside one opening on a working day and not in the past', () => {
    fc.assert(
      fc.property(fc.integer({ min: -3 * 24 * 60, max: 20 * 24 * 60 }), fc.integer({ min: 1, max: 600 }), (startMinute, length) => {
        const from = NOW.add({ minutes: startMinute });
        const to = from.add({ minutes: length });
        const error = windowError(LINE, calendar, { from, to }, NOW);
        if (error !== null) return true;
        const local = from.toZonedDateTimeISO('Europe/Riga');
        const localTo = to.toZonedDateTimeISO('Europe/Riga');
        return startMinute >= 0 && calendar(local.toPlainDate().toString()).working && local.toPlainDate().equals(localTo.toPlainDate()) && local.hour * 60 + local.minute >= 8 * 60 + 30;
      }),
    );
  });
});

describe('call-by moment', () => {
  it('one working day: the close of the next working day, skipping the holiday, shortened days shortened', () => {
    assert.equal(callBy(LINE, calendar, at('2026-11-16T10:00:00+02:00'), 1).toString(), at('2026-11-17T16:15:00+02:00').toString());
    // After the line closed: counted from Tuesday, so Thursday (Wednesday is the holiday).
    assert.equal(callBy(LINE, calendar, at('2026-11-16T20:00:00+02:00'), 1).toString(), at('2026-11-19T17:15:00+02:00').toString());
    assert.equal(callBy(LINE, calendar, at('2026-11-17T09:00:00+02:00'), 1).toString(), at('2026-11-19T17:15:00+02:00').toString());
    assert.equal(callBy(LINE, calendar, at('2026-11-20T10:00:00+02:00'), 1).toString(), at('2026-11-23T17:15:00+02:00').toString());
  });
  it('a request on a weekend counts from the next working day; 0 days = that day', () => {
    assert.equal(callBy(LINE, calendar, at('2026-11-21T10:00:00+02:00'), 0).toString(), at('2026-11-23T17:15:00+02:00').toString());
    assert.equal(callBy(LINE, calendar, at('2026-11-21T10:00:00+02:00'), 1).toString(), at('2026-11-24T17:15:00+02:00').toString());
  });
  it('property: call-by is after the request and on a working day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * 24 * 60 }), fc.integer({ min: 0, max: 5 }), (minute, days) => {
        const requested = NOW.add({ minutes: minute });
        const due = callBy(LINE, calendar, requested, days);
        return due.epochMilliseconds > requested.epochMilliseconds && calendar(due.toZonedDateTimeISO('Europe/Riga').toPlainDate().toString()).working;
      }),
    );
  });
});

describe('attempts', () => {
  it('reached closes; the third failed attempt closes as unreachable', () => {
    assert.deepEqual(statusAfterAttempt('reached', 2), { status: 'reached', failed: 2 });
    assert.deepEqual(statusAfterAttempt('no-answer', 0), { status: 'taken', failed: 1 });
    assert.deepEqual(statusAfterAttempt('wrong-number', 1), { status: 'taken', failed: 2 });
    assert.deepEqual(statusAfterAttempt('no-answer', 2), { status: 'unreachable', failed: 3 });
  });
  it('overdue only while still to be done', () => {
    assert.equal(isOverdue('open', at('2026-11-16T07:00:00+02:00'), NOW), true);
    assert.equal(isOverdue('reached', at('2026-11-16T07:00:00+02:00'), NOW), false);
    assert.equal(isOverdue('taken', at('2026-11-16T09:00:00+02:00'), NOW), false);
  });
});

describe('durations and figures', () => {
  it('parses seconds, m:ss and h:mm:ss; refuses the rest', () => {
    assert.equal(parseDuration('95'), 95);
    assert.equal(parseDuration('1:35'), 95);
    assert.equal(parseDuration(' 01:02:03 '), 3723);
    for (const bad of ['', '-5', '1:60', 'abc', '1.5', '5:00:01', '\u00005', '99999']) assert.equal(parseDuration(bad), null, bad);
  });
  it('median of counted values', () => {
    assert.equal(medianOfCounts([]), null);
    assert.equal(medianOfCounts([{ value: 60, count: 3 }]), 60);
    assert.equal(medianOfCounts([{ value: 30, count: 1 }, { value: 90, count: 1 }]), 60);
    assert.equal(medianOfCounts([{ value: 300, count: 1 }, { value: 10, count: 2 }]), 10);
  });
  it('property: the median of counts equals the median of the expanded list', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ value: fc.integer({ min: 0, max: 500 }), count: fc.integer({ min: 0, max: 4 }) }), { maxLength: 12 }), (counts) => {
        const list = counts.flatMap((c) => Array<number>(c.count).fill(c.value)).sort((a, b) => a - b);
        const expected = list.length === 0 ? null : list.length % 2 ? (list[(list.length - 1) / 2] as number) : ((list[list.length / 2 - 1] as number) + (list[list.length / 2] as number)) / 2;
        return medianOfCounts(counts) === expected;
      }),
    );
  });
  it('percent', () => {
    assert.equal(percent(1, 3), 33);
    assert.equal(percent(0, 0), null);
  });
});
