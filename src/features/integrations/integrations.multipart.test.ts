import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { createTestPlatform, testTargets, type TestPlatform } from '../../../test/support/test-platform.ts';
import { buildAsice, makeCa, makeSigner, plainPdf, signPdf, zip } from '../signatures/signatures.testing.ts';
import { newKey } from './integrations.testing.ts';

const URL_KASE = '/api/v1/integrations/kase/documents';

type FilePart = { fileName: string; contentType: string; content: Uint8Array; field?: string };

/** A multipart/form-data body as a browser or an HTTP client would send it. */
async function multipart(fields: Record<string, string>, files: FilePart[] = []): Promise<{ payload: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const f of files) form.append(f.field ?? 'files', new Blob([new Uint8Array(f.content)], { type: f.contentType }), f.fileName);
  const response = new Response(form);
  return { payload: Buffer.from(await response.arrayBuffer()), contentType: response.headers.get('content-type')! };
}

async function counts(platform: TestPlatform): Promise<number[]> {
  const result = await platform.deps.db.execute(
    sql`select (select count(*) from inquiries)::int as a, (select count(*) from integration_deliveries)::int as b, (select count(*) from audit_log)::int as c, (select count(*) from inquiry_attachments)::int as d`,
  );
  const row = (result as unknown as { rows: Array<{ a: number; b: number; c: number; d: number }> }).rows[0]!;
  return [row.a, row.b, row.c, row.d];
}

