import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { fromDatePhrase, isoDatesInProse, latvianDate, nominativeMonthSlips, onDayPhrase, untilDatePhrase } from './date-phrases.ts';

describe('Latvian dates inside sentences', () => {
  it('takes the case the preposition needs', () => {
    assert.equal(fromDatePhrase('2025-01-01'), 'no 2025. gada 1. janvāra');
    assert.equal(untilDatePhrase('2026-12-18'), 'līdz 2026. gada 18. decembrim');
    assert.equal(onDayPhrase('2026-12-07'), 'pirmdien, 7. decembrī');
    assert.equal(onDayPhrase('2026-03-01', { year: true }), 'svētdien, 2026. gada 1. martā');
  });
  it('every month in every case', () => {
    assert.equal(latvianDate('2026-04-15', 'genitive'), '2026. gada 15. aprīļa');
    assert.equal(latvianDate('2026-04-15', 'dative', { year: false }), '15. aprīlim');
    assert.equal(latvianDate('2026-03-02', 'locative', { year: false }), '2. martā');
    assert.equal(latvianDate('2026-05-09', 'nominative'), '2026. gada 9. maijs');
    assert.equal(latvianDate('2026-09-30', 'dative', { year: false }), '30. septembrim');
  });
  it('refuses impossible dates instead of inventing one', () => {
    for (const bad of ['2026-13-45', '2026-12-32', '2026-02-29', 'x', '2026-1-1']) assert.throws(() => latvianDate(bad, 'genitive'), RangeError, bad);
    assert.equal(latvianDate('2028-02-29', 'genitive', { year: false }), '29. februāra');
  });
  it('no phrase it builds is ever flagged as a slip (property)', () => {
    const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, (iso) => {
        const text = `Spēkā ${fromDatePhrase(iso)} ${untilDatePhrase(iso)}; atvērsies ${onDayPhrase(iso)}.`;
        return nominativeMonthSlips(text).length === 0 && isoDatesInProse(text).length === 0;
      }),
    );
  });
  it('finds the slips a native reader would', () => {
    assert.deepEqual(nominativeMonthSlips('Spēkā no 2025. gada 1. janvāris līdz 18. decembris.'), ['no 2025. gada 1. janvāris', 'līdz 18. decembris']);
    assert.deepEqual(nominativeMonthSlips('Ar 1. marts mainās.'), ['Ar 1. marts']);
    assert.deepEqual(nominativeMonthSlips('Atbildēsim ne vēlāk kā 2026. gada 30. decembris.'), ['ne vēlāk kā 2026. gada 30. decembris']);
    assert.deepEqual(nominativeMonthSlips('Atbildēsim ne vēlāk kā 2026. gada 30. decembrī.'), []);
    assert.deepEqual(nominativeMonthSlips('no 1. marta; līdz 2. martam; 3. marts ir svētdiena'), []);
    assert.deepEqual(isoDatesInProse('Termiņš: 2026-12-18. Saite: /x?day=2026-12-18'), ['2026-12-18']);
  });
});
