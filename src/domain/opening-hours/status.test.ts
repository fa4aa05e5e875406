import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { openingStatus, type HoursSpec } from './index.ts';
import { at, makeCalendar } from './calendar-fixture.ts';

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

function open(closesAt: string | null) {
  return { openNow: true, closesAt, nextOpening: null, nextChange: closesAt };
}
function closed(nextOpening: string | null) {
  return { openNow: false, closesAt: null, nextOpening, nextChange: nextOpening };
}

describe('openingStatus — Treasury phone hours (Mon–Thu 08:30–17:15, Fri 08:30–16:00)', () => {
  it('is closed one second before opening, open at 08:30', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-13T08:29:59+03:00'), plain), closed('2026-04-13T08:30:00+03:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-13T08:30:00+03:00'), plain), open('2026-04-13T17:15:00+03:00'));
  });

  it('is open at 17:14:59 and closed at 17:15, reopening the next morning', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-16T17:14:59+03:00'), plain), open('2026-04-16T17:15:00+03:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-13T17:15:00+03:00'), plain), closed('2026-04-14T08:30:00+03:00'));
  });

  it('closes at 16:00 on Friday and next opens on Monday 08:30', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-17T15:59:59+03:00'), plain), open('2026-04-17T16:00:00+03:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-17T16:00:00+03:00'), plain), closed('2026-04-20T08:30:00+03:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-17T17:00:00+03:00'), plain), closed('2026-04-20T08:30:00+03:00'));
  });

  it('at the weekend the next opening is Monday 08:30', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-18T12:00:00+03:00'), plain), closed('2026-04-20T08:30:00+03:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-19T23:59:59+03:00'), plain), closed('2026-04-20T08:30:00+03:00'));
  });

  it('before dawn on a weekday the next opening is the same day', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-14T00:00:00+03:00'), plain), closed('2026-04-14T08:30:00+03:00'));
  });

  it('accepts a ZonedDateTime in any zone and reads it as the same instant', () => {
    const utc = Temporal.ZonedDateTime.from('2026-04-13T05:30:00+00:00[UTC]');
    assert.deepEqual(openingStatus(TREASURY, utc, plain), open('2026-04-13T17:15:00+03:00'));
    const riga = Temporal.ZonedDateTime.from('2026-04-13T08:29:00+03:00[Europe/Riga]');
    assert.deepEqual(openingStatus(TREASURY, riga, plain), closed('2026-04-13T08:30:00+03:00'));
  });

  it('uses the local date in Riga, not UTC (22:30 UTC Sunday is already Monday in Riga)', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-04-19T22:30:00Z'), plain), closed('2026-04-20T08:30:00+03:00'));
    const mondayMorningUtc = at('2026-04-20T05:45:00Z');
    assert.deepEqual(openingStatus(TREASURY, mondayMorningUtc, plain), open('2026-04-20T17:15:00+03:00'));
  });
});

