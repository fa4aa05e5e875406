import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { signedInStaff } from '../../../test/support/staff-accounts.ts';
import type { TestBrowser } from '../../../test/support/http-client.ts';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { buildAsice, makeCa, makeSigner, plainPdf, signedTrustedList, signPdf, zip } from './signatures.testing.ts';

type Attachment = { fileName: string; signatureStatus: string; signatures: Array<Record<string, unknown>> };

for (const target of testTargets()) {
  describe(`e-signature verdicts on inquiries (${target})`, () => {
    let platform: TestPlatform;
    let staff: TestBrowser;
    let edoc: Buffer;
    let untrustedPdf: Buffer;
    before(async () => {
      const ca = await makeCa();
      const dir = await mkdtemp(join(tmpdir(), 'apkalpe-tsl-'));
      const trustedListFile = join(dir, 'lv-tsl.xml');
      await writeFile(trustedListFile, (await signedTrustedList([ca])).xml);
      edoc = Buffer.from(await buildAsice({ 'iesniegums.txt': new TextEncoder().encode('Lūdzu atvērt kontu.') }, [await makeSigner(ca), await makeSigner(ca, { name: 'Anna Kalniņa', personalCode: '320000-00001' })]));
      untrustedPdf = Buffer.from(await signPdf(plainPdf(), await makeSigner(await makeCa('Other CA'))));
      platform = await createTestPlatform(target, { config: { trustedListFile } });
      staff = await signedInStaff(platform, 'specialist@kase.test', 'kase', 'specialist');
    });
    after(() => platform.close());

    const register = (attachments: Array<{ fileName: string; contentType: string; content: Buffer }>) =>
      staff.request({
        method: 'POST',
        url: '/api/v1/staff/kase/inquiries',
        json: {
          channel: 'e-address',
          receivedOn: new Date().toISOString().slice(0, 10),
          name: 'SIA Piemērs',
          text: 'Iesniegums pielikumā.',
          attachments: attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, contentBase64: a.content.toString('base64') })),
        },
      });

    it('the staff JSON gives each attachment signatureStatus and signatures; the detail page says it in plain words', async () => {
      const created = await register([{ fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: edoc }]);
      assert.equal(created.statusCode, 201, created.body);
      const { id } = created.json() as { id: string };
      const detail = (await staff.get(`/api/v1/staff/kase/inquiries/${id}`)).json() as { inquiry: { signed: boolean | null }; attachments: Attachment[] };
      assert.equal(detail.inquiry.signed, true);
      const [file] = detail.attachments;
      assert.equal(file!.signatureStatus, 'valid');
      assert.equal(file!.signatures.length, 2);
      const janis = file!.signatures.find((s) => s.signer === 'Jānis Bērziņš')!;
      assert.equal(janis.personalCode, '010101-12345');
      assert.equal(janis.integrity, true);
      assert.equal(janis.certificateValidAtSigning, true);
      assert.equal(janis.trusted, true);
      assert.deepEqual((janis.revocation as { status: string }).status, 'good', 'the OCSP response the container carries');
      assert.equal(janis.timestampVerified, null, 'no time-stamp in this container');
      assert.match(String(janis.signedAt), /^\d{4}-\d{2}-\d{2}T/);
      const page = await staff.get(`/staff/kase/iesniegumi/${id}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /Paraksts ir derīgs: dokuments nav mainīts/);
      assert.match(page.body, /Parakstītājs: Anna Kalniņa, personas kods 320000-00001/);
      const en = await staff.get(`/staff/kase/iesniegumi/${id}?lang=en`);
      assert.match(en.body, /The signature is valid: the document is unchanged/);
    });

    it('a renamed ZIP or an untrusted PDF signature does not satisfy the channel; the inbox filter finds them', async () => {
      const renamed = await register([{ fileName: 'iesniegums.edoc', contentType: 'application/octet-stream', content: Buffer.from(zip({ 'a.txt': new TextEncoder().encode('x') })) }]);
      const untrusted = await register([{ fileName: 'iesniegums.pdf', contentType: 'application/pdf', content: untrustedPdf }]);
      const good = await register([{ fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: edoc }]);
      const ids = [renamed, untrusted, good].map((r) => {
        assert.equal(r.statusCode, 201, r.body);
        return (r.json() as { id: string }).id;
      });
      const pdfDetail = (await staff.get(`/api/v1/staff/kase/inquiries/${ids[1]}`)).json() as { attachments: Attachment[] };
      assert.equal(pdfDetail.attachments[0]!.signatureStatus, 'invalid');
      assert.equal(pdfDetail.attachments[0]!.signatures[0]!.trusted, false);
      const page = await staff.get(`/staff/kase/iesniegumi/${ids[0]}?lang=lv`);
      assert.match(page.body, /nosaukts kā parakstīts konteiners \(\.edoc\/\.asice\), bet tāds nav/);
      const inbox = (await staff.get('/api/v1/staff/kase/inquiries?status=all&signature=missing-or-invalid')).json() as { items: Array<{ id: string }> };
      const found = new Set(inbox.items.map((i) => i.id));
      assert.ok(found.has(ids[0]!) && found.has(ids[1]!), 'renamed ZIP and untrusted PDF are listed');
      assert.ok(!found.has(ids[2]!), 'the validly signed one is not');
      const html = await staff.get('/staff/kase/iesniegumi?status=all&signature=missing-or-invalid&lang=lv');
      assert.equal(html.statusCode, 200);
      assert.match(html.body, /Nepieciešams, bet nav vai nav derīgs/);
    });

    it('letter registration refuses a zip bomb, unsafe paths and a fake PDF with field errors; nothing is written', async () => {
      const count = async () => ((await platform.deps.db.execute('select count(*)::int as n from inquiries' as never)) as unknown as { rows: Array<{ n: number }> }).rows[0]!.n;
      const before = await count();
      const mimetype = new TextEncoder().encode('application/vnd.etsi.asic-e+zip');
      const cases: Array<[string, Buffer, string]> = [
        ['bomb.edoc', Buffer.from(zip({ mimetype, 'zeros.txt': new Uint8Array(4 * 1024 * 1024) })), 'file.zip-bomb'],
        ['escape.asice', Buffer.from(zip({ mimetype, '../../etc/passwd': mimetype })), 'file.unsafe-path'],
        ['fake.pdf', Buffer.from('<html>not a pdf</html>'), 'content_type_mismatch'],
      ];
      for (const [fileName, content, code] of cases) {
        const response = await register([{ fileName, contentType: fileName.endsWith('.pdf') ? 'application/pdf' : 'application/vnd.etsi.asic-e+zip', content }]);
        assert.equal(response.statusCode, 400, fileName);
        const problem = response.json() as { errors: Array<{ field: string; code: string; message: string }> };
        assert.deepEqual(problem.errors.map((e) => [e.field, e.code]), [['attachments.0', code]]);
        assert.ok(!response.body.includes('passwd') && !response.body.includes('not a pdf'), 'no echo of the content');
      }
      assert.equal(await count(), before);
    });
  });
}
