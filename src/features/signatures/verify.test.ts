import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { readTrustedList } from './trusted-list.ts';
import { buildAsice, makeCa, makeSigner, plainPdf, signedTrustedList, signPdf, xadesSignature, zip, type TestKeyHolder } from './signatures.testing.ts';
import type { TrustAnchors } from './trust.ts';
import { ASIC_E_MIMETYPE } from './container.ts';
import type { VerificationOutcome, VerificationReport } from './signatures.schema.ts';
import { verifyDocument } from './verify.ts';
import { quickVerdict } from './quick-verdict.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const DAY = 86_400_000;

function reportOf(outcome: VerificationOutcome): VerificationReport {
  assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
  return (outcome as { report: VerificationReport }).report;
}

describe('signature verification (real containers and PDFs, test CA)', () => {
  let ca: TestKeyHolder;
  let otherCa: TestKeyHolder;
  let janis: TestKeyHolder;
  let anna: TestKeyHolder;
  let anchors: TrustAnchors;
  const files = { 'iesniegums.txt': enc('Lūdzu pārskaitīt pensiju uz citu kontu.'), 'pielikums.pdf': plainPdf() };
  before(async () => {
    ca = await makeCa();
    otherCa = await makeCa('Someone Else CA');
    janis = await makeSigner(ca);
    anna = await makeSigner(ca, { name: 'Anna Kalniņa', personalCode: '320000-00001' });
    anchors = await readTrustedList((await signedTrustedList([ca])).xml, null);
  });
  const verify = (fileName: string, content: Uint8Array, trust: TrustAnchors | null = anchors) =>
    verifyDocument({ fileName, contentType: 'application/octet-stream', content }, trust, new Date());

  it('reads the trusted list service certificates (ETSI TS 119 612)', () => {
    assert.equal(anchors.services.length, 1);
    assert.equal(anchors.services[0]!.kind, 'ca');
    assert.deepEqual(Buffer.from(anchors.services[0]!.certificates[0]!), Buffer.from(ca.der));
  });

  it('a valid .edoc: signer, personal code, issuer, signing time, integrity, trusted → valid', async () => {
    const r = reportOf(await verify('iesniegums.edoc', await buildAsice(files, [janis])));
    assert.equal(r.status, 'valid');
    assert.equal(r.signatures.length, 1);
    const s = r.signatures[0]!;
    assert.equal(s.format, 'XAdES');
    assert.equal(s.signer, 'Jānis Bērziņš');
    assert.equal(s.personalCode, '010101-12345');
    assert.equal(s.issuer, 'Apkalpe Test CA');
    assert.equal(s.integrity, true);
    assert.equal(s.certificateValidAtSigning, true);
    assert.equal(s.trusted, true);
    assert.ok(s.signedAt && Math.abs(Date.parse(s.signedAt) - Date.now()) < 60_000);
    assert.deepEqual(s.problems, []);
  });

  it('without a trusted list: integrity checked, qualified status not checked — never valid', async () => {
    const r = reportOf(await verify('iesniegums.asice', await buildAsice(files, [janis]), null));
    assert.equal(r.status, 'qualification-not-checked');
    assert.equal(r.signatures[0]!.trusted, null);
    assert.equal(r.signatures[0]!.integrity, true);
  });

  it('a file changed after signing → invalid, digest mismatch', async () => {
    const signature = await xadesSignature(files, janis);
    const container = zip({ mimetype: enc(ASIC_E_MIMETYPE), ...files, 'iesniegums.txt': enc('Lūdzu pārskaitīt VISU uz citu kontu.'), 'META-INF/signatures0.xml': signature });
    const r = reportOf(await verify('iesniegums.edoc', container));
    assert.equal(r.status, 'invalid');
    assert.equal(r.signatures[0]!.integrity, false);
    assert.ok(r.signatures[0]!.problems.includes('digest-mismatch'));
  });

  it('a tampered signature value → invalid', async () => {
    const xml = Buffer.from(await xadesSignature(files, janis)).toString('utf8');
    const tampered = xml.replace(/<ds:SignatureValue>(.)(.)/, (_m, a: string, b: string) => `<ds:SignatureValue>${b}${a === b ? (a === 'A' ? 'B' : 'A') : a}`);
    assert.notEqual(tampered, xml);
    const container = zip({ mimetype: enc(ASIC_E_MIMETYPE), ...files, 'META-INF/signatures0.xml': enc(tampered) });
    const r = reportOf(await verify('iesniegums.edoc', container));
    assert.equal(r.status, 'invalid');
    assert.equal(r.signatures[0]!.integrity, false);
    assert.ok(r.signatures[0]!.problems.includes('signature-value'));
  });

  it('a certificate expired before the signing time → invalid', async () => {
    const expired = await makeSigner(ca, { notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 30 * DAY) });
    const r = reportOf(await verify('iesniegums.edoc', await buildAsice(files, [expired])));
    assert.equal(r.status, 'invalid');
    assert.equal(r.signatures[0]!.certificateValidAtSigning, false);
    assert.equal(r.signatures[0]!.integrity, true, 'the files themselves are intact');
  });

  it('a certificate from a CA not on the trusted list → invalid, not trusted', async () => {
    const stranger = await makeSigner(otherCa, { name: 'Svešinieks' });
    const r = reportOf(await verify('iesniegums.edoc', await buildAsice(files, [stranger])));
    assert.equal(r.status, 'invalid');
    assert.equal(r.signatures[0]!.trusted, false);
    assert.equal(r.signatures[0]!.integrity, true);
  });

  it('a renamed ZIP (no ASiC-E mimetype, no signatures) is not a container → invalid, not "signed"', async () => {
    const r = reportOf(await verify('iesniegums.edoc', zip({ 'iesniegums.txt': files['iesniegums.txt'] })));
    assert.equal(r.status, 'invalid');
    assert.deepEqual(r.problems, ['not-a-container']);
    assert.equal(reportOf(await verify('iesniegums.edoc', enc('plain text named .edoc'))).status, 'invalid');
  });

  it('a container with two signers: both reported, valid', async () => {
    const r = reportOf(await verify('iesniegums.edoc', await buildAsice(files, [janis, anna])));
    assert.equal(r.status, 'valid');
    assert.deepEqual(r.signatures.map((s) => s.signer).sort(), ['Anna Kalniņa', 'Jānis Bērziņš']);
    assert.deepEqual(r.signatures.map((s) => s.personalCode).sort(), ['010101-12345', '320000-00001']);
  });

  it('an unsigned file added to a signed container → invalid', async () => {
    const signature = await xadesSignature(files, janis);
    const container = zip({ mimetype: enc(ASIC_E_MIMETYPE), ...files, 'extra.txt': enc('slipped in'), 'META-INF/signatures0.xml': signature });
    assert.deepEqual(reportOf(await verify('x.edoc', container)).problems, ['unsigned-file']);
  });

  it('a zip bomb and paths with .. are refused before inflating', async () => {
    const bomb = zip({ mimetype: enc(ASIC_E_MIMETYPE), 'zeros.txt': new Uint8Array(4 * 1024 * 1024) });
    assert.deepEqual(await verify('bomb.edoc', bomb), { kind: 'rejected', reason: 'zip-bomb' });
    const escape = zip({ mimetype: enc(ASIC_E_MIMETYPE), '../../etc/passwd': enc('x') });
    assert.deepEqual(await verify('escape.asice', escape), { kind: 'rejected', reason: 'unsafe-path' });
  });

  it('a PDF signed once: PAdES signer and integrity; unsigned PDF → unsigned; not a PDF → refused', async () => {
    const r = reportOf(await verify('iesniegums.pdf', await signPdf(plainPdf(), janis)));
    assert.equal(r.status, 'valid');
    assert.equal(r.signatures[0]!.format, 'PAdES');
    assert.equal(r.signatures[0]!.signer, 'Jānis Bērziņš');
    assert.equal(reportOf(await verify('scan.pdf', plainPdf())).status, 'unsigned');
    assert.deepEqual(await verify('fake.pdf', enc('<html>not a pdf</html>')), { kind: 'rejected', reason: 'not-a-pdf' });
  });

  it('a PDF signed twice: both signatures intact; a byte changed in the signed part → invalid', async () => {
    const twice = await signPdf(await signPdf(plainPdf(), janis), anna);
    const r = reportOf(await verify('iesniegums.pdf', twice));
    assert.equal(r.status, 'valid');
    assert.deepEqual(r.signatures.map((s) => s.signer), ['Jānis Bērziņš', 'Anna Kalniņa']);
    const tampered = Buffer.from(twice);
    tampered[Buffer.from(twice).indexOf('Iesniegums')] = 0x58;
    const bad = reportOf(await verify('iesniegums.pdf', new Uint8Array(tampered)));
    assert.equal(bad.status, 'invalid');
    assert.ok(bad.signatures.every((s) => !s.integrity && s.problems.includes('digest-mismatch')));
  });

  it('a signed PDF with an incremental update appended after the last signature → invalid, "changed after the last signature"; trailing newlines are fine', async () => {
    const signed = await signPdf(plainPdf(), janis);
    const update = Buffer.from('\n5 0 obj\n<</Type/Annot/Subtype/FreeText/Contents(Summa: 1000 EUR)>>\nendobj\n6 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\ntrailer\n<</Root 6 0 R/Prev 0>>\n%%EOF\n', 'latin1');
    const appended = new Uint8Array(Buffer.concat([signed, update]));
    const r = reportOf(await verify('iesniegums.pdf', appended));
    assert.equal(r.status, 'invalid');
    assert.deepEqual(r.problems, ['modified-after-signing']);
    assert.equal(r.signatures[0]!.integrity, true, 'the signed revision itself is intact; the document as delivered is not');
    assert.equal(reportOf(await verify('iesniegums.pdf', new Uint8Array(Buffer.concat([signed, Buffer.from('\r\n\n')])))).status, 'valid');
    // A second signature over the update covers it again.
    assert.equal(reportOf(await verify('iesniegums.pdf', await signPdf(appended, anna))).status, 'valid');
  });

  it('a PDF signed by an expired certificate or an untrusted CA → invalid', async () => {
    const expired = await makeSigner(ca, { notAfter: new Date(Date.now() - DAY), notBefore: new Date(Date.now() - 90 * DAY) });
    assert.equal(reportOf(await verify('a.pdf', await signPdf(plainPdf(), expired))).signatures[0]!.certificateValidAtSigning, false);
    const stranger = await makeSigner(otherCa);
    const r = reportOf(await verify('b.pdf', await signPdf(plainPdf(), stranger)));
    assert.equal(r.status, 'invalid');
    assert.equal(r.signatures[0]!.trusted, false);
  });

  it('plain files are unsigned, whatever the name says not', async () => {
    assert.equal(reportOf(await verify('foto.jpg', new Uint8Array([0xff, 0xd8, 0xff]))).status, 'unsigned');
  });
});