for (const target of testTargets()) {
  describe(`integration API, multipart/form-data (${target})`, () => {
    let platform: TestPlatform;
    let key: string;
    let edoc: Uint8Array;
    let signedPdf: Uint8Array;
    let seq = 0;
    before(async () => {
      platform = await createTestPlatform(target);
      key = (await newKey(platform, 'kase')).key;
      const signer = await makeSigner(await makeCa(), { name: 'JĀNIS BĒRZIŅŠ', personalCode: 'PNOLV-010190-12345' });
      edoc = await buildAsice({ 'iesniegums.txt': new TextEncoder().encode('Lūdzu slēgt kontu.') }, [signer]);
      signedPdf = await signPdf(plainPdf('Iesniegums'), signer);
    });
    after(() => platform.close());

    const fields = (over: Record<string, string> = {}) => ({
      channel: 'e-address',
      externalMessageId: `mp-${Date.now()}-${seq++}`,
      'sender.name': 'SIA Piemērs',
      'sender.registrationNumber': '40003000000',
      'sender.eAddress': '_DEFAULT@40003000000',
      subAddressee: 'KLIENTU APKALPOŠANA',
      subject: 'Konta slēgšana',
      text: 'Lūdzu slēgt kontu.',
      ...over,
    });
    const post = (body: { payload: Buffer | Readable; contentType: string }, auth: string | null = key) =>
      platform.app.inject({ method: 'POST', url: URL_KASE, payload: body.payload, headers: { 'content-type': body.contentType, ...(auth ? { authorization: `Bearer ${auth}` } : {}) } });

    it('files a multipart delivery with its files as parts; signatures are verified (ASiC-E and PAdES); the sender and sub-addressee are kept', async () => {
      const body = fields();
      const response = await post(
        await multipart(body, [
          { fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: edoc },
          { fileName: 'pielikums.pdf', contentType: 'application/pdf', content: signedPdf },
        ]),
      );
      assert.equal(response.statusCode, 201, response.body);
      const result = response.json() as { inquiryId: string; reference: string; duplicate: boolean; files: Array<{ fileName: string; signatureStatus: string }> };
      assert.match(result.reference, /^KASE-\d{4}-\d{6}$/);
      assert.deepEqual(
        result.files.map((f) => [f.fileName, f.signatureStatus]),
        [
          ['iesniegums.edoc', 'qualification-not-checked'],
          ['pielikums.pdf', 'qualification-not-checked'],
        ],
      );
      const inquiry = ((await platform.deps.db.execute(sql`select channel, signed, requester_name, subject from inquiries where id = ${result.inquiryId}`)) as unknown as { rows: Array<Record<string, unknown>> }).rows[0]!;
      assert.deepEqual(inquiry, { channel: 'e-address', signed: true, requester_name: 'SIA Piemērs (40003000000)', subject: 'Konta slēgšana' });
      const stored = ((await platform.deps.db.execute(sql`select file_name, size from inquiry_attachments where inquiry_id = ${result.inquiryId} order by file_name`)) as unknown as { rows: Array<{ file_name: string; size: number }> }).rows;
      assert.deepEqual(stored.map((s) => [s.file_name, Number(s.size)]), [
        ['iesniegums.edoc', edoc.length],
        ['pielikums.pdf', signedPdf.length],
      ]);
      const delivery = ((await platform.deps.db.execute(sql`select sub_addressee, sender_e_address from integration_deliveries where inquiry_id = ${result.inquiryId}`)) as unknown as { rows: Array<Record<string, unknown>> }).rows[0]!;
      assert.deepEqual(delivery, { sub_addressee: 'KLIENTU APKALPOŠANA', sender_e_address: '_DEFAULT@40003000000' });
      const audit = ((await platform.deps.db.execute(sql`select action from audit_log where record_id = ${result.inquiryId}`)) as unknown as { rows: Array<{ action: string }> }).rows;
      assert.ok(audit.some((a) => a.action === 'integration.document-delivered'));

      // The same external message id again (multipart or JSON) returns the first inquiry.
      const before = await counts(platform);
      const again = await post(await multipart(body, [{ fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: edoc }]));
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual([(again.json() as { inquiryId: string }).inquiryId, (again.json() as { duplicate: boolean }).duplicate], [result.inquiryId, true]);
      const asJson = await platform.app.inject({
        method: 'POST',
        url: URL_KASE,
        headers: { authorization: `Bearer ${key}` },
        payload: { channel: 'e-address', externalMessageId: body.externalMessageId, sender: { name: 'SIA Piemērs' }, text: 'x', files: [] },
      });
      assert.equal(asJson.statusCode, 200);
      assert.equal((asJson.json() as { inquiryId: string }).inquiryId, result.inquiryId);
      assert.deepEqual((await counts(platform)).slice(0, 2), before.slice(0, 2), 'no new inquiry, no new delivery');
    });

    it('a delivery without files and without optional fields is filed', async () => {
      const response = await post(await multipart({ channel: 'latvija-lv', externalMessageId: `mp-bare-${seq++}`, 'sender.name': 'Anna Ozola', 'sender.personalCode': '', text: 'Jautājums bez pielikumiem.' }));
      assert.equal(response.statusCode, 201, response.body);
      assert.deepEqual((response.json() as { files: unknown[] }).files, []);
    });

    it('the key is checked before the body is read: missing/revoked → 401, another agency’s → 403; the stream is never read and nothing is written', async () => {
      const vsaa = await newKey(platform, 'vsaa');
      const revoked = await newKey(platform, 'kase');
      await platform.deps.db.execute(sql`update integration_keys set revoked_at = now() where id = ${revoked.row.id}`);
      const before = await counts(platform);
      const body = await multipart(fields(), [{ fileName: 'iesniegums.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: edoc }]);
      for (const [auth, status, code] of [
        [null, 401, 'integration-key-required'],
        [revoked.key, 401, 'integration-key-required'],
        [vsaa.key, 403, 'integration-key-other-agency'],
      ] as const) {
        let read = false;
        const stream = new Readable({
          read() {
            read = true;
            this.push(body.payload);
            this.push(null);
          },
        });
        const response = await post({ payload: stream, contentType: body.contentType }, auth);
        assert.equal(response.statusCode, status, response.body);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        assert.equal((response.json() as { code: string }).code, code);
        assert.equal(read, false, `${code}: the body was not read`);
      }
      assert.deepEqual(await counts(platform), before);
    });

    it('a body without a boundary or cut short → 400 problem+json; files over the total limit → 413; nothing written', async () => {
      const before = await counts(platform);
      const good = await multipart(fields(), [{ fileName: 'a.pdf', contentType: 'application/pdf', content: plainPdf('x') }]);
      const noBoundary = await post({ payload: good.payload, contentType: 'multipart/form-data' });
      assert.equal(noBoundary.statusCode, 400, noBoundary.body);
      assert.match(String(noBoundary.headers['content-type']), /^application\/problem\+json/);
      assert.equal((noBoundary.json() as { code: string }).code, 'malformed-body');
      const cut = await post({ payload: good.payload.subarray(0, good.payload.length - 60), contentType: good.contentType });
      assert.equal(cut.statusCode, 400, cut.body);
      assert.match(String(cut.headers['content-type']), /^application\/problem\+json/);
      const nineMb = new Uint8Array(9 * 1024 * 1024);
      const tooMuch = await post(
        await multipart(fields(), [0, 1, 2].map((i) => ({ fileName: `scan-${i}.pdf`, contentType: 'application/pdf', content: nineMb }))),
      );
      assert.equal(tooMuch.statusCode, 413, tooMuch.body);
      assert.equal((tooMuch.json() as { code: string }).code, 'payload-too-large');
      const elevenFiles = await post(await multipart(fields(), Array.from({ length: 11 }, (_, i) => ({ fileName: `f${i}.pdf`, contentType: 'application/pdf', content: plainPdf('x') }))));
      assert.equal(elevenFiles.statusCode, 400, elevenFiles.body);
      assert.ok((elevenFiles.json() as { errors: Array<{ field: string }> }).errors.some((e) => e.field === 'files'));
      assert.deepEqual(await counts(platform), before);
    });

    it('bad files and fields → the same 4xx and field errors as the base64 path, never an echo; nothing written', async () => {
      const before = await counts(platform);
      const mimetype = new TextEncoder().encode('application/vnd.etsi.asic-e+zip');
      const cases: Array<[Record<string, string>, FilePart[], string, string]> = [
        [{}, [{ fileName: 'run.exe', contentType: 'application/x-msdownload', content: new Uint8Array([0x4d, 0x5a]) }], 'attachments.0', 'type_not_allowed'],
        [{}, [{ fileName: 'bomb.edoc', contentType: 'application/vnd.etsi.asic-e+zip', content: zip({ mimetype, 'z.txt': new Uint8Array(4 * 1024 * 1024) }) }], 'attachments.0', 'file.zip-bomb'],
        [{}, [{ fileName: 'x.asice', contentType: 'application/vnd.etsi.asic-e+zip', content: zip({ mimetype, '../../etc/cron.d/x': mimetype }) }], 'attachments.0', 'file.unsafe-path'],
        [{}, [{ fileName: 'lēmums.pdf', contentType: 'application/pdf', content: new TextEncoder().encode('MZ not a pdf') }], 'attachments.0', 'file.not-a-pdf'],
        [{ text: 'Sveiki\u0000pasaule' }, [], 'text', ''],
        [{ channel: 'fax' }, [], 'channel', ''],
        [{ 'sender.personalCode': '999999-99999' }, [], 'sender.personalCode', ''],
        [{ 'sender.name': '' }, [], 'sender.name', ''],
        [{ 'sender.registrationNumber': 'pasaule' }, [], 'sender.registrationNumber', ''],
        [{ text: 'x'.repeat(20_001) }, [], 'text', ''],
      ];
      for (const [over, files, field, code] of cases) {
        const response = await post(await multipart(fields(over), files));
        assert.equal(response.statusCode, 400, `${field}: ${response.body.slice(0, 300)}`);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        const problem = response.json() as { errors: Array<{ field: string; code: string; message: string }> };
        assert.ok(problem.errors.some((e) => e.field === field && (!code || e.code === code)), `${field} ${code}: ${JSON.stringify(problem.errors)}`);
        assert.ok(!response.body.includes('cron.d') && !response.body.includes('pasaule') && !response.body.includes('999999-99999'), 'no echo of the input');
      }
      // An unknown field, and a file part under another name, are refused like unknown JSON properties.
      for (const body of [await multipart(fields({ colour: 'zils' })), await multipart(fields(), [{ field: 'attachment', fileName: 'a.pdf', contentType: 'application/pdf', content: plainPdf('x') }])]) {
        const response = await post(body);
        assert.equal(response.statusCode, 400, response.body);
      }
      // Field errors are in the request's language: Latvian by default.
      const lv = await post(await multipart(fields({ 'sender.registrationNumber': '123' })));
      assert.ok((lv.json() as { errors: Array<{ field: string; message: string }> }).errors.some((e) => e.field === 'sender.registrationNumber' && e.message === 'Reģistrācijas numurs ir 11 cipari.'), lv.body);
      assert.deepEqual(await counts(platform), before);
    });

    it('the OpenAPI document shows both content types of the route', async () => {
      const doc = (await platform.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, { post?: { requestBody?: { content: Record<string, { schema: { properties?: Record<string, { type?: string; items?: { format?: string } }> } }> } } }>;
      };
      const content = doc.paths['/api/v1/integrations/{agency}/documents']!.post!.requestBody!.content;
      assert.deepEqual(Object.keys(content).sort(), ['application/json', 'multipart/form-data']);
      const json = content['application/json']!.schema.properties!;
      const form = content['multipart/form-data']!.schema.properties!;
      assert.ok(json.sender && json.files, 'JSON: nested sender, base64 files');
      assert.ok(form['sender.name'] && form['sender.personalCode'] && form.text && form.externalMessageId, 'multipart: the same fields, the sender’s as sender.<field>');
      assert.equal(form.files?.items?.format, 'binary');
    });
  });
}
