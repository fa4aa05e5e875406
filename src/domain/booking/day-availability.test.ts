import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { LatvianCalendar } from '../calendar/index.ts';
import { bookableSlots, dayAvailability, type BookableService, type BookingPlace, type DayAvailability, type DaySeats } from './index.ts';

const calendar = new LatvianCalendar([]);
const weekday = [{ open: '08:30', close: '17:00' }];
const centre: BookingPlace = {
  id: 'riga',
  hours: {
    weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: [{ open: '08:30', close: '16:00' }] },
    dates: { '2026-11-26': [{ open: '10:00', close: '12:00' }], '2026-11-27': [] },
  },
  services: ['pensijas'],
};
/** Closed on Wednesdays; open on Saturdays and on non-working days. */
const saturdayPlace: BookingPlace = {
  id: 'sestdienas',
  hours: { weekly: { mon: weekday, tue: weekday, thu: weekday, fri: weekday, sat: [{ open: '10:00', close: '14:00' }] }, openOnNonWorkingDays: true },
  services: ['pensijas'],
};
const pension: BookableService = { id: 'pensijas', durationMinutes: 30, bufferMinutes: 5 };
const accounts: BookableService = { id: 'konti', durationMinutes: 30, bufferMinutes: 0 };
const vsaaRules = { minNoticeWorkingDays: 0, horizonDays: 30 };
const kaseRules = { minNoticeWorkingDays: 2, horizonDays: 30 };
const at = (iso: string) => Temporal.Instant.from(iso);
// Monday 16 November 2026, 09:00 in Riga; 18 November is a public holiday.
const monday9 = at('2026-11-16T09:00:00+02:00');
const open: DaySeats = { capacity: 1, free: 5 };

function ask(date: string, opts: { place?: BookingPlace; service?: BookableService; rules?: typeof kaseRules; now?: Temporal.Instant; seats?: DaySeats; cal?: LatvianCalendar } = {}): DayAvailability {
  return dayAvailability({
    date,
    now: opts.now ?? monday9,
    place: opts.place ?? centre,
    service: opts.service ?? pension,
    rules: opts.rules ?? kaseRules,
    calendar: opts.cal ?? calendar,
    seats: opts.seats ?? open,
  });
}

