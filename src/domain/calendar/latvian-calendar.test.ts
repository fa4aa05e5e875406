import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { KNOWN_CALENDAR_ENTRIES } from './known-entries.ts';
import { LatvianCalendar } from './latvian-calendar.ts';
import type { CalendarEntry } from './types.ts';

const cal = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
const empty = new LatvianCalendar([]);
const dayOffs = (c: LatvianCalendar, year: number) =>
  c.holidaysOf(year).filter((h) => h.kind === 'day-off').map((h) => h.date);
const workingDaysIn = (c: LatvianCalendar, year: number) => c.countWorkingDays(`${year - 1}-12-31`, `${year}-12-31`);

describe('LatvianCalendar: working days per year 2024–2028', () => {
  // Weekdays minus weekday holidays minus days off plus worked Saturdays, counted by hand.
  const expected: Record<number, number> = { 2024: 251, 2025: 249, 2026: 250, 2027: 252, 2028: 252 };
  for (const [year, count] of Object.entries(expected)) {
    it(`${year} has ${count} working days`, () => assert.equal(workingDaysIn(cal, Number(year)), count));
  }
  it('every holiday is a non-working day', () => {
    for (let year = 2024; year <= 2028; year++) {
      for (const h of cal.holidaysOf(year)) {
        const info = cal.day(h.date);
        assert.equal(info.working, false, h.date);
        if (h.kind === 'holiday') assert.ok(info.holiday?.lv.includes(h.name.lv), h.date);
      }
    }
  });
});

describe('LatvianCalendar: compensatory days off (4 May, 18 November)', () => {
  it('lists exactly the moved days of 2024–2028', () => {
    assert.deepEqual(dayOffs(cal, 2024), ['2024-05-06']);
    assert.deepEqual(dayOffs(cal, 2025), ['2025-05-02', '2025-05-05', '2025-11-17']);
    assert.deepEqual(dayOffs(cal, 2026), ['2026-01-02', '2026-06-22']);
    assert.deepEqual(dayOffs(cal, 2027), []);
    assert.deepEqual(dayOffs(cal, 2028), ['2028-11-20']);
  });

  it('Mon 6 May 2024, Mon 5 May 2025 and Mon 20 Nov 2028 are days off, not holidays', () => {
    for (const date of ['2024-05-06', '2025-05-05', '2028-11-20']) {
      const info = cal.day(date);
      assert.equal(info.working, false);
      assert.equal(info.holiday, null);
      assert.equal(info.transferred, false);
      assert.match(info.dayOff?.en ?? '', /in lieu of/);
    }
    assert.match(cal.day('2028-11-20').dayOff?.lv ?? '', /proklamēšanas diena/);
    assert.match(cal.day('2024-05-06').dayOff?.lv ?? '', /Neatkarības deklarācijas/);
  });

  it('moves 18 November from 2007 and 4 May from 2008 only', () => {
    assert.equal(cal.isWorkingDay('2007-11-19'), false); // 18 Nov 2007 was a Sunday
    assert.equal(cal.isWorkingDay('2006-11-20'), true); // 18 Nov 2006 was a Saturday: rule not yet in force
    assert.equal(cal.isWorkingDay('2008-05-05'), false); // 4 May 2008 was a Sunday
    assert.equal(cal.isWorkingDay('2003-05-05'), true); // 4 May 2003 was a Sunday: rule not yet in force
    assert.equal(cal.isWorkingDay('2023-11-20'), false); // 18 Nov 2023 was a Saturday
  });

  it('no other holiday moves: 26 Dec 2026 (Sat) and Līgo/Jāņi 2028 (Fri/Sat) give no extra day', () => {
    assert.equal(cal.isWorkingDay('2026-12-28'), true);
    assert.equal(cal.isWorkingDay('2028-06-26'), true);
    assert.equal(cal.isWorkingDay('2027-05-03'), true); // 1 May 2027 is a Saturday
  });
});

