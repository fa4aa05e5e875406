import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { LatvianCalendar } from '../calendar/index.ts';
import {
  bookableSlots,
  bookingCodeFrom,
  bookingWindow,
  checkRequestedSlot,
  nearestSlots,
  normalizeBookingCode,
  slotsOnDate,
  calendarLookup,
  BOOKING_CODE_ALPHABET,
  type BookableService,
  type BookingPlace,
} from './index.ts';
import { placeIntervalsOn } from './slots.ts';
import { openIntervalsOn } from '../opening-hours/index.ts';

const calendar = new LatvianCalendar([]);
const weekday = ['08:30-17:00'].map((r) => ({ open: r.slice(0, 5), close: r.slice(6) }));
const centre: BookingPlace = {
  id: 'riga',
  hours: {
    weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: [{ open: '08:30', close: '16:00' }] },
    dates: { '2026-11-26': [{ open: '10:00', close: '12:00' }], '2026-11-27': [] },
  },
  services: ['pensijas', 'dokumenti'],
};
const pension: BookableService = { id: 'pensijas', durationMinutes: 30, bufferMinutes: 5 };
const docs: BookableService = { id: 'dokumenti', durationMinutes: 15, bufferMinutes: 0 };
const accounts: BookableService = { id: 'konti', durationMinutes: 30, bufferMinutes: 0 };
const vsaaRules = { minNoticeWorkingDays: 0, horizonDays: 30 };
const kaseRules = { minNoticeWorkingDays: 2, horizonDays: 30 };
const at = (iso: string) => Temporal.Instant.from(iso);
const hhmm = (i: Temporal.Instant) => i.toZonedDateTimeISO('Europe/Riga').toPlainTime().toString().slice(0, 5);

// Monday 16 November 2026, 09:00 in Riga (EET, +02:00).
const monday9 = at('2026-11-16T09:00:00+02:00');

describe('slotsOnDate', () => {
  it('steps by duration + buffer from the opening and ends every slot by the closing time', () => {
    const slots = slotsOnDate(centre, pension, '2026-11-16', calendar);
    assert.equal(hhmm(slots[0]!.start), '08:30');
    assert.equal(hhmm(slots[0]!.end), '09:00');
    assert.equal(hhmm(slots[1]!.start), '09:05');
    // 08:30 + 14 × 35 min = 16:40, ends 17:10 > 17:00 → the last slot starts 16:05.
    assert.equal(hhmm(slots.at(-1)!.start), '16:05');
    assert.equal(slots.length, 14);
  });

  it('gives a 15-minute service without buffer 34 slots on an 08:30–17:00 day', () => {
    assert.equal(slotsOnDate(centre, docs, '2026-11-16', calendar).length, 34);
  });

  it('shortens the day before a public holiday by one hour (17 Nov before 18 Nov)', () => {
    const slots = slotsOnDate(centre, docs, '2026-11-17', calendar);
    assert.equal(hhmm(slots.at(-1)!.end), '16:00');
    assert.equal(slots.length, 30);
  });

  it('has no slots on a public holiday, a weekend, or a date closed by override', () => {
    assert.deepEqual(slotsOnDate(centre, docs, '2026-11-18', calendar), []);
    assert.deepEqual(slotsOnDate(centre, docs, '2026-11-21', calendar), []);
    assert.deepEqual(slotsOnDate(centre, docs, '2026-11-27', calendar), []);
  });

  it('uses the hours of a date override', () => {
    const slots = slotsOnDate(centre, docs, '2026-11-26', calendar);
    assert.deepEqual(slots.map((s) => hhmm(s.start)), ['10:00', '10:15', '10:30', '10:45', '11:00', '11:15', '11:30', '11:45']);
  });

  it('has no slots for a service the place does not offer', () => {
    assert.deepEqual(slotsOnDate(centre, accounts, '2026-11-16', calendar), []);
  });

  it('keeps wall-clock hours across the autumn daylight-saving change', () => {
    const before = slotsOnDate(centre, docs, '2026-10-23', calendar); // Friday, EEST
    const after = slotsOnDate(centre, docs, '2026-10-26', calendar); // Monday, EET
    assert.equal(before[0]!.start.toString(), '2026-10-23T05:30:00Z');
    assert.equal(after[0]!.start.toString(), '2026-10-26T06:30:00Z');
  });
});

