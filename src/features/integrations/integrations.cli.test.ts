import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createTestPlatform, type TestPlatform } from '../../../test/support/test-platform.ts';
import { buildAsice, makeCa, makeSigner } from '../signatures/signatures.testing.ts';
import { simulateDelivery } from './integrations.cli.ts';
import { newKey } from './integrations.testing.ts';

describe('npx apkalpe integration simulate (a client of the public API)', () => {
  let platform: TestPlatform;
  let baseUrl: string;
  let dir: string;
  before(async () => {
    platform = await createTestPlatform('pglite');
    baseUrl = await platform.app.listen({ port: 0, host: '127.0.0.1' });
    dir = await mkdtemp(join(tmpdir(), 'apkalpe-sim-'));
  });
  after(() => platform.close());

  it('delivers the files over HTTP and prints the inquiry; a wrong key prints the 401 and exits 1', async () => {
    const { key } = await newKey(platform, 'kase');
    const file = join(dir, 'iesniegums.edoc');
    await writeFile(file, await buildAsice({ 'a.txt': new TextEncoder().encode('Lūdzu.') }, [await makeSigner(await makeCa())]));
    const lines: string[] = [];
    const errors: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => errors.push(t) };
    assert.equal(await simulateDelivery({ baseUrl, key, agency: 'kase', channel: 'e-address', files: [file], messageId: 'sim-1' }, io), 0, errors.join('\n'));
    const result = JSON.parse(lines[0]!) as { reference: string; files: Array<{ fileName: string; signatureStatus: string }> };
    assert.match(result.reference, /^KASE-/);
    assert.deepEqual(result.files, [{ fileName: 'iesniegums.edoc', signatureStatus: 'qualification-not-checked' }]);
    assert.equal(await simulateDelivery({ baseUrl, key: 'apk_wrong-key-0000', agency: 'kase', channel: 'e-address', files: [file] }, io), 1);
    assert.match(errors.at(-1)!, /^401: /);
    assert.equal(await simulateDelivery({ baseUrl, key, agency: 'kase', channel: 'e-address', files: [join(dir, 'missing.pdf')] }, io), 1);
    assert.match(errors.at(-1)!, /^Cannot read /);
  });
});