describe('LatvianCalendar: Cabinet-order transfers', () => {
  it('2025: Fri 2 May and Mon 17 Nov off; Sat 10 May and Sat 8 Nov worked', () => {
    assert.deepEqual(cal.day('2025-05-02'), {
      date: '2025-05-02',
      working: false,
      holiday: null,
      dayOff: { lv: 'Pārcelta darbdiena (atstrādā sestdien, 10. maijā)', en: 'Working day moved to Saturday 10 May' },
      shortened: false,
      transferred: true,
      replaces: null,
    });
    assert.equal(cal.isWorkingDay('2025-11-17'), false);
    assert.equal(cal.day('2025-11-17').transferred, true);
    const sat = cal.day('2025-11-08');
    assert.equal(sat.working, true);
    assert.equal(sat.transferred, true);
    assert.equal(sat.replaces, '2025-11-17');
    assert.equal(cal.day('2025-05-10').replaces, '2025-05-02');
  });

  it('2026: Fri 2 Jan and Mon 22 Jun off; Sat 17 Jan and Sat 27 Jun worked', () => {
    assert.equal(cal.isWorkingDay('2026-01-02'), false);
    assert.equal(cal.isWorkingDay('2026-06-22'), false);
    assert.equal(cal.isWorkingDay('2026-01-17'), true);
    assert.equal(cal.isWorkingDay('2026-06-27'), true);
    assert.equal(cal.day('2026-06-27').replaces, '2026-06-22');
  });

  it('an ordinary Saturday and Sunday are not working and carry no reason', () => {
    const sat = cal.day('2026-01-10');
    assert.deepEqual([sat.working, sat.dayOff, sat.holiday, sat.transferred], [false, null, null, false]);
    assert.equal(cal.isWorkingDay('2026-01-11'), false);
  });

  it('without entries the same dates follow the plain rules (empty table works)', () => {
    assert.equal(empty.isWorkingDay('2025-05-02'), true);
    assert.equal(empty.isWorkingDay('2025-05-10'), false);
    assert.equal(empty.isWorkingDay('2026-06-22'), true);
    assert.equal(empty.isWorkingDay('2025-05-05'), false); // compensatory day is a rule, not data
    assert.equal(workingDaysIn(empty, 2025), 249);
    assert.equal(workingDaysIn(empty, 2027), 252);
  });
});

describe('LatvianCalendar: one-off holidays and Song Festival closing days', () => {
  it('2018: closing day Sun 8 Jul moves to Mon 9 Jul; Pope visit Mon 24 Sep is a holiday', () => {
    assert.equal(cal.day('2018-07-08').holiday?.en, 'Closing day of the General Latvian Song and Dance Festival');
    assert.equal(cal.isWorkingDay('2018-07-09'), false);
    assert.match(cal.day('2018-07-09').dayOff?.lv ?? '', /Dziesmu un Deju svētku/);
    assert.match(cal.day('2018-09-24').holiday?.en ?? '', /Pope Francis/);
    assert.equal(cal.isWorkingDay('2018-09-25'), true);
    assert.equal(cal.isWorkingDay('2018-11-19'), false); // 18 Nov 2018 was a Sunday
  });

  it('2023: hockey bronze Mon 29 May; closing day Sun 9 Jul → Mon 10 Jul off', () => {
    assert.match(cal.day('2023-05-29').holiday?.en ?? '', /hockey/);
    assert.equal(cal.isWorkingDay('2023-05-29'), false);
    assert.equal(cal.isWorkingDay('2023-07-10'), false);
    assert.equal(cal.isWorkingDay('2023-07-11'), true);
    assert.deepEqual(
      cal.holidaysOf(2023).filter((h) => h.date >= '2023-05-28' && h.date <= '2023-07-10').map((h) => [h.date, h.kind]),
      [
        ['2023-05-28', 'holiday'],
        ['2023-05-29', 'holiday'],
        ['2023-06-23', 'holiday'],
        ['2023-06-24', 'holiday'],
        ['2023-07-09', 'holiday'],
        ['2023-07-10', 'day-off'],
      ],
    );
  });

  it('the empty calendar knows none of them', () => {
    assert.equal(empty.isWorkingDay('2023-05-29'), true);
    assert.equal(empty.isWorkingDay('2018-07-09'), true);
  });

  it('two weekend holidays needing a day off get consecutive days', () => {
    const c = new LatvianCalendar([
      { kind: 'holiday', date: '2025-05-03', name: { lv: 'X', en: 'X' }, movesOnWeekend: true, source: 'test' },
    ]);
    assert.deepEqual(dayOffs(c, 2025), ['2025-05-05', '2025-05-06']);
  });

  it('a one-off holiday on a non-moving weekend gives no day off', () => {
    const c = new LatvianCalendar([
      { kind: 'holiday', date: '2027-07-10', name: { lv: 'Y', en: 'Y' }, movesOnWeekend: false, source: 'test' },
    ]);
    assert.equal(c.day('2027-07-10').holiday?.en, 'Y');
    assert.equal(c.isWorkingDay('2027-07-12'), true);
  });

  it('joins names of holidays sharing a date (2008-05-11) and lists both', () => {
    assert.deepEqual(cal.day('2008-05-11').holiday, { lv: 'Mātes diena; Vasarsvētki', en: "Mother's Day; Whit Sunday" });
    assert.equal(cal.holidaysOf(2008).filter((h) => h.date === '2008-05-11').length, 2);
  });
});