describe('remembered per calendar', () => {
  it('gives the opening intervals of openIntervalsOn, computed once per calendar, hours and date', () => {
    const first = placeIntervalsOn(centre.hours, '2026-11-17', calendar);
    assert.deepEqual(first, openIntervalsOn(centre.hours, '2026-11-17', calendarLookup(calendar)));
    assert.equal(placeIntervalsOn(centre.hours, '2026-11-17', calendar), first, 'the same array the second time');
  });

  it('a changed calendar (a new object) is computed afresh: a new day off closes the day', () => {
    assert.equal(placeIntervalsOn(centre.hours, '2026-11-19', calendar).length, 1);
    const withDayOff = new LatvianCalendar([{ kind: 'day-off', date: '2026-11-19', name: { lv: 'Brīvdiena', en: 'Day off' }, source: 'tests' }]);
    assert.deepEqual(placeIntervalsOn(centre.hours, '2026-11-19', withDayOff), []);
    assert.equal(checkRequestedSlot({ place: centre, service: pension, start: at('2026-11-19T09:05:00+02:00'), now: monday9, rules: vsaaRules, calendar: withDayOff }).ok, false);
    assert.equal(checkRequestedSlot({ place: centre, service: pension, start: at('2026-11-19T09:05:00+02:00'), now: monday9, rules: vsaaRules, calendar }).ok, true);
  });

  it('the booking window follows the day of `now` and the rules, not the first answer', () => {
    assert.deepEqual(bookingWindow(monday9, kaseRules, calendar), { today: '2026-11-16', earliest: '2026-11-19', latest: '2026-12-16' });
    assert.deepEqual(bookingWindow(monday9, vsaaRules, calendar), { today: '2026-11-16', earliest: '2026-11-16', latest: '2026-12-16' });
    assert.deepEqual(bookingWindow(at('2026-11-17T09:00:00+02:00'), kaseRules, calendar), { today: '2026-11-17', earliest: '2026-11-20', latest: '2026-12-17' });
  });
});

describe('bookingWindow', () => {
  it('VSAA (0 working days): from today to today + 30 days', () => {
    assert.deepEqual(bookingWindow(monday9, vsaaRules, calendar), { today: '2026-11-16', earliest: '2026-11-16', latest: '2026-12-16' });
  });

  it('Treasury (2 working days) skips the holiday: booked Monday 16 Nov → earliest Thursday 19 Nov', () => {
    assert.equal(bookingWindow(monday9, kaseRules, calendar).earliest, '2026-11-19');
  });

  it('counts the Riga date, not the UTC date, late in the evening', () => {
    assert.equal(bookingWindow(at('2026-11-16T23:30:00+02:00'), vsaaRules, calendar).today, '2026-11-16');
    assert.equal(bookingWindow(at('2026-11-16T22:30:00Z'), vsaaRules, calendar).today, '2026-11-17');
  });
});

describe('bookableSlots', () => {
  it('leaves out slots that already started today', () => {
    const slots = bookableSlots(centre, pension, { from: '2026-11-16', to: '2026-11-16' }, monday9, vsaaRules, calendar);
    assert.equal(hhmm(slots[0]!.start), '09:05');
  });

  it('starts at the minimum notice and stops at the horizon', () => {
    const slots = bookableSlots(centre, docs, { from: '2026-11-01', to: '2027-01-31' }, monday9, kaseRules, calendar);
    const dates = new Set(slots.map((s) => s.start.toZonedDateTimeISO('Europe/Riga').toPlainDate().toString()));
    assert.equal([...dates][0], '2026-11-19');
    assert.ok([...dates].every((d) => d <= '2026-12-16'));
    assert.ok(!dates.has('2026-11-18'));
  });

  it('is empty when the range lies wholly outside the window', () => {
    assert.deepEqual(bookableSlots(centre, docs, { from: '2027-02-01', to: '2027-02-05' }, monday9, vsaaRules, calendar), []);
  });
});

describe('checkRequestedSlot gives one reason per bad case', () => {
  const check = (start: string, opts: { service?: BookableService; rules?: typeof vsaaRules; now?: Temporal.Instant } = {}) =>
    checkRequestedSlot({ place: centre, service: opts.service ?? pension, start: at(start), now: opts.now ?? monday9, rules: opts.rules ?? vsaaRules, calendar });
  const reason = (r: ReturnType<typeof check>) => (r.ok ? 'ok' : r.reason);

  it('accepts a free slot start inside the window', () => {
    const result = check('2026-11-19T09:05:00+02:00');
    assert.equal(reason(result), 'ok');
    assert.ok(result.ok && hhmm(result.slot.end) === '09:35');
  });
  it('past', () => assert.equal(reason(check('2026-11-16T08:30:00+02:00')), 'past'));
  it('holiday', () => assert.equal(reason(check('2026-11-18T09:05:00+02:00')), 'non-working-day'));
  it('weekend', () => assert.equal(reason(check('2026-11-21T09:05:00+02:00')), 'non-working-day'));
  it('outside hours (before opening)', () => assert.equal(reason(check('2026-11-19T07:00:00+02:00')), 'outside-hours'));
  it('outside hours (ends after closing)', () => assert.equal(reason(check('2026-11-19T16:45:00+02:00')), 'outside-hours'));
  it('outside hours on a shortened day', () => assert.equal(reason(check('2026-11-17T16:05:00+02:00')), 'outside-hours'));
  it('outside hours on a date closed by override', () => assert.equal(reason(check('2026-11-27T09:05:00+02:00')), 'outside-hours'));
  it('not a slot start', () => assert.equal(reason(check('2026-11-19T09:10:00+02:00')), 'not-slot-start'));
  it('inside the minimum notice', () => assert.equal(reason(check('2026-11-17T09:05:00+02:00', { rules: kaseRules })), 'min-notice'));
  it('beyond the horizon', () => assert.equal(reason(check('2026-12-17T09:05:00+02:00')), 'beyond-horizon'));
  it('service not offered', () => assert.equal(reason(check('2026-11-19T09:00:00+02:00', { service: accounts })), 'service-not-offered'));
});

