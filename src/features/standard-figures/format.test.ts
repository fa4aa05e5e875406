import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import '../../app/catalogs.ts';
import { translator } from '../../platform/i18n/index.ts';
import { formatChange, formatFigure, formatTarget } from './format.ts';

describe('figures as people read them', () => {
  const lv = translator('lv');
  const en = translator('en');
  it('Latvian decimals and number agreement; English', () => {
    assert.equal(formatFigure(97.54, 'percent', 'lv', lv), '97,5 %');
    assert.equal(formatFigure(4.666, 'score', 'lv', lv), '4,7 no 5');
    assert.equal(formatFigure(1, 'workingDays', 'lv', lv), '1 darbdiena');
    assert.equal(formatFigure(21, 'workingDays', 'lv', lv), '21 darbdiena');
    assert.equal(formatFigure(11, 'workingDays', 'lv', lv), '11 darbdienas');
    assert.equal(formatFigure(2, 'days', 'lv', lv), '2 dienas');
    assert.equal(formatFigure(1, 'workingDays', 'en', en), '1 working day');
    assert.equal(formatFigure(12, 'count', 'en', en), '12');
    assert.equal(formatFigure(null, 'minutes', 'lv', lv), 'nav datu');
    assert.equal(formatChange(-2.5, 'minutes', 'lv', lv), '−2,5 min');
    assert.equal(formatChange(0, 'percent', 'en', en), '±0');
    assert.equal(formatTarget({ comparison: 'atMost', value: 20, unit: 'minutes' }, 'lv', lv), 'ne vairāk kā 20 min');
  });
});
