import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskSecrets } from './mask-secrets.ts';

describe('maskSecrets', () => {
  it('masks a token in a link and the survey invitation token, and keeps the rest of the line', () => {
    assert.equal(
      maskSecrets('Pārvaldīt: https://apkalpe.lv/vsaa/pieraksts?token=abc123&lang=lv un https://apkalpe.lv/vsaa/aptauja/XyZ987'),
      'Pārvaldīt: https://apkalpe.lv/vsaa/pieraksts?token=••••••••&lang=lv un https://apkalpe.lv/vsaa/aptauja/••••••••',
    );
    assert.equal(maskSecrets('https://apkalpe.lv/vsaa/aptauja/paldies'), 'https://apkalpe.lv/vsaa/aptauja/paldies');
  });

  it('masks the access code after its Latvian label in any letter case, and after the English one', () => {
    assert.equal(maskSecrets('Piekļuves kods: K7Q2-9XZT'), 'Piekļuves kods: ••••••••');
    assert.equal(maskSecrets('PIEKĻUVES KODS:K7Q2'), 'PIEKĻUVES KODS:••••••••');
    assert.equal(maskSecrets('Access code: K7Q2 (keep it)'), 'Access code: •••••••• (keep it)');
    assert.equal(maskSecrets('Piekluves kods: K7Q2'), 'Piekluves kods: K7Q2');
  });
});