describe('quick verdicts on arrival (no worker round trip for files that carry no signature)', () => {
  it('an unsigned PDF, a plain file, a fake PDF and a renamed non-ZIP container are judged at once; signed PDFs and real containers go to the verifier', async () => {
    const ca = await makeCa();
    const signer = await makeSigner(ca);
    const file = (fileName: string, contentType: string, content: Uint8Array) => ({ fileName, contentType, content });
    const unsigned = quickVerdict(file('a.pdf', 'application/pdf', plainPdf('x')), false);
    assert.equal(unsigned?.kind === 'report' && unsigned.report.status, 'unsigned');
    assert.equal((quickVerdict(file('a.txt', 'text/plain', new TextEncoder().encode('sveiki')), false) as { kind: string }).kind, 'report');
    assert.deepEqual(quickVerdict(file('a.pdf', 'application/pdf', new TextEncoder().encode('MZ')), false), { kind: 'rejected', reason: 'not-a-pdf' });
    const renamed = quickVerdict(file('a.edoc', 'application/octet-stream', new TextEncoder().encode('not a zip')), false);
    assert.equal(renamed?.kind === 'report' && renamed.report.status, 'invalid');
    assert.equal(quickVerdict(file('s.pdf', 'application/pdf', await signPdf(plainPdf('x'), signer)), false), null);
    assert.equal(quickVerdict(file('s.edoc', 'application/vnd.etsi.asic-e+zip', await buildAsice({ 'a.txt': new Uint8Array([1]) }, [signer])), false), null);
    // Whatever path a file takes, the verdict is the verifier's: the quick one equals the full verification's.
    const now = new Date();
    for (const f of [file('a.pdf', 'application/pdf', plainPdf('y')), file('a.edoc', 'application/octet-stream', new TextEncoder().encode('x'))]) {
      const viaWorkerCode = await verifyDocument(f, null, now);
      assert.deepEqual(quickVerdict(f, false), viaWorkerCode);
    }
  });
});
