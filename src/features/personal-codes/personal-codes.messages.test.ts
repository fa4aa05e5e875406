import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PERSONAL_CODE_ERRORS } from '../../domain/personal-code/index.ts';
import { personalCodesMessages } from './personal-codes.messages.ts';

describe('personal-code reasons in the catalog', () => {
  it('has a Latvian and an English sentence for every reason the domain names', () => {
    for (const lang of ['lv', 'en'] as const) {
      assert.deepEqual(Object.keys(personalCodesMessages[lang].reasons).sort(), [...PERSONAL_CODE_ERRORS].sort(), lang);
    }
    for (const reason of PERSONAL_CODE_ERRORS) {
      const lv = personalCodesMessages.lv.reasons[reason];
      const en = personalCodesMessages.en.reasons[reason];
      assert.ok(lv.length > 10 && en.length > 10, reason);
      assert.notEqual(lv, en, reason);
      assert.match(lv, /\.$/, reason);
      assert.match(en, /\.$/, reason);
    }
  });

  it('tells each reason apart, so the client learns what to fix', () => {
    for (const lang of ['lv', 'en'] as const) {
      assert.equal(new Set(Object.values(personalCodesMessages[lang].reasons)).size, PERSONAL_CODE_ERRORS.length, lang);
    }
  });

  it('shows the expected format with an example when the length is wrong', () => {
    assert.equal(personalCodesMessages.lv.reasons['bad-length'], 'Personas kodā jābūt 11 cipariem (piemēram, 010190-10001).');
    assert.match(personalCodesMessages.en.reasons['bad-length'], /11 digits.*010190-10001/);
  });
});