describe('properties', () => {
  const dates = fc.integer({ min: 0, max: 400 }).map((n) => Temporal.PlainDate.from('2026-01-01').add({ days: n }).toString());
  const services = fc.record({ id: fc.constant('pensijas'), durationMinutes: fc.integer({ min: 5, max: 120 }), bufferMinutes: fc.integer({ min: 0, max: 30 }) });

  it('every generated slot passes checkRequestedSlot when asked the day before with no notice and a long horizon', () => {
    fc.assert(
      fc.property(dates, services, (date, service) => {
        const now = Temporal.PlainDate.from(date).subtract({ days: 1 }).toZonedDateTime({ timeZone: 'Europe/Riga' }).toInstant();
        const slots = slotsOnDate(centre, service, date, calendar);
        return slots.every((slot) => checkRequestedSlot({ place: centre, service, start: slot.start, now, rules: { minNoticeWorkingDays: 0, horizonDays: 365 }, calendar }).ok);
      }),
      { numRuns: 150 },
    );
  });

  it('a time is accepted exactly when it is one of the generated slots (any minute of the day)', () => {
    fc.assert(
      fc.property(dates, services, fc.integer({ min: 0, max: 24 * 60 - 1 }), (date, service, minute) => {
        const now = Temporal.PlainDate.from(date).subtract({ days: 1 }).toZonedDateTime({ timeZone: 'Europe/Riga' }).toInstant();
        const start = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: 'Europe/Riga' }).toInstant().add({ minutes: minute });
        const generated = slotsOnDate(centre, service, date, calendar).some((s) => s.start.equals(start));
        const accepted = checkRequestedSlot({ place: centre, service, start, now, rules: { minNoticeWorkingDays: 0, horizonDays: 365 }, calendar }).ok;
        return generated === accepted;
      }),
      { numRuns: 300 },
    );
  });

  it('slots never overlap (buffer included), lie within opening hours and only on working days or overrides', () => {
    fc.assert(
      fc.property(dates, services, (date, service) => {
        const slots = slotsOnDate(centre, service, date, calendar);
        if (slots.length > 0 && !calendar.day(date).working && centre.hours.dates?.[date] === undefined) return false;
        return slots.every((slot, i) => {
          const next = slots[i + 1];
          const gapOk = !next || next.start.epochMilliseconds - slot.start.epochMilliseconds >= (service.durationMinutes + service.bufferMinutes) * 60_000;
          const t = hhmm(slot.start);
          return gapOk && t >= '08:30' && hhmm(slot.end) <= '17:00' && slot.end.epochMilliseconds - slot.start.epochMilliseconds === service.durationMinutes * 60_000;
        });
      }),
      { numRuns: 150 },
    );
  });

  it('bookable slots are a subset of the day slots, all after now and inside the window', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 60 }), (date, notice, horizon) => {
        const now = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: 'Europe/Riga', plainTime: '12:00' }).toInstant();
        const rules = { minNoticeWorkingDays: notice, horizonDays: horizon };
        const window = bookingWindow(now, rules, calendar);
        const slots = bookableSlots(centre, docs, { from: date, to: window.latest }, now, rules, calendar);
        return slots.every((s) => {
          const d = s.start.toZonedDateTimeISO('Europe/Riga').toPlainDate().toString();
          return s.start.epochMilliseconds > now.epochMilliseconds && d >= window.earliest && d <= window.latest;
        });
      }),
      { numRuns: 60 },
    );
  });
});

describe('nearestSlots', () => {
  it('picks the closest slots on either side, in time order', () => {
    const slots = ['09:00', '09:30', '10:00', '10:30', '11:00'].map((t) => ({ start: at(`2026-11-19T${t}:00+02:00`) }));
    const nearest = nearestSlots(slots, at('2026-11-19T10:05:00+02:00'), 3);
    assert.deepEqual(nearest.map((s) => hhmm(s.start)), ['09:30', '10:00', '10:30']);
  });
});

describe('booking codes', () => {
  it('are six characters of the unambiguous alphabet and survive normalising', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const code = bookingCodeFrom(bytes);
        return code.length === 6 && [...code].every((c) => BOOKING_CODE_ALPHABET.includes(c)) && normalizeBookingCode(` ${code.slice(0, 3).toLowerCase()}-${code.slice(3)} `) === code;
      }),
    );
  });
  it('reject what cannot be a code', () => {
    assert.equal(normalizeBookingCode('ABC'), undefined);
    assert.equal(normalizeBookingCode('AAAAA0'), undefined);
    assert.throws(() => bookingCodeFrom(new Uint8Array(3)), RangeError);
  });
});
