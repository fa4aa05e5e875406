import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTimeRange } from './index.ts';

describe('parseTimeRange', () => {
  it('parses HH:MM-HH:MM', () => {
    assert.deepEqual(parseTimeRange('08:30-17:15'), { open: '08:30', close: '17:15' });
    assert.deepEqual(parseTimeRange('00:00-23:59'), { open: '00:00', close: '23:59' });
  });

  it('normalizes one-digit hours, surrounding spaces and en/em dashes', () => {
    assert.deepEqual(parseTimeRange(' 8:30 – 17:15 '), { open: '08:30', close: '17:15' });
    assert.deepEqual(parseTimeRange('9:00—12:00'), { open: '09:00', close: '12:00' });
    assert.deepEqual(parseTimeRange('9:00 - 12:00'), { open: '09:00', close: '12:00' });
  });

  it('accepts 24:00 as a closing time only', () => {
    assert.deepEqual(parseTimeRange('00:00-24:00'), { open: '00:00', close: '24:00' });
    assert.throws(() => parseTimeRange('24:00-24:00'), { name: 'RangeError', message: /hours must be 00–23\./ });
    assert.throws(() => parseTimeRange('10:00-24:30'), { name: 'RangeError', message: /"24:30".*hours must be/ });
  });

  it('rejects text that is not a range, with the expected format in the message', () => {
    for (const bad of ['', '08:30', '0830-1715', '08:30 17:15', '08:30-17:15-18:00', 'from 8 to 5', '08.30-17.15', '008:30-17:15']) {
      assert.throws(() => parseTimeRange(bad), { name: 'RangeError', message: /expected "HH:MM-HH:MM", for example "08:30-17:15"/ }, bad);
    }
  });

  it('rejects hours and minutes out of range', () => {
    assert.throws(() => parseTimeRange('25:00-26:00'), { name: 'RangeError', message: /"25:00".*hours must be 00–23/ });
    assert.throws(() => parseTimeRange('08:60-09:00'), { name: 'RangeError', message: /"08:60".*minutes must be 00–59/ });
    assert.throws(() => parseTimeRange('08:00-09:75'), { name: 'RangeError', message: /"09:75".*minutes must be 00–59/ });
  });

  it('rejects ranges that do not move forward (empty or across midnight)', () => {
    assert.throws(() => parseTimeRange('17:00-08:00'), { name: 'RangeError', message: /opening time must be before the closing time/ });
    assert.throws(() => parseTimeRange('08:00-08:00'), { name: 'RangeError', message: /opening time must be before the closing time/ });
  });
});
