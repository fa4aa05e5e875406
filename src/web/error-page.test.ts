import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../test/support/test-platform.ts';

describe('a visitor’s error page', () => {
  let platform: TestPlatform;
  before(async () => {
    platform = await createTestPlatform('pglite');
  });
  after(() => platform.close());

  const switchHref = (body: string) => /<a class="lang-switch" href="([^"]*)"/.exec(body)?.[1];

  it('never repeats the address: the language switch keeps the path by a relative `?lang=` and drops the query', async () => {
    const res = await platform.app.inject('/nav/tadas/lapas?filtrs=%3Cb%3Eslikts%3C%2Fb%3E');
    assert.equal(res.statusCode, 404);
    assert.equal(switchHref(res.body), '?lang=en');
    assert.doesNotMatch(res.body, /slikts|filtrs|tadas/);
    assert.doesNotMatch(res.body, /aria-current/, 'no navigation item is current on an error page');
  });

  it('a refused search (a NUL byte in the query) names the field, not the value, and switches language in place', async () => {
    const res = await platform.app.inject('/vsaa/buj?q=%00abc');
    assert.equal(res.statusCode, 400);
    assert.equal(switchHref(res.body), '?lang=en');
    assert.doesNotMatch(res.body, /abc/);
  });

  it('the same refusal is the same page for every address; each language and message its own', async () => {
    const first = await platform.app.inject('/nav/viena');
    const second = await platform.app.inject('/nav/otra?x=1');
    assert.equal(first.body, second.body);
    const english = await platform.app.inject('/nav/viena?lang=en');
    assert.notEqual(english.body, first.body);
    assert.match(english.body, /<html lang="en"/);
    assert.equal(switchHref(english.body), '?lang=lv');
    const other = await platform.app.inject('/vsaa/buj?q=%00');
    assert.notEqual(other.body, first.body);
  });
});