describe('openingStatus — holidays, shortened days, overrides, worked Saturdays', () => {
  const nov = makeCalendar({ shortened: ['2026-11-17'], holidays: ['2026-11-18'] });

  it('closes at 16:15 on the shortened 17 Nov and next opens on 19 Nov (18 Nov is a holiday)', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-11-17T16:00:00+02:00'), nov), open('2026-11-17T16:15:00+02:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-11-17T16:15:00+02:00'), nov), closed('2026-11-19T08:30:00+02:00'));
    assert.deepEqual(openingStatus(TREASURY, at('2026-11-18T10:00:00+02:00'), nov), closed('2026-11-19T08:30:00+02:00'));
  });

  it('an explicit date override opens a holiday and closes a working day', () => {
    const spec: HoursSpec = {
      ...TREASURY,
      dates: { '2026-11-18': [{ open: '10:00', close: '13:00' }], '2026-11-19': [] },
    };
    assert.deepEqual(openingStatus(spec, at('2026-11-17T17:00:00+02:00'), nov), closed('2026-11-18T10:00:00+02:00'));
    assert.deepEqual(openingStatus(spec, at('2026-11-18T12:00:00+02:00'), nov), open('2026-11-18T13:00:00+02:00'));
    assert.deepEqual(openingStatus(spec, at('2026-11-18T13:00:00+02:00'), nov), closed('2026-11-20T08:30:00+02:00'));
  });

  it('a worked Saturday replacing a Monday opens with Monday hours; the Monday itself is closed', () => {
    const spec: HoursSpec = { weekly: { ...TREASURY.weekly, mon: [{ open: '08:00', close: '18:00' }] } };
    // 2026: Mon 22 Jun off (worked Sat 27 Jun, shortened: it stands for the day before Līgo); 23, 24 Jun holidays.
    const cal = makeCalendar({
      holidays: ['2026-06-22', '2026-06-23', '2026-06-24'],
      shortened: ['2026-06-27'],
      workedSaturdays: { '2026-06-27': '2026-06-22' },
    });
    assert.deepEqual(openingStatus(spec, at('2026-06-19T16:00:00+03:00'), cal), closed('2026-06-25T08:30:00+03:00'));
    assert.deepEqual(openingStatus(spec, at('2026-06-26T16:00:00+03:00'), cal), closed('2026-06-27T08:00:00+03:00'));
    assert.deepEqual(openingStatus(spec, at('2026-06-27T08:00:00+03:00'), cal), open('2026-06-27T17:00:00+03:00'));
    assert.deepEqual(openingStatus(spec, at('2026-06-27T17:00:00+03:00'), cal), closed('2026-06-29T08:00:00+03:00'));
  });
});

describe('openingStatus — several ranges a day', () => {
  const LUNCH: HoursSpec = {
    weekly: { mon: [{ open: '08:30', close: '12:00' }, { open: '12:45', close: '17:15' }] },
  };

  it('closes for lunch and reopens at 12:45', () => {
    assert.deepEqual(openingStatus(LUNCH, at('2026-04-13T11:59:00+03:00'), plain), open('2026-04-13T12:00:00+03:00'));
    assert.deepEqual(openingStatus(LUNCH, at('2026-04-13T12:00:00+03:00'), plain), closed('2026-04-13T12:45:00+03:00'));
    assert.deepEqual(openingStatus(LUNCH, at('2026-04-13T12:45:00+03:00'), plain), open('2026-04-13T17:15:00+03:00'));
    assert.deepEqual(openingStatus(LUNCH, at('2026-04-13T17:15:00+03:00'), plain), closed('2026-04-20T08:30:00+03:00'));
  });

  it('merges touching and overlapping ranges into one opening', () => {
    const touching: HoursSpec = { weekly: { mon: [{ open: '08:00', close: '12:00' }, { open: '12:00', close: '16:00' }] } };
    const overlapping: HoursSpec = { weekly: { mon: [{ open: '11:00', close: '14:00' }, { open: '08:00', close: '12:00' }] } };
    assert.deepEqual(openingStatus(touching, at('2026-04-13T09:00:00+03:00'), plain), open('2026-04-13T16:00:00+03:00'));
    assert.deepEqual(openingStatus(overlapping, at('2026-04-13T09:00:00+03:00'), plain), open('2026-04-13T14:00:00+03:00'));
  });

  it('merges a range ending at 24:00 with one starting at 00:00 the next day', () => {
    const spec: HoursSpec = { weekly: { mon: [{ open: '20:00', close: '24:00' }], tue: [{ open: '00:00', close: '02:00' }] } };
    assert.deepEqual(openingStatus(spec, at('2026-04-13T23:00:00+03:00'), plain), open('2026-04-14T02:00:00+03:00'));
  });

  it('open around the clock: open now, closesAt null (never closes within the horizon)', () => {
    const day = [{ open: '00:00', close: '24:00' }];
    const spec: HoursSpec = {
      weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
      openOnNonWorkingDays: true,
    };
    assert.deepEqual(openingStatus(spec, at('2026-04-13T12:00:00+03:00'), plain), open(null));
  });
});

