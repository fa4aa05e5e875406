import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../../test/support/test-platform.ts';

describe('privacy notice and accessibility statement', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform('pglite');
  });
  after(() => platform.close());
  const get = (url: string) => platform.app.inject({ url });

  it('/{agency}/privatums: controller, DPO, purposes, retention per kind from the same settings the job uses, rights', async () => {
    const res = await get('/vsaa/privatums');
    assert.equal(res.statusCode, 200);
    const retention = platform.deps.agencies.get('vsaa')?.privacy?.retention;
    assert.equal(retention?.inquiry.period.amount, 5);
    assert.match(res.body, /<dt>Iesniegumi un jautājumi<\/dt><dd>5 gadi, anonimizē/);
    assert.match(res.body, /<dt>Nosūtītās e-pasta vēstules<\/dt><dd>90 dienas, dzēš<\/dd>/);
    assert.match(res.body, /das@vsaa\.gov\.lv/);
    assert.match(res.body, /VDAR 15\. pants/);
    assert.match(res.body, /Datu valsts inspekcijai/);
    const en = await get('/kase/privatums?lang=en');
    assert.match(en.body, /<dt>Submissions and questions<\/dt><dd>5 years, anonymised/);
    assert.match(en.body, /State Treasury, reg\. No 90000614632/);
  });

  it('/{agency}/pieejamiba: status, how it was assessed, exceptions, feedback contact, enforcement body (LV and EN)', async () => {
    const lv = await get('/vsaa/pieejamiba');
    assert.equal(lv.statusCode, 200);
    assert.match(lv.body, /Ministru kabineta 2020\. gada 14\. jūlija noteikumiem Nr\. 445/);
    assert.match(lv.body, /daļēji atbilst/);
    assert.match(lv.body, /axe-core/);
    assert.match(lv.body, /pasts@vsaa\.gov\.lv/);
    assert.match(lv.body, /Tiesībsarga birojā/);
    assert.match(lv.body, /Paziņojums sagatavots: 2026\. gada 30\. novembris\./);
    const en = await get('/vsaa/pieejamiba?lang=en');
    assert.match(en.body, /Cabinet Regulation No 445/);
    assert.match(en.body, /Ombudsman/);
    assert.equal((await get('/nav-tadas/pieejamiba')).statusCode, 404);
  });

  it('every public page links both from its footer: the agency’s own, or the list of agencies', async () => {
    for (const [url, privacy, accessibility] of [
      ['/vsaa/jautajums', '/vsaa/privatums', '/vsaa/pieejamiba'],
      ['/kase', '/kase/privatums', '/kase/pieejamiba'],
      ['/', '/privatums', '/pieejamiba'],
      ['/kalendars', '/privatums', '/pieejamiba'],
    ] as const) {
      const res = await get(url);
      const footer = /<footer[\s\S]*<\/footer>/.exec(res.body)?.[0] ?? '';
      assert.match(footer, new RegExp(`href="${privacy}"`), url);
      assert.match(footer, new RegExp(`href="${accessibility}"`), url);
    }
    const list = await get('/pieejamiba');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /href="\/vsaa\/pieejamiba"/);
    assert.match(list.body, /href="\/kase\/pieejamiba"/);
  });
});
