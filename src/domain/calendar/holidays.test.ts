import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { HOLIDAY_NAMES, assertSupportedYear, statutoryHolidays, type StatutoryHolidayId } from './holidays.ts';

type Expected = Array<[string, StatutoryHolidayId]>;

const EXPECTED: Record<number, Expected> = {
  2024: [
    ['2024-01-01', 'new-year'],
    ['2024-03-29', 'good-friday'],
    ['2024-03-31', 'easter-sunday'],
    ['2024-04-01', 'easter-monday'],
    ['2024-05-01', 'labour-day'],
    ['2024-05-04', 'independence-restoration'],
    ['2024-05-12', 'mothers-day'],
    ['2024-05-19', 'whit-sunday'],
    ['2024-06-23', 'ligo'],
    ['2024-06-24', 'jani'],
    ['2024-11-18', 'proclamation'],
    ['2024-12-24', 'christmas-eve'],
    ['2024-12-25', 'christmas'],
    ['2024-12-26', 'second-christmas'],
    ['2024-12-31', 'new-years-eve'],
  ],
  2025: [
    ['2025-01-01', 'new-year'],
    ['2025-04-18', 'good-friday'],
    ['2025-04-20', 'easter-sunday'],
    ['2025-04-21', 'easter-monday'],
    ['2025-05-01', 'labour-day'],
    ['2025-05-04', 'independence-restoration'],
    ['2025-05-11', 'mothers-day'],
    ['2025-06-08', 'whit-sunday'],
    ['2025-06-23', 'ligo'],
    ['2025-06-24', 'jani'],
    ['2025-11-18', 'proclamation'],
    ['2025-12-24', 'christmas-eve'],
    ['2025-12-25', 'christmas'],
    ['2025-12-26', 'second-christmas'],
    ['2025-12-31', 'new-years-eve'],
  ],
  2026: [
    ['2026-01-01', 'new-year'],
    ['2026-04-03', 'good-friday'],
    ['2026-04-05', 'easter-sunday'],
    ['2026-04-06', 'easter-monday'],
    ['2026-05-01', 'labour-day'],
    ['2026-05-04', 'independence-restoration'],
    ['2026-05-10', 'mothers-day'],
    ['2026-05-24', 'whit-sunday'],
    ['2026-06-23', 'ligo'],
    ['2026-06-24', 'jani'],
    ['2026-11-18', 'proclamation'],
    ['2026-12-24', 'christmas-eve'],
    ['2026-12-25', 'christmas'],
    ['2026-12-26', 'second-christmas'],
    ['2026-12-31', 'new-years-eve'],
  ],
  2027: [
    ['2027-01-01', 'new-year'],
    ['2027-03-26', 'good-friday'],
    ['2027-03-28', 'easter-sunday'],
    ['2027-03-29', 'easter-monday'],
    ['2027-05-01', 'labour-day'],
    ['2027-05-04', 'independence-restoration'],
    ['2027-05-09', 'mothers-day'],
    ['2027-05-16', 'whit-sunday'],
    ['2027-06-23', 'ligo'],
    ['2027-06-24', 'jani'],
    ['2027-11-18', 'proclamation'],
    ['2027-12-24', 'christmas-eve'],
    ['2027-12-25', 'christmas'],
    ['2027-12-26', 'second-christmas'],
    ['2027-12-31', 'new-years-eve'],
  ],
  2028: [
    ['2028-01-01', 'new-year'],
    ['2028-04-14', 'good-friday'],
    ['2028-04-16', 'easter-sunday'],
    ['2028-04-17', 'easter-monday'],
    ['2028-05-01', 'labour-day'],
    ['2028-05-04', 'independence-restoration'],
    ['2028-05-14', 'mothers-day'],
    ['2028-06-04', 'whit-sunday'],
    ['2028-06-23', 'ligo'],
    ['2028-06-24', 'jani'],
    ['2028-11-18', 'proclamation'],
    ['2028-12-24', 'christmas-eve'],
    ['2028-12-25', 'christmas'],
    ['2028-12-26', 'second-christmas'],
    ['2028-12-31', 'new-years-eve'],
  ],
};

const summary = (year: number) => statutoryHolidays(year).map((h) => [h.date, h.id]);

describe('statutoryHolidays: every holiday of 2024–2028', () => {
  for (const [year, expected] of Object.entries(EXPECTED)) {
    it(`${year}`, () => assert.deepEqual(summary(Number(year)), expected));
  }
});

