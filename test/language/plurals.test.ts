// Counts read as a native reader expects: Latvian takes the singular for 1, 21, 31… (not 11), English only for 1.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import '../../src/app/catalogs.ts';
import { freeSeatsText } from '../../src/features/appointments/booking.views.tsx';
import { translator } from '../../src/platform/i18n/index.ts';

const inLanguage = (lang: 'lv' | 'en') => ({ lang, t: translator(lang) });

describe('free seats of a time', () => {
  it('Latvian: "brīva vieta" for 1, 21, 31, 101; "brīvas vietas" for 2, 11, 12, 20; "nav brīvu vietu" for 0', () => {
    const lv = inLanguage('lv');
    for (const n of [1, 21, 31, 101]) assert.equal(freeSeatsText(n, lv), `${n} brīva vieta`);
    for (const n of [2, 5, 10, 11, 12, 19, 20, 22, 111]) assert.equal(freeSeatsText(n, lv), `${n} brīvas vietas`);
    assert.equal(freeSeatsText(0, lv), 'nav brīvu vietu');
  });
  it('English: "1 seat free", "21 seats free", "no seats free"', () => {
    const en = inLanguage('en');
    assert.equal(freeSeatsText(1, en), '1 seat free');
    assert.equal(freeSeatsText(21, en), '21 seats free');
    assert.equal(freeSeatsText(0, en), 'no seats free');
  });
});

describe('appointment mails', () => {
  it('greet without a name in Latvian and say the booking neutrally, not "esat pieteicies"', () => {
    const t = translator('lv');
    assert.equal(t('appointments.mail.greeting', { name: 'Jānis Ozols' }), 'Labdien!');
    assert.equal(t('appointments.mail.confirmed', { service: 'Konsultācija' }), 'Jūsu pieraksts uz pakalpojumu “Konsultācija” ir apstiprināts.');
    assert.doesNotMatch(t('appointments.mail.reminder', { service: 'Konsultācija' }), /pieteicies|pieteikusies/);
  });
});
