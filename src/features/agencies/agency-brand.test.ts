import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { contrastWithWhite } from './agency-presentation.schema.ts';
import { AgencyProfileSchema } from './agency-profile.schema.ts';

const profileOf = async (slug: string) => parseYaml(await readFile(new URL(`../../../agencies/${slug}.yaml`, import.meta.url), 'utf8')) as Record<string, unknown>;

/** The messages of a profile whose brand (or contact section) is replaced. */
async function issuesWith(change: Record<string, unknown>): Promise<string[]> {
  const result = AgencyProfileSchema.safeParse({ ...(await profileOf('vsaa')), ...change });
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('an agency brand in the profile', () => {
  it('computes the WCAG contrast against white', () => {
    assert.equal(contrastWithWhite('#ffffff'), 1);
    assert.equal(Math.round(contrastWithWhite('#000000')), 21);
    assert.ok(Math.abs(contrastWithWhite('#767676') - 4.54) < 0.01);
  });

  it('takes a #rrggbb colour dark enough for white text, and refuses anything else with the field path', async () => {
    assert.deepEqual(await issuesWith({ brand: { colour: '#00567d' } }), []);
    assert.deepEqual(await issuesWith({ brand: { colour: '#ffcc00' } }), ['brand.colour: White text on this colour is below the 4.5:1 contrast of WCAG AA: choose a darker colour']);
    assert.deepEqual(await issuesWith({ brand: { colour: 'red' } }), ['brand.colour: Use a hex colour #rrggbb, e.g. #0b5394']);
    assert.deepEqual(await issuesWith({ brand: { colour: '#00567d; } body { display: none' } }), ['brand.colour: Use a hex colour #rrggbb, e.g. #0b5394']);
    const noEnglish = await issuesWith({ brand: { colour: '#00567d', mark: { lv: 'VSAA' } } });
    assert.deepEqual(noEnglish.map((issue) => issue.split(':')[0]), ['brand.mark.en']);
  });

  it('a contact of the standard names only known channels, and no queue where no centre takes walk-ins', async () => {
    const kase = await profileOf('kase');
    const sections = [{ heading: { lv: 'Rinda', en: 'Queue' }, contacts: [{ text: { lv: 'Rindā', en: 'In the queue' }, channels: ['nav-tada'], pages: ['queue'] }] }];
    const result = AgencyProfileSchema.safeParse({ ...kase, contactSections: sections });
    assert.equal(result.success, false);
    assert.deepEqual(result.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`), [
      'contactSections.0.contacts.0.channels.0: Unknown channel "nav-tada"',
      'contactSections.0.contacts.0.pages.0: No queue page: no service centre offers it',
    ]);
  });
});

for (const target of testTargets()) {
  describe(`each agency looks its own (${target})`, () => {
    let platform: TestPlatform;
    before(async () => {
      platform = await createTestPlatform(target);
    });
    after(() => platform.close());

    it('/{agency}/brand.css sets the agency colour on its class, as text/css', async () => {
      const vsaa = await platform.app.inject('/vsaa/brand.css');
      assert.equal(vsaa.statusCode, 200);
      assert.match(String(vsaa.headers['content-type']), /^text\/css/);
      assert.equal(vsaa.body, 'body.agency-vsaa { --brand: #00567d; }\n');
      const kase = await platform.app.inject('/kase/brand.css');
      assert.equal(kase.body, 'body.agency-kase { --brand: #14532d; }\n');
      assert.equal((await platform.app.inject('/nav-tada/brand.css')).statusCode, 404);
    });

    it('an agency page carries its class, its stylesheet and its name mark; the portal home and staff pages do not', async () => {
      for (const [slug, mark] of [['vsaa', 'VSAA'], ['kase', 'Valsts kase']] as const) {
        for (const path of [`/${slug}`, `/${slug}/standarts`, `/${slug}/kontakti`, `/${slug}/jautajums`]) {
          const res = await platform.app.inject(path);
          assert.match(res.body, new RegExp(`<body class="agency-${slug}">`), path);
          assert.match(res.body, new RegExp(`<link rel="stylesheet" href="/${slug}/brand.css"/>`), path);
          assert.match(res.body, new RegExp(`<a class="agency-mark" href="/${slug}"[^>]*>${mark}</a>`), path);
          assert.doesNotMatch(res.body, /style="/, path);
        }
      }
      assert.match((await platform.app.inject('/kase?lang=en')).body, /<a class="agency-mark" href="\/kase" title="State Treasury">Treasury<\/a>/);
      const home = await platform.app.inject('/');
      assert.doesNotMatch(home.body, /brand\.css|agency-mark|class="agency-/);
    });
  });
}