describe('LatvianCalendar: historic years', () => {
  it('1995: 4 May (Thu) and 24 Dec are ordinary days', () => {
    assert.equal(cal.isWorkingDay('1995-05-04'), true);
    assert.equal(cal.day('1995-12-24').holiday, null);
    assert.equal(cal.holidaysOf(1995).length, 13);
  });
  it('2003: 24 Dec (Wed) is a working day; 2007: 24 Dec (Mon) is a holiday', () => {
    assert.equal(cal.isWorkingDay('2003-12-24'), true);
    assert.equal(cal.isWorkingDay('2007-12-24'), false);
  });
});

describe('LatvianCalendar: API semantics', () => {
  it('addWorkingDays: n = 0 returns the date itself, even on a holiday', () => {
    assert.equal(cal.addWorkingDays('2025-12-25', 0), '2025-12-25');
    assert.equal(cal.addWorkingDays('2025-12-23', 1), '2025-12-29');
    assert.equal(cal.addWorkingDays('2026-03-02', 10), '2026-03-16');
    assert.equal(cal.addWorkingDays('2026-03-27', 10), '2026-04-14');
    assert.equal(cal.addWorkingDays('2026-06-19', 3), '2026-06-27'); // through Līgo into a worked Saturday
  });

  it('countWorkingDays counts from < d ≤ to and is 0 when to ≤ from', () => {
    assert.equal(cal.countWorkingDays('2026-03-02', '2026-03-16'), 10);
    assert.equal(cal.countWorkingDays('2026-03-16', '2026-03-02'), 0);
    assert.equal(cal.countWorkingDays('2026-03-02', '2026-03-02'), 0);
    assert.equal(cal.countWorkingDays('2026-03-01', '2026-03-02'), 1);
    assert.equal(cal.countWorkingDays('2026-03-02', '2026-03-03'), 1);
  });

  it('nextWorkingDay returns the date itself when working, else the next working day', () => {
    assert.equal(cal.nextWorkingDay('2026-03-02'), '2026-03-02');
    assert.equal(cal.nextWorkingDay('2025-12-24'), '2025-12-29');
    assert.equal(cal.nextWorkingDay('2025-05-02'), '2025-05-06');
    assert.equal(cal.nextWorkingDay('2026-06-21'), '2026-06-25');
  });

  it('days(from, to) is inclusive and empty when to < from', () => {
    const list = cal.days('2025-12-23', '2025-12-29');
    assert.deepEqual(list.map((d) => [d.date, d.working]), [
      ['2025-12-23', true],
      ['2025-12-24', false],
      ['2025-12-25', false],
      ['2025-12-26', false],
      ['2025-12-27', false],
      ['2025-12-28', false],
      ['2025-12-29', true],
    ]);
    assert.deepEqual(cal.days('2025-12-29', '2025-12-23'), []);
    assert.equal(cal.days('2024-01-01', '2024-12-31').length, 366);
  });

  it('holidaysOf is sorted and covers one year only', () => {
    const list = cal.holidaysOf(2025);
    assert.deepEqual(list.map((h) => h.date), [...list.map((h) => h.date)].sort());
    assert.ok(list.every((h) => h.date.startsWith('2025-')));
    assert.equal(list.filter((h) => h.kind === 'holiday').length, 15);
  });

  it('returned DayInfo cannot corrupt the memoised year', () => {
    const info = cal.day('2025-05-02');
    assert.throws(() => {
      (info as { working: boolean }).working = true;
    }, TypeError);
    assert.equal(cal.isWorkingDay('2025-05-02'), false);
  });
});