describe('openingStatus — nothing to find', () => {
  it('nextOpening is null for an empty spec', () => {
    assert.deepEqual(openingStatus({ weekly: {} }, at('2026-04-13T12:00:00+03:00'), plain), closed(null));
  });

  it('nextOpening is null when only non-working days have hours (openOnNonWorkingDays false)', () => {
    const weekendOnly: HoursSpec = { weekly: { sat: [{ open: '10:00', close: '14:00' }] } };
    assert.deepEqual(openingStatus(weekendOnly, at('2026-04-13T12:00:00+03:00'), plain), closed(null));
    const allowed = { ...weekendOnly, openOnNonWorkingDays: true };
    assert.deepEqual(openingStatus(allowed, at('2026-04-13T12:00:00+03:00'), plain), closed('2026-04-18T10:00:00+03:00'));
  });

  it('searches up to and including the day 366 days after the local date of `at`', () => {
    const range = [{ open: '10:00', close: '12:00' }];
    const from = at('2026-01-01T12:00:00+02:00');
    assert.deepEqual(openingStatus({ weekly: {}, dates: { '2027-01-02': range } }, from, plain), closed('2027-01-02T10:00:00+02:00'));
    assert.deepEqual(openingStatus({ weekly: {}, dates: { '2027-01-03': range } }, from, plain), closed(null));
  });

  it('an opening earlier the same day is not a next opening', () => {
    const spec: HoursSpec = { weekly: {}, dates: { '2026-04-13': [{ open: '08:00', close: '09:00' }] } };
    assert.deepEqual(openingStatus(spec, at('2026-04-13T09:00:00+03:00'), plain), closed(null));
  });
});

describe('openingStatus — properties', () => {
  const SPEC: HoursSpec = {
    weekly: {
      mon: [{ open: '08:30', close: '12:00' }, { open: '12:45', close: '17:15' }],
      tue: [{ open: '08:30', close: '17:15' }],
      wed: [{ open: '08:30', close: '17:15' }],
      thu: [{ open: '08:30', close: '17:15' }],
      fri: [{ open: '08:30', close: '16:00' }],
    },
  };
  const cal = makeCalendar({
    holidays: ['2026-01-01', '2026-01-02', '2026-04-03', '2026-04-06', '2026-05-01', '2026-05-04', '2026-06-22', '2026-06-23', '2026-06-24', '2026-11-18', '2026-12-24', '2026-12-25', '2026-12-31'],
    shortened: ['2026-04-02', '2026-04-30', '2026-11-17', '2026-12-23', '2026-12-30', '2026-06-27'],
    workedSaturdays: { '2026-01-17': '2026-01-02', '2026-06-27': '2026-06-22' },
  });
  // Whole minutes through 2026, both DST changes included.
  const minute = fc
    .integer({ min: 0, max: 365 * 24 * 60 - 1 })
    .map((m) => at('2025-12-31T22:00:00Z').add({ minutes: m }));

  it('the status flips exactly at nextChange, and not one second before', () => {
    fc.assert(
      fc.property(minute, (t) => {
        const s = openingStatus(SPEC, t, cal);
        assert.equal(s.nextChange, s.openNow ? s.closesAt : s.nextOpening);
        assert.ok(s.nextChange !== null, 'this spec always changes within a year');
        const change = Temporal.Instant.from(s.nextChange);
        assert.ok(Temporal.Instant.compare(change, t) > 0);
        assert.equal(openingStatus(SPEC, change, cal).openNow, !s.openNow);
        assert.equal(openingStatus(SPEC, change.subtract({ seconds: 1 }), cal).openNow, s.openNow);
        assert.match(s.nextChange, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+0[23]:00$/);
      }),
      { numRuns: 300 },
    );
  });
});