describe('statutoryHolidays: weekend rule flags and names', () => {
  it('only 4 May (from 2008) and 18 November (from 2007) move on a weekend', () => {
    const moving = statutoryHolidays(2025).filter((h) => h.movesOnWeekend).map((h) => h.id);
    assert.deepEqual(moving, ['independence-restoration', 'proclamation']);
    assert.equal(statutoryHolidays(2007).find((h) => h.id === 'independence-restoration')?.movesOnWeekend, false);
    assert.equal(statutoryHolidays(2008).find((h) => h.id === 'independence-restoration')?.movesOnWeekend, true);
    assert.equal(statutoryHolidays(2006).find((h) => h.id === 'proclamation')?.movesOnWeekend, false);
    assert.equal(statutoryHolidays(2007).find((h) => h.id === 'proclamation')?.movesOnWeekend, true);
  });

  it('uses the Latvian statutory names', () => {
    const names = Object.fromEntries(statutoryHolidays(2026).map((h) => [h.id, h.name.lv]));
    assert.equal(names['new-year'], 'Jaunais gads');
    assert.equal(names['good-friday'], 'Lielā piektdiena');
    assert.equal(names['easter-sunday'], 'Lieldienas');
    assert.equal(names['easter-monday'], 'Otrās Lieldienas');
    assert.match(names['labour-day'] ?? '', /^Darba svētki.*Satversmes sapulces sasaukšanas diena$/);
    assert.equal(names['independence-restoration'], 'Latvijas Republikas Neatkarības deklarācijas pasludināšanas diena');
    assert.equal(names['mothers-day'], 'Mātes diena');
    assert.equal(names['whit-sunday'], 'Vasarsvētki');
    assert.equal(names['ligo'], 'Līgo diena');
    assert.equal(names['jani'], 'Jāņu diena');
    assert.equal(names['proclamation'], 'Latvijas Republikas proklamēšanas diena');
    assert.equal(names['christmas-eve'], 'Ziemassvētku vakars');
    assert.equal(names['christmas'], 'Ziemassvētki');
    assert.equal(names['second-christmas'], 'Otrie Ziemassvētki');
    assert.equal(names['new-years-eve'], 'Vecgada diena');
    for (const name of Object.values(HOLIDAY_NAMES)) assert.ok(name.lv.length > 0 && name.en.length > 0);
  });
});

describe('statutoryHolidays: historic years', () => {
  it('1995 has neither 4 May nor 24 December', () => {
    const dates = statutoryHolidays(1995).map((h) => h.date);
    assert.equal(dates.length, 13);
    assert.ok(!dates.includes('1995-05-04'));
    assert.ok(!dates.includes('1995-12-24'));
    assert.ok(dates.includes('1995-04-14') && dates.includes('1995-04-17')); // Good Friday, Easter Monday
  });

  it('4 May is a holiday from 2002 and 24 December from 2007', () => {
    assert.ok(!summary(2001).some(([d]) => d === '2001-05-04'));
    assert.ok(summary(2002).some(([d]) => d === '2002-05-04'));
    assert.ok(!summary(2006).some(([d]) => d === '2006-12-24'));
    assert.ok(summary(2007).some(([d]) => d === '2007-12-24'));
  });

  it('keeps both holidays when Whit Sunday and Mother’s Day coincide (2008-05-11)', () => {
    const onDay = statutoryHolidays(2008).filter((h) => h.date === '2008-05-11').map((h) => h.id);
    assert.deepEqual(onDay, ['mothers-day', 'whit-sunday']);
  });

  it('Mother’s Day is the second Sunday of May in every supported year', () => {
    for (let year = 1990; year <= 2100; year++) {
      const mothersDay = statutoryHolidays(year).find((h) => h.id === 'mothers-day');
      assert.ok(mothersDay);
      const date = Temporal.PlainDate.from(mothersDay.date);
      assert.equal(date.dayOfWeek, 7);
      assert.ok(date.month === 5 && date.day >= 8 && date.day <= 14, mothersDay.date);
    }
  });

  it('Whit Sunday is Easter + 49 days and Good Friday Easter − 2', () => {
    const h = statutoryHolidays(2019);
    assert.equal(h.find((x) => x.id === 'whit-sunday')?.date, '2019-06-09');
    assert.equal(h.find((x) => x.id === 'good-friday')?.date, '2019-04-19');
  });
});

describe('statutoryHolidays: supported range', () => {
  it('computes 1990 and 2100', () => {
    assert.equal(statutoryHolidays(1990)[0]?.date, '1990-01-01');
    assert.equal(statutoryHolidays(2100).at(-1)?.date, '2100-12-31');
  });

  it('throws a RangeError outside 1990–2100', () => {
    assert.throws(() => statutoryHolidays(1989), { name: 'RangeError', message: /1990–2100.*1989/ });
    assert.throws(() => statutoryHolidays(2101), { name: 'RangeError', message: /2101/ });
    assert.throws(() => assertSupportedYear(2024.5), RangeError);
    assert.doesNotThrow(() => assertSupportedYear(2024));
  });
});