describe('dayAvailability: one reason per day without times', () => {
  it('a day with free times is available, with their number', () => {
    assert.deepEqual(ask('2026-11-19'), { kind: 'available', free: 5 });
  });
  it('a service the place does not offer', () => {
    assert.deepEqual(ask('2026-11-19', { service: accounts }), { kind: 'service-not-offered' });
  });
  it('a day before today', () => {
    assert.deepEqual(ask('2026-11-13'), { kind: 'past' });
    assert.deepEqual(ask('2026-11-15', { rules: vsaaRules }), { kind: 'past' });
  });
  it('a public holiday, named by the calendar (even inside the minimum notice)', () => {
    const reason = ask('2026-11-18');
    assert.equal(reason.kind, 'holiday');
    assert.ok(reason.kind === 'holiday' && /proklamēšanas diena/.test(reason.name.lv) && /Proclamation/.test(reason.name.en));
  });
  it('a public holiday on a Saturday is a holiday, not a closed weekday (beyond the horizon too)', () => {
    const reason = ask('2027-12-25');
    assert.equal(reason.kind, 'holiday');
  });
  it('a day off by Cabinet order, named', () => {
    const cal = new LatvianCalendar([{ kind: 'day-off', date: '2026-11-20', name: { lv: 'Pārcelta darbdiena', en: 'Transferred working day' }, source: 'tests' }]);
    assert.deepEqual(ask('2026-11-20', { cal }), { kind: 'holiday', name: { lv: 'Pārcelta darbdiena', en: 'Transferred working day' } });
  });
  it('the weekend: the centre does not work that weekday', () => {
    assert.deepEqual(ask('2026-11-21'), { kind: 'closed-weekday', weekday: 'sat' });
    assert.deepEqual(ask('2026-11-22'), { kind: 'closed-weekday', weekday: 'sun' });
  });
  it('a weekday without hours in the regular week', () => {
    assert.deepEqual(ask('2026-11-25', { place: saturdayPlace, rules: vsaaRules }), { kind: 'closed-weekday', weekday: 'wed' });
  });
  it('a place open on non-working days is open on Saturday and on a holiday', () => {
    assert.equal(ask('2026-11-21', { place: saturdayPlace, rules: vsaaRules }).kind, 'available');
    assert.equal(ask('2026-11-18', { place: saturdayPlace, rules: vsaaRules }).kind, 'closed-weekday', 'Wednesday: no weekly hours');
    assert.equal(ask('2026-11-22', { place: saturdayPlace, rules: vsaaRules }).kind, 'closed-weekday', 'Sunday: no weekly hours');
  });
  it('a date the place closes by an override', () => {
    assert.deepEqual(ask('2026-11-27'), { kind: 'closed-date' });
  });
  it('a date the agency closed (capacity 0)', () => {
    assert.deepEqual(ask('2026-11-19', { seats: { capacity: 0, free: 0 } }), { kind: 'closed-date' });
  });
  it('too soon: inside the Treasury’s two working days, with the earliest day (the holiday skipped)', () => {
    assert.deepEqual(ask('2026-11-16'), { kind: 'min-notice', workingDays: 2, earliest: '2026-11-19', today: '2026-11-16' });
    assert.deepEqual(ask('2026-11-17'), { kind: 'min-notice', workingDays: 2, earliest: '2026-11-19', today: '2026-11-16' });
  });
  it('beyond the horizon, with the last bookable day', () => {
    assert.deepEqual(ask('2026-12-17'), { kind: 'beyond-horizon', horizonDays: 30, latest: '2026-12-16', today: '2026-11-16' });
    assert.equal(ask('2026-12-16').kind, 'available');
  });
  it('fully booked', () => {
    assert.deepEqual(ask('2026-11-19', { seats: { capacity: 1, free: 0 } }), { kind: 'fully-booked' });
    assert.deepEqual(ask('2026-11-16', { rules: vsaaRules, seats: { capacity: 1, free: 0 } }), { kind: 'fully-booked' }, 'today, times still ahead');
  });
  it('today after the last time has begun', () => {
    const late = at('2026-11-16T16:30:00+02:00');
    assert.deepEqual(ask('2026-11-16', { rules: vsaaRules, now: late, seats: { capacity: 1, free: 0 } }), { kind: 'day-over' });
  });
  it('counts the Riga day late in the evening (22:30 UTC is already tomorrow)', () => {
    const evening = at('2026-11-16T22:30:00Z');
    assert.deepEqual(ask('2026-11-16', { rules: vsaaRules, now: evening }), { kind: 'past' });
  });
});

describe('dayAvailability properties', () => {
  const days = fc.integer({ min: -5, max: 60 }).map((n) => Temporal.PlainDate.from('2026-11-16').add({ days: n }).toString());
  const seats = fc.record({ capacity: fc.integer({ min: 0, max: 3 }), free: fc.integer({ min: 0, max: 20 }) });
  const nows = fc.integer({ min: 0, max: 24 * 60 - 1 }).map((m) => at('2026-11-16T00:00:00+02:00').add({ minutes: m + 24 * 60 * 7 }));
  const rules = fc.record({ minNoticeWorkingDays: fc.integer({ min: 0, max: 3 }), horizonDays: fc.integer({ min: 1, max: 40 }) });
  it('available exactly when the day has bookable slots, seats and free times; otherwise one of the reasons', () => {
    fc.assert(
      fc.property(days, seats, nows, rules, fc.boolean(), (date, s, now, r, saturday) => {
        const place = saturday ? saturdayPlace : centre;
        const reason = dayAvailability({ date, now, place, service: pension, rules: r, calendar, seats: s });
        const bookable = bookableSlots(place, pension, { from: date, to: date }, now, r, calendar).length > 0;
        if (reason.kind === 'available') return bookable && s.capacity > 0 && s.free > 0;
        if (bookable && s.capacity > 0 && s.free > 0) return false;
        return ['past', 'holiday', 'closed-weekday', 'closed-date', 'min-notice', 'beyond-horizon', 'day-over', 'fully-booked'].includes(reason.kind);
      }),
      { numRuns: 400 },
    );
  });
  it('too soon and beyond the horizon name a bookable boundary day on the right side', () => {
    fc.assert(
      fc.property(days, nows, rules, (date, now, r) => {
        const reason = dayAvailability({ date, now, place: centre, service: pension, rules: r, calendar, seats: open });
        if (reason.kind === 'min-notice') return date < reason.earliest && date >= reason.today;
        if (reason.kind === 'beyond-horizon') return date > reason.latest;
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
