import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDate, formatMoment, formatRigaDate } from './format.ts';
import { formatRigaMoment } from './format.ts';

describe('formatting dates for pages', () => {
  it('a date in Latvian and English, with the weekday when asked', () => {
    assert.equal(formatDate('2026-11-23', 'lv'), '2026. gada 23. novembris');
    assert.equal(formatDate('2026-11-23', 'en'), '23 November 2026');
    assert.match(formatDate('2026-11-23', 'lv', true), /^pirmdiena/);
  });

  it('an instant is written in Riga time, across the date line and daylight saving', () => {
    // 22:30 UTC on 22 Nov is 00:30 on 23 Nov in Riga (UTC+2); in summer Riga is UTC+3.
    assert.equal(formatRigaDate(new Date('2026-11-22T22:30:00Z'), 'en'), '23 November 2026');
    assert.equal(formatRigaDate(new Date('2026-07-14T21:30:00Z'), 'en'), '15 July 2026');
    assert.match(formatMoment('2026-11-22T22:30:00Z', 'en'), /Monday 23 November.*00:30/);
  });

  it('the cached formatters give the same text on every call, in either language order', () => {
    const first = [formatDate('2026-01-01', 'en'), formatDate('2026-01-01', 'lv')];
    assert.deepEqual([formatDate('2026-01-01', 'en'), formatDate('2026-01-01', 'lv')], first);
  });
});

describe('formatRigaMoment (audit log)', () => {
  it('shows Riga time, not UTC, in winter and in summer', () => {
    assert.match(formatRigaMoment(new Date('2026-11-19T08:00:05Z'), 'lv'), /19\.11\.2026\.? 10:00:05/);
    assert.match(formatRigaMoment(new Date('2026-07-01T21:30:00Z'), 'en'), /02\/07\/2026,? 00:30:00/);
  });
});
