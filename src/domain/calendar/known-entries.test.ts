import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isIsoDate } from './iso-date.ts';
import { KNOWN_CALENDAR_ENTRIES } from './known-entries.ts';

describe('KNOWN_CALENDAR_ENTRIES (seed data)', () => {
  it('holds the 4 one-off/festival holidays and 2 transfers for each of 2025 and 2026', () => {
    const summary = KNOWN_CALENDAR_ENTRIES.map((e) => `${e.kind} ${e.date}`).sort();
    assert.deepEqual(summary, [
      'day-off 2025-05-02',
      'day-off 2025-11-17',
      'day-off 2026-01-02',
      'day-off 2026-06-22',
      'holiday 2018-07-08',
      'holiday 2018-09-24',
      'holiday 2023-05-29',
      'holiday 2023-07-09',
      'working-day 2025-05-10',
      'working-day 2025-11-08',
      'working-day 2026-01-17',
      'working-day 2026-06-27',
    ]);
  });

  it('only Song Festival closing days move on a weekend', () => {
    const moving = KNOWN_CALENDAR_ENTRIES.filter((e) => e.kind === 'holiday' && e.movesOnWeekend).map((e) => e.date);
    assert.deepEqual(moving, ['2018-07-08', '2023-07-09']);
  });

  it('every entry has valid dates, both names and a source; each worked day replaces a listed day off', () => {
    const daysOff = new Set(KNOWN_CALENDAR_ENTRIES.filter((e) => e.kind === 'day-off').map((e) => e.date));
    for (const e of KNOWN_CALENDAR_ENTRIES) {
      assert.ok(isIsoDate(e.date), e.date);
      assert.ok(e.name.lv && e.name.en && e.source, e.date);
      if (e.kind === 'working-day') assert.ok(daysOff.has(e.replaces), `${e.date} replaces ${e.replaces}`);
    }
  });
});