describe('LatvianCalendar: input validation', () => {
  for (const bad of ['2025-02-30', '2025-13-01', '25-01-01', '2025-1-1', '2025-01-01T00:00', '', 'today']) {
    it(`rejects "${bad}" with a RangeError`, () => {
      assert.throws(() => cal.day(bad), { name: 'RangeError', message: /Invalid date/ });
    });
  }

  it('rejects dates outside 1990–2100 and bad counts', () => {
    assert.throws(() => cal.day('1989-12-31'), { name: 'RangeError', message: /1990–2100/ });
    assert.throws(() => cal.day('2101-01-01'), RangeError);
    assert.throws(() => cal.holidaysOf(1989), RangeError);
    assert.throws(() => cal.holidaysOf(2101), RangeError);
    assert.throws(() => cal.addWorkingDays('2025-01-01', -1), RangeError);
    assert.throws(() => cal.addWorkingDays('2025-01-01', 1.5), RangeError);
    assert.throws(() => cal.countWorkingDays('2025-01-01', '2025-02-30'), { name: 'RangeError', message: /Invalid to/ });
  });

  it('rejects malformed entries when constructed', () => {
    const holiday = (date: string): CalendarEntry => ({
      kind: 'holiday',
      date,
      name: { lv: 'X', en: 'X' },
      movesOnWeekend: false,
      source: 'test',
    });
    assert.throws(() => new LatvianCalendar([holiday('2025-02-29')]), RangeError);
    const weekdayWorking: CalendarEntry = {
      kind: 'working-day',
      date: '2025-05-12',
      replaces: '2025-05-02',
      name: { lv: 'X', en: 'X' },
      source: 'test',
    };
    assert.throws(() => new LatvianCalendar([weekdayWorking]), /Saturday or Sunday/);
    assert.throws(() => new LatvianCalendar([{ ...weekdayWorking, date: '2025-05-10', replaces: 'x' }]), RangeError);
  });
});

describe('LatvianCalendar.day: remembered by the date text', () => {
  // What the memo saves (the parse) is not visible from outside; what is tested is that it never changes an answer.
  it('answers a date asked again, and across the memo bound, as it did the first time', () => {
    const fresh = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
    const first = fresh.day('2026-11-18');
    assert.equal(first.working, false);
    assert.equal(fresh.day('2026-11-18'), first);
    // More dates than the memo keeps (5,000): it starts over and still answers every one from the year tables.
    let day = Temporal.PlainDate.from('2000-01-01');
    for (let i = 0; i < 6_000; i++, day = day.add({ days: 1 })) assert.deepEqual(fresh.day(day.toString()), cal.day(day.toString()));
    assert.deepEqual(fresh.day('2026-11-18'), first);
  });

  it('refuses a wrong date every time: a refusal is not remembered', () => {
    const fresh = new LatvianCalendar(KNOWN_CALENDAR_ENTRIES);
    for (let i = 0; i < 2; i++) {
      assert.throws(() => fresh.day('2026-02-30'), RangeError);
      assert.throws(() => fresh.day('2026-2-3'), RangeError);
    }
  });
});
