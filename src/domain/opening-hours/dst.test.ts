// Daylight-saving changes in Europe/Riga, 2026: Sun 29 Mar 03:00 → 04:00 (+02:00 → +03:00),
// Sun 25 Oct 04:00 → 03:00 (+03:00 → +02:00).
// Chosen behaviour (see openIntervalsOn): a range is one continuous interval covering every instant at which
// the Riga wall clock shows a time in [open, close). A skipped time maps to the moment of the jump; in the
// repeated hour an opening time takes its first occurrence and a closing time its second.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Temporal } from 'temporal-polyfill';
import { openIntervalsOn, openingStatus, type HoursSpec, type TimeRange } from './index.ts';
import { at, makeCalendar } from './calendar-fixture.ts';

const plain = makeCalendar();
const TREASURY: HoursSpec = {
  weekly: {
    mon: [{ open: '08:30', close: '17:15' }],
    tue: [{ open: '08:30', close: '17:15' }],
    wed: [{ open: '08:30', close: '17:15' }],
    thu: [{ open: '08:30', close: '17:15' }],
    fri: [{ open: '08:30', close: '16:00' }],
  },
};

function sundays(range: TimeRange): HoursSpec {
  return { weekly: { sun: [range] }, openOnNonWorkingDays: true };
}

function intervals(spec: HoursSpec, date: string) {
  return openIntervalsOn(spec, date, plain).map((iv) => ({
    start: iv.start.toString({ timeZoneName: 'never' }),
    end: iv.end.toString({ timeZoneName: 'never' }),
    hours: iv.end.since(iv.start).total('hours'),
  }));
}

describe('Europe/Riga daylight-saving changes', () => {
  it('the time-zone data has the 2026 transitions this suite assumes', () => {
    const spring = Temporal.ZonedDateTime.from('2026-03-28T12:00:00+02:00[Europe/Riga]').getTimeZoneTransition('next');
    const autumn = Temporal.ZonedDateTime.from('2026-10-24T12:00:00+03:00[Europe/Riga]').getTimeZoneTransition('next');
    assert.equal(spring?.toString(), '2026-03-29T04:00:00+03:00[Europe/Riga]');
    assert.equal(autumn?.toString(), '2026-10-25T03:00:00+02:00[Europe/Riga]');
  });

  it('next opening from Saturday evening before the spring change has the summer offset', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-03-28T20:00:00+02:00'), plain), {
      openNow: false,
      closesAt: null,
      nextOpening: '2026-03-30T08:30:00+03:00',
      nextChange: '2026-03-30T08:30:00+03:00',
    });
  });

  it('next opening from Saturday evening before the autumn change has the winter offset', () => {
    assert.deepEqual(openingStatus(TREASURY, at('2026-10-24T20:00:00+03:00'), plain), {
      openNow: false,
      closesAt: null,
      nextOpening: '2026-10-26T08:30:00+02:00',
      nextChange: '2026-10-26T08:30:00+02:00',
    });
  });

  it('closesAt on the Friday before each change keeps that day’s offset', () => {
    assert.equal(openingStatus(TREASURY, at('2026-03-27T10:00:00+02:00'), plain).closesAt, '2026-03-27T16:00:00+02:00');
    assert.equal(openingStatus(TREASURY, at('2026-10-23T10:00:00+03:00'), plain).closesAt, '2026-10-23T16:00:00+03:00');
  });

  describe('spring forward, Sun 29 Mar 2026 (03:00–03:59 does not exist)', () => {
    it('a range 02:00–05:00 spanning the skipped hour lasts two real hours', () => {
      assert.deepEqual(intervals(sundays({ open: '02:00', close: '05:00' }), '2026-03-29'), [
        { start: '2026-03-29T02:00:00+02:00', end: '2026-03-29T05:00:00+03:00', hours: 2 },
      ]);
      const spec = sundays({ open: '02:00', close: '05:00' });
      assert.equal(openingStatus(spec, at('2026-03-29T02:59:59+02:00'), plain).closesAt, '2026-03-29T05:00:00+03:00');
      assert.equal(openingStatus(spec, at('2026-03-29T04:30:00+03:00'), plain).openNow, true);
    });

    it('an opening time in the skipped hour opens at the jump (04:00+03:00)', () => {
      const spec = sundays({ open: '03:30', close: '05:00' });
      assert.equal(openingStatus(spec, at('2026-03-28T20:00:00+02:00'), plain).nextOpening, '2026-03-29T04:00:00+03:00');
      assert.equal(openingStatus(spec, at('2026-03-29T04:00:00+03:00'), plain).openNow, true);
      assert.equal(openingStatus(spec, at('2026-03-29T03:59:59+03:00'), plain).openNow, false);
    });

    it('a closing time in the skipped hour closes at the jump', () => {
      assert.deepEqual(intervals(sundays({ open: '01:00', close: '03:30' }), '2026-03-29'), [
        { start: '2026-03-29T01:00:00+02:00', end: '2026-03-29T04:00:00+03:00', hours: 2 },
      ]);
    });

    it('a range wholly inside the skipped hour does not open that day', () => {
      const spec = sundays({ open: '03:10', close: '03:50' });
      assert.deepEqual(intervals(spec, '2026-03-29'), []);
      assert.equal(openingStatus(spec, at('2026-03-28T20:00:00+02:00'), plain).nextOpening, '2026-04-05T03:10:00+03:00');
    });
  });

  describe('fall back, Sun 25 Oct 2026 (03:00–03:59 happens twice)', () => {
    it('a range 02:00–05:00 spanning the repeated hour lasts four real hours', () => {
      assert.deepEqual(intervals(sundays({ open: '02:00', close: '05:00' }), '2026-10-25'), [
        { start: '2026-10-25T02:00:00+03:00', end: '2026-10-25T05:00:00+02:00', hours: 4 },
      ]);
      const spec = sundays({ open: '02:00', close: '05:00' });
      assert.equal(openingStatus(spec, at('2026-10-25T03:30:00+03:00'), plain).openNow, true);
      assert.equal(openingStatus(spec, at('2026-10-25T03:30:00+02:00'), plain).closesAt, '2026-10-25T05:00:00+02:00');
    });

    it('an opening time in the repeated hour takes its first occurrence (+03:00)', () => {
      const spec = sundays({ open: '03:30', close: '06:00' });
      assert.equal(openingStatus(spec, at('2026-10-24T20:00:00+03:00'), plain).nextOpening, '2026-10-25T03:30:00+03:00');
    });

    it('a closing time in the repeated hour takes its second occurrence (+02:00)', () => {
      assert.deepEqual(intervals(sundays({ open: '01:00', close: '03:30' }), '2026-10-25'), [
        { start: '2026-10-25T01:00:00+03:00', end: '2026-10-25T03:30:00+02:00', hours: 3.5 },
      ]);
    });

    it('a range inside the repeated hour stays open continuously from its first opening to its last closing', () => {
      const spec = sundays({ open: '03:15', close: '03:45' });
      assert.deepEqual(intervals(spec, '2026-10-25'), [
        { start: '2026-10-25T03:15:00+03:00', end: '2026-10-25T03:45:00+02:00', hours: 1.5 },
      ]);
      assert.equal(openingStatus(spec, at('2026-10-25T03:05:00+02:00'), plain).openNow, true);
      assert.equal(openingStatus(spec, at('2026-10-25T03:45:00+02:00'), plain).openNow, false);
    });
  });
});
