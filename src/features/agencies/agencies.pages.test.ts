import assert from 'node:assert/strict';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

const root = new URL('../../../', import.meta.url).pathname;

for (const target of testTargets()) {
  describe(`public portal pages (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target, { clock: fixedClock('2026-11-23T08:00:00Z') });
    });
    after(() => platform.close());

    it('/ lists both agencies, in Latvian by default', async () => {
      const res = await platform.app.inject('/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /<html lang="lv"/);
      assert.match(res.body, /href="\/vsaa"/);
      assert.match(res.body, /href="\/kase"/);
      assert.match(res.body, /Valsts kase/);
    });

    it('?lang=en switches to English and remembers it in a cookie', async () => {
      const res = await platform.app.inject('/?lang=en');
      assert.match(res.body, /<html lang="en"/);
      assert.match(res.body, /State Treasury/);
      const cookie = [res.headers['set-cookie']].flat().join(';');
      assert.match(cookie, /lang=en/);
      const next = await platform.app.inject({ url: '/kase', headers: { cookie: 'lang=en' } });
      assert.match(next.body, /<html lang="en"/);
      assert.match(next.body, /href="\/kase\?lang=lv"/, 'a visible switch back to Latvian');
    });

    it('/vsaa/standarts renders the whole VSAA standard from its profile', async () => {
      const res = await platform.app.inject('/vsaa/standarts');
      assert.equal(res.statusCode, 200);
      for (const text of [
        'Aģentūras mērķis ir nodrošināt klientiem ērti pieejamus pakalpojumus',
        'kļūdu gadījumā tās atzīst, atvainojas',
        'nepieņem dāvanas vai citus materiālus labumus',
        'uzrāda personu apliecinošu dokumentu',
        'aizliegts atrasties alkoholisko vai citu apreibinošu vielu ietekmē',
        'Iesniegumu likum',
      ]) {
        assert.ok(res.body.includes(text), `standard page shows: ${text}`);
      }
      const en = await platform.app.inject('/vsaa/standarts?lang=en');
      assert.match(en.body, /Client service standard/);
      assert.doesNotMatch(en.body, /Aģentūras mērķis ir/);
    });

    it('/kase/standarts shows the values, the notices and the in-person rules', async () => {
      const res = await platform.app.inject('/kase/standarts');
      for (const text of ['Profesionalitāte', 'Operativitāte', 'videonovērošana', 'sarunas tiek ierakstītas', 'vismaz divas darbdienas']) {
        assert.ok(res.body.includes(text), `Treasury standard shows: ${text}`);
      }
    });

    it('/kase/kontakti lists every channel with hours and the open-now status', async () => {
      const res = await platform.app.inject('/kase/kontakti');
      assert.equal(res.statusCode, 200);
      for (const text of ['+371 67094368', 'ekase@kase.gov.lv', 'pasts@kase.gov.lv', 'KLIENTU APKALPOŠANA', 'Smilšu iela 1', 'Latvija.lv']) {
        assert.ok(res.body.includes(text), `contacts show ${text}`);
      }
      assert.match(res.body, /pirmdiena–ceturtdiena: 08:30–17:15/);
      assert.match(res.body, /piektdiena: 08:30–16:00/);
      assert.match(res.body, /Atvērts līdz 17:15/);
    });

    it('/vsaa/kontakti is in English with ?lang=en and shows closed channels with the next opening', async () => {
      const closed = await createTestPlatform(target, { clock: fixedClock('2026-11-21T10:00:00Z') });
      try {
        const res = await closed.app.inject('/vsaa/kontakti?lang=en');
        assert.match(res.body, /64507020/);
        assert.match(res.body, /Closed, opens Monday/);
      } finally {
        await closed.close();
      }
    });

    it('unknown agency page is a 404', async () => {
      const res = await platform.app.inject('/nav-tada/standarts');
      assert.equal(res.statusCode, 404);
    });
  });

  describe(`a third agency is one profile file (${target})`, () => {
    let platform: TestPlatform;
    let dir: string;
    before(async () => {
      dir = await mkdtemp(join(tmpdir(), 'apkalpe-agencies-'));
      for (const file of ['vsaa.yaml', 'kase.yaml']) await copyFile(join(root, 'agencies', file), join(dir, file));
      await copyFile(join(root, 'src/features/agencies/fixtures/third-agency/demo.yaml'), join(dir, 'demo.yaml'));
      platform = await createTestPlatform(target, { agenciesDir: dir });
    });
    after(async () => {
      await platform.close();
      await rm(dir, { recursive: true, force: true });
    });

    it('appears in the portal and the API with no code change', async () => {
      const list = await platform.app.inject('/api/v1/agencies');
      assert.deepEqual(list.json().agencies.map((a: { slug: string }) => a.slug), ['demo', 'kase', 'vsaa']);
      assert.equal((await platform.app.inject('/demo/standarts')).statusCode, 200);
      assert.equal((await platform.app.inject('/demo/kontakti')).statusCode, 200);
      assert.equal((await platform.app.inject('/api/v1/agencies/demo/channels')).statusCode, 200);
      assert.match((await platform.app.inject('/')).body, /href="\/demo"/);
    });
  });
}
