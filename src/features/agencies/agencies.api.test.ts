import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../platform/clock.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';

type ChannelBody = { channels: Array<{ id: string; kind: string; address: string; openNow: boolean; nextChange: string | null; closesAt: string | null; nextOpening: string | null; alwaysAvailable: boolean; requiresSecureSignature: boolean; subAddressee: string | null }> };

function treasuryPhone(body: ChannelBody) {
  const phone = body.channels.find((c) => c.kind === 'phone');
  assert.ok(phone, 'the Treasury has a phone channel');
  return phone;
}

for (const target of testTargets()) {
  describe(`agencies API (${target})`, () => {
    let platform: TestPlatform;
    let clockAt = '2026-11-23T08:00:00Z'; // Monday 10:00 in Riga
    before(async () => {
      platform = await createTestPlatform(target, { clock: () => fixedClock(clockAt)() });
    });
    after(() => platform.close());

    it('GET /api/health reports the database', async () => {
      const res = await platform.app.inject('/api/health');
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json().database, { kind: target, ok: true });
      assert.deepEqual(res.json().agencies, ['kase', 'vsaa']);
    });

    it('GET /api/v1/agencies lists both tenants with links', async () => {
      const res = await platform.app.inject('/api/v1/agencies');
      assert.equal(res.statusCode, 200);
      const slugs = res.json().agencies.map((a: { slug: string }) => a.slug);
      assert.deepEqual(slugs, ['kase', 'vsaa']);
      assert.equal(res.json().agencies[1].name.lv, 'Valsts sociālās apdrošināšanas aģentūra');
      assert.equal(res.json().agencies[0].links.channels, '/api/v1/agencies/kase/channels');
    });

    it('GET /api/v1/agencies/{slug} returns the profile faithful to the standard', async () => {
      const res = await platform.app.inject('/api/v1/agencies/vsaa');
      assert.equal(res.statusCode, 200);
      const profile = res.json();
      assert.equal(profile.legalAddress, 'Lāčplēša iela 70A, Rīga, LV-1011');
      assert.ok(profile.channels.some((c: { address: string }) => c.address === '64507020'));
      assert.equal(profile.booking.anyCentreRegardlessOfResidence, true);
      assert.equal(profile.clientMayExpect.length, 7);
    });

    it('unknown agency is a 404 problem', async () => {
      const res = await platform.app.inject('/api/v1/agencies/nav-tadas');
      assert.equal(res.statusCode, 404);
      assert.match(res.headers['content-type'] as string, /application\/problem\+json/);
      assert.equal(res.json().status, 404);
      assert.equal(res.json().code, 'agency-not-found');
    });

    it('channels: Treasury phone open on Monday 10:00 Riga, closing 17:15', async () => {
      clockAt = '2026-11-23T08:00:00Z';
      const body = (await platform.app.inject('/api/v1/agencies/kase/channels')).json() as ChannelBody;
      const phone = treasuryPhone(body);
      assert.equal(phone.address, '+371 67094368');
      assert.equal(phone.openNow, true);
      assert.equal(phone.nextChange, '2026-11-23T17:15:00+02:00');
      const email = body.channels.find((c) => c.address === 'ekase@kase.gov.lv');
      assert.equal(email?.alwaysAvailable, true);
      assert.equal(email?.requiresSecureSignature, true);
      const eAddress = body.channels.find((c) => c.kind === 'e-address');
      assert.equal(eAddress?.subAddressee, 'KLIENTU APKALPOŠANA');
    });

    it('channels: on Saturday the phone is closed and opens Monday 08:30', async () => {
      clockAt = '2026-11-21T10:00:00Z';
      const phone = treasuryPhone((await platform.app.inject('/api/v1/agencies/kase/channels')).json());
      assert.equal(phone.openNow, false);
      assert.equal(phone.nextChange, '2026-11-23T08:30:00+02:00');
    });

    it('channels: the pre-holiday day 17 Nov 2026 closes an hour early; 18 Nov is skipped', async () => {
      clockAt = '2026-11-17T14:20:00Z'; // 16:20 Riga: after the shortened 16:15 close
      const phone = treasuryPhone((await platform.app.inject('/api/v1/agencies/kase/channels')).json());
      assert.equal(phone.openNow, false);
      assert.equal(phone.nextOpening, '2026-11-19T08:30:00+02:00');
      clockAt = '2026-11-17T14:00:00Z'; // 16:00 Riga: still open, closing 16:15
      const open = treasuryPhone((await platform.app.inject('/api/v1/agencies/kase/channels')).json());
      assert.equal(open.openNow, true);
      assert.equal(open.closesAt, '2026-11-17T16:15:00+02:00');
    });

    it('OpenAPI document is generated from the route schemas', async () => {
      const res = await platform.app.inject('/api/openapi.json');
      assert.equal(res.statusCode, 200);
      const doc = res.json();
      assert.match(doc.openapi, /^3\./);
      for (const path of ['/api/health', '/api/v1/agencies', '/api/v1/agencies/{slug}', '/api/v1/agencies/{slug}/channels', '/api/v1/agencies/validate']) {
        assert.ok(doc.paths[path], `OpenAPI has ${path}`);
      }
      const channelSchema = JSON.stringify(doc.paths['/api/v1/agencies/{slug}/channels'].get.responses['200']);
      assert.match(channelSchema, /openNow/);
      assert.match(channelSchema, /nextChange/);
    });

    it('browsable API docs are served at /api/docs', async () => {
      const res = await platform.app.inject('/api/docs/');
      assert.equal(res.statusCode, 200);
      assert.match(res.body, /swagger/i);
    });
  });
}
