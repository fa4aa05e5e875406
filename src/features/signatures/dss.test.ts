import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import type { Signature, VerificationOutcome, VerificationReport } from './signatures.schema.ts';
import { appendDocTimestamp, appendDss, crlOf, makeCa, makeServiceCert, makeSigner, ocspResponse, plainPdf, signedTrustedList, signPdf, type TestKeyHolder } from './signatures.testing.ts';
import { readTrustedList } from './trusted-list.ts';
import type { TrustAnchors } from './trust.ts';
import { verifyDocument } from './verify.ts';

function reportOf(outcome: VerificationOutcome): VerificationReport {
  assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
  return (outcome as { report: VerificationReport }).report;
}
const only = (r: VerificationReport): Signature => {
  assert.equal(r.signatures.length, 1, JSON.stringify(r));
  return r.signatures[0]!;
};

describe('PAdES-LT: revocation data in the document security store (/DSS) of an incremental update', () => {
  let ca: TestKeyHolder;
  let janis: TestKeyHolder;
  let trust: TrustAnchors;
  let signed: Uint8Array;
  before(async () => {
    ca = await makeCa();
    janis = await makeSigner(ca);
    trust = await readTrustedList((await signedTrustedList([ca])).xml, null);
    signed = await signPdf(plainPdf(), janis, new Date(), { ocsp: null }); // nothing inside the CMS
  });
  const verify = (content: Uint8Array) => verifyDocument({ fileName: 'a.pdf', contentType: 'application/pdf', content }, trust, new Date());

  it('a "good" OCSP response in the DSS (compressed or not) → revocation checked, valid; the DSS-only update is not a change after signing', async () => {
    assert.equal(reportOf(await verify(signed)).status, 'qualification-not-checked', 'without the store: not checked');
    const good = await ocspResponse(janis);
    for (const compress of [true, false]) {
      const r = reportOf(await verify(appendDss(signed, { ocsp: [good], compress })));
      assert.equal(r.status, 'valid', JSON.stringify(r));
      assert.deepEqual(r.problems, []);
      assert.equal(only(r).revocation?.status, 'good');
      assert.equal(only(r).revocation?.source, 'OCSP');
      assert.deepEqual(only(r).problems, []);
    }
  });

  it('a "revoked" OCSP response (or a CRL listing the signer) in the DSS → certificate-revoked, invalid', async () => {
    const revokedAt = new Date(Date.now() - 2 * 3_600_000);
    const r = reportOf(await verify(appendDss(signed, { ocsp: [await ocspResponse(janis, { status: { revokedAt } })] })));
    assert.equal(r.status, 'invalid');
    assert.ok(only(r).problems.includes('certificate-revoked'));
    assert.equal(only(r).revocation?.status, 'revoked');
    const crl = reportOf(await verify(appendDss(signed, { crl: [await crlOf(ca, { revoked: [{ cert: janis, at: revokedAt }] })] })));
    assert.equal(crl.status, 'invalid');
    assert.equal(only(crl).revocation?.source, 'CRL');
  });

  it('entries about other certificates (a TSA\'s OCSP answer, another CA\'s CRL) are passed over, not held against the signer', async () => {
    const tsa = await makeServiceCert(ca, 'tsa');
    const otherCa = await makeCa('Another CA');
    const others = { ocsp: [await ocspResponse(tsa)], crl: [await crlOf(otherCa)] };
    const alone = reportOf(await verify(appendDss(signed, others)));
    assert.equal(alone.status, 'qualification-not-checked', JSON.stringify(alone));
    assert.deepEqual(only(alone).problems, ['revocation-not-checked']);
    const beside = reportOf(await verify(appendDss(signed, { ocsp: [...others.ocsp, await ocspResponse(janis)], crl: others.crl })));
    assert.equal(beside.status, 'valid', JSON.stringify(beside));
  });

  it('a DSS update that also changes the page content or adds an annotation → invalid, modified-after-signing', async () => {
    const good = await ocspResponse(janis);
    const text = 'BT /F1 12 Tf (Summa: 1000 EUR) Tj ET';
    const content = appendDss(signed, { ocsp: [good], extra: `4 0 obj\n<</Length ${text.length}>>\nstream\n${text}\nendstream\nendobj\n` });
    const r = reportOf(await verify(content));
    assert.equal(r.status, 'invalid');
    assert.deepEqual(r.problems, ['modified-after-signing']);
    assert.equal(only(r).integrity, true);
    const annotated = appendDss(signed, {
      ocsp: [good],
      extra: '3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Annots[50 0 R]>>\nendobj\n50 0 obj\n<</Type/Annot/Subtype/FreeText/Rect[0 0 100 100]/Contents(Summa: 1000 EUR)>>\nendobj\n',
    });
    assert.deepEqual(reportOf(await verify(annotated)).problems, ['modified-after-signing']);
    // An invisible signature field added to the page (as a document time-stamp does) is not a change.
    const field = appendDss(signed, {
      ocsp: [good],
      extra: '3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R/Annots[51 0 R]>>\nendobj\n51 0 obj\n<</Type/Annot/Subtype/Widget/FT/Sig/T(Signature2)/Rect[0 0 0 0]/P 3 0 R>>\nendobj\n',
    });
    assert.deepEqual(reportOf(await verify(field)).problems, []);
    // A catalog rewritten with more than /DSS (an action on opening) is a change.
    const opened = appendDss(signed, { ocsp: [good], extra: '1 0 obj\n<</Type/Catalog/Pages 2 0 R/DSS 9 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>\nendobj\n' });
    assert.deepEqual(reportOf(await verify(opened)).problems, ['modified-after-signing']);
  });

  it('the update\'s cross-reference as a stream (FlateDecode, PNG predictor) is read too; freeing an object of the signed revision is a change', async () => {
    const good = await ocspResponse(janis);
    const r = reportOf(await verify(appendDss(signed, { ocsp: [good], xrefStream: true })));
    assert.equal(r.status, 'valid', JSON.stringify(r));
    assert.equal(only(r).revocation?.status, 'good');
    // An entry pointing the page content (object 4) at other bytes — here the page's own definition — is a change too.
    const elsewhere = Buffer.from(signed).indexOf('3 0 obj');
    assert.ok(elsewhere > 0);
    for (const xrefStream of [true, false]) {
      const freed = reportOf(await verify(appendDss(signed, { ocsp: [good], xrefStream, free: [4] })));
      assert.deepEqual(freed.problems, ['modified-after-signing'], `xref stream: ${xrefStream}`);
      const repointed = reportOf(await verify(appendDss(signed, { ocsp: [good], xrefStream, repoint: [{ n: 4, offset: elsewhere }] })));
      assert.deepEqual(repointed.problems, ['modified-after-signing'], `xref stream: ${xrefStream}`);
    }
  });

  it('PAdES-LTA: DSS, a document time-stamp, a second DSS → still valid (the time-stamp is not a signature); a change after them is a change', async () => {
    const tsa = await makeServiceCert(ca, 'tsa');
    const lt = appendDss(signed, { ocsp: [await ocspResponse(janis)], certs: [ca] });
    const lta = appendDss(await appendDocTimestamp(lt, tsa), { ocsp: [await ocspResponse(janis), await ocspResponse(tsa)] });
    const r = reportOf(await verify(lta));
    assert.equal(r.status, 'valid', JSON.stringify(r));
    assert.equal(only(r).revocation?.status, 'good');
    assert.deepEqual(r.problems, []);
    const text = 'BT (X) Tj ET';
    const changed = Buffer.concat([Buffer.from(lta), Buffer.from(`4 0 obj\n<</Length ${text.length}>>\nstream\n${text}\nendstream\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n`)]);
    assert.deepEqual(reportOf(await verify(new Uint8Array(changed))).problems, ['modified-after-signing']);
    // A PDF with only a document time-stamp has no signature.
    assert.equal(reportOf(await verify(await appendDocTimestamp(plainPdf(), tsa))).status, 'unsigned');
  });

  it('a DSS stream that is garbage, a broken or oversized FlateDecode stream → no crash, revocation not checked', async () => {
    const garbage = new Uint8Array(Buffer.from('this is not DER at all \x00\x01\x02', 'latin1'));
    for (const pdf of [
      appendDss(signed, { ocsp: [garbage], crl: [garbage], compress: false }),
      appendDss(signed, { ocsp: [garbage] }),
      new Uint8Array(Buffer.from(Buffer.from(appendDss(signed, { ocsp: [await ocspResponse(janis)] })).toString('latin1').replace('/Filter/FlateDecode', '/Filter/LZWDecode  ') /* same length: the xref offsets stay right */, 'latin1')),
    ]) {
      const r = reportOf(await verify(pdf));
      assert.equal(r.status, 'qualification-not-checked', JSON.stringify(r));
      assert.equal(only(r).revocation?.status, 'not-checked');
      assert.deepEqual(r.problems, []);
    }
    // A deflate bomb (64 MB of zeros) is cut off at the bound, quickly.
    const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
    const raw = Buffer.from(appendDss(signed, { ocsp: [new Uint8Array([1])] }));
    const start = performance.now();
    const withBomb = Buffer.concat([raw.subarray(0, raw.lastIndexOf('xref')), Buffer.from(`990 0 obj\n<</Length ${bomb.length}/Filter/FlateDecode>>\nstream\n`), bomb, Buffer.from('\nendstream\nendobj\n991 0 obj\n<</Type/DSS/OCSPs[990 0 R 990 0 R 990 0 R 990 0 R 990 0 R]>>\nendobj\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/DSS 991 0 R>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n')]);
    const r = reportOf(await verify(new Uint8Array(withBomb)));
    assert.equal(only(r).revocation?.status, 'not-checked');
    assert.ok(performance.now() - start < 5_000);
    // Twenty thousand streams without their own end after the signature: "endstream" found once, not rescanned per object.
    const many = Buffer.concat([Buffer.from(appendDss(signed, { ocsp: [await ocspResponse(janis)] })), Buffer.from(Array.from({ length: 20_000 }, (_, i) => `${30_000 + i} 0 obj\n<<>>stream\nxx\n`).join('') + 'endstream\n')]);
    const t0 = performance.now();
    assert.deepEqual(reportOf(await verify(new Uint8Array(many))).problems, [], "unreferenced data streams change nothing");
    assert.ok(performance.now() - t0 < 5_000);
    // Unbalanced dictionaries and brackets do not hang the reader.
    const broken = Buffer.concat([Buffer.from(signed), Buffer.from(`\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/DSS<</OCSPs[${'[<<'.repeat(5000)}\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n`)]);
    const b = reportOf(await verify(new Uint8Array(broken)));
    assert.equal(b.status, 'invalid');
    assert.deepEqual(b.problems, ['modified-after-signing']);
  });
});
