import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as pkijs from 'pkijs';
import { ConfigError } from '../../platform/config.ts';
import type { Signature, VerificationOutcome, VerificationReport } from './signatures.schema.ts';
import { signaturesMessages } from './signatures.messages.ts';
import { buildAsice, crlOf, makeCa, makeServiceCert, makeSigner, ocspResponse, plainPdf, signedTrustedList, signPdf, type TestKeyHolder } from './signatures.testing.ts';
import { verifierFor } from './signatures.service.ts';
import { loadTrustedList, readTrustedList } from './trusted-list.ts';
import type { TrustAnchors } from './trust.ts';
import { verifyDocument } from './verify.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const DAY = 86_400_000;
const files = { 'iesniegums.txt': enc('Lūdzu pārskaitīt pensiju uz citu kontu.') };

function reportOf(outcome: VerificationOutcome): VerificationReport {
  assert.equal(outcome.kind, 'report', JSON.stringify(outcome));
  return (outcome as { report: VerificationReport }).report;
}
const only = (r: VerificationReport): Signature => {
  assert.equal(r.signatures.length, 1);
  return r.signatures[0]!;
};

describe('time-stamps, the trusted list itself, revocation data (test CA, TSA, OCSP built here)', () => {
  let ca: TestKeyHolder;
  let tsa: TestKeyHolder;
  let strangerTsa: TestKeyHolder;
  let janis: TestKeyHolder;
  let trust: TrustAnchors;
  before(async () => {
    ca = await makeCa();
    tsa = await makeServiceCert(ca, 'tsa');
    strangerTsa = await makeServiceCert(await makeCa('Unlisted TSA CA'), 'tsa', 'Unlisted TSA');
    janis = await makeSigner(ca);
    trust = await readTrustedList((await signedTrustedList([ca, { cert: tsa, type: 'TSA/QTST' }])).xml, null);
  });
  const verify = (name: string, content: Uint8Array, t: TrustAnchors | null = trust) => verifyDocument({ fileName: name, contentType: 'application/octet-stream', content }, t, new Date());

  describe('the signature time-stamp (RFC 3161 token verified with pkijs)', () => {
    it('a valid time-stamp by a listed TSA: its time is the signing time, shown as the time-stamp → valid', async () => {
      const genTime = new Date(Date.now() - 5_000);
      const s = only(reportOf(await verify('a.edoc', await buildAsice(files, [janis], new Date(Date.now() - 3_600_000), { timestamp: { tsa, genTime } }))));
      assert.equal(s.timestampVerified, true);
      assert.equal(s.timestampedAt, genTime.toISOString());
      assert.equal(s.signedAt, s.timestampedAt, 'the verified time-stamp, not the claimed time, is the signing time');
      assert.deepEqual(s.problems, []);
      const pdf = reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis, new Date(), { timestamp: { tsa } })));
      assert.equal(pdf.status, 'valid');
      assert.equal(pdf.signatures[0]!.timestampVerified, true);
    });

    it('a time-stamp whose imprint is not of this signature → timestamp-invalid, its time not used, invalid', async () => {
      const claimed = new Date(Date.now() - 3_600_000);
      const r = reportOf(await verify('a.edoc', await buildAsice(files, [janis], claimed, { timestamp: { tsa, imprint: 'other' } })));
      assert.equal(r.status, 'invalid');
      const s = only(r);
      assert.equal(s.timestampVerified, false);
      assert.equal(s.timestampedAt, null);
      assert.equal(Date.parse(s.signedAt!), Math.floor(claimed.getTime()), 'falls back to the claimed time');
      assert.ok(s.problems.includes('timestamp-invalid'));
      assert.equal(s.integrity, true);
      const pdf = only(reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis, new Date(), { timestamp: { tsa, imprint: 'other' } }))));
      assert.ok(pdf.problems.includes('timestamp-invalid'));
    });

    it('a time-stamp by a TSA not on the trusted list → timestamp-untrusted: undecided (qualification-not-checked), not invalid; its time not used; without a list it is verified', async () => {
      const claimed = new Date(Date.now() - 3_600_000);
      const edoc = await buildAsice(files, [janis], claimed, { timestamp: { tsa: strangerTsa } });
      const r = reportOf(await verify('a.edoc', edoc));
      assert.equal(r.status, 'qualification-not-checked', 'ETSI EN 319 102-1: INDETERMINATE, not TOTAL-FAILED');
      assert.equal(only(r).trusted, true, 'a TSA certificate of another CA carried beside the signer does not hide its chain');
      assert.deepEqual(only(r).problems, ['timestamp-untrusted']);
      assert.equal(only(r).timestampedAt, null);
      assert.equal(only(r).timestampVerified, false);
      assert.equal(Date.parse(only(r).signedAt!), Math.floor(claimed.getTime()), 'the claimed time stands');
      const pdf = reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis, new Date(), { timestamp: { tsa: strangerTsa } })));
      assert.equal(pdf.status, 'qualification-not-checked');
      assert.ok(only(pdf).problems.includes('timestamp-untrusted'));
      // Beside a failure, the file is invalid whatever.
      const withMismatch = reportOf(await verify('a.pdf', await signPdf(await signPdf(plainPdf(), janis, new Date(), { timestamp: { tsa: strangerTsa } }), janis, new Date(), { timestamp: { tsa, imprint: 'other' } })));
      assert.equal(withMismatch.status, 'invalid');
      assert.match(signaturesMessages.lv.problem['timestamp-untrusted'], /nenozīmē, ka paraksts ir viltots/);
      assert.match(signaturesMessages.en.problem['timestamp-untrusted'], /does not mean the signature is forged/);
      const noList = reportOf(await verify('a.edoc', edoc, null));
      assert.equal(noList.status, 'qualification-not-checked');
      assert.equal(only(noList).timestampVerified, true);
    });

    it('a CA service does not anchor time-stamps (the TSA is issued by the listed CA, but is not itself a TSA service)', async () => {
      const caOnly = await readTrustedList((await signedTrustedList([ca])).xml, null);
      const r = reportOf(await verify('a.edoc', await buildAsice(files, [janis], undefined, { timestamp: { tsa } }), caOnly));
      assert.ok(only(r).problems.includes('timestamp-untrusted'));
      assert.equal(r.status, 'qualification-not-checked');
    });
  });

  describe("the trusted list's own signature and its services' status", () => {
    it('a list with a valid signature is read; pinned to its signer it is read, pinned to another it is refused', async () => {
      const { xml, signer } = await signedTrustedList([ca]);
      assert.equal((await readTrustedList(xml, signer.der)).services.length, 1);
      await assert.rejects(readTrustedList(xml, (await makeCa('Impostor')).der), /does not verify with TRUSTED_LIST_SIGNER_CERT/);
    });

    it('a tampered list (a service added after signing) or an unsigned one is refused, naming TRUSTED_LIST_FILE; the verifier does not start', async () => {
      const { xml } = await signedTrustedList([ca]);
      const evil = await makeCa('Evil CA');
      const tampered = xml.replace('<TSPService>', `<TSPService><ServiceInformation><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier><ServiceDigitalIdentity><DigitalId><X509Certificate>${Buffer.from(evil.der).toString('base64')}</X509Certificate></DigitalId></ServiceDigitalIdentity><ServiceStatus>http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/granted</ServiceStatus><StatusStartingTime>2020-01-01T00:00:00Z</StatusStartingTime></ServiceInformation></TSPService><TSPService>`);
      assert.notEqual(tampered, xml);
      const dir = await mkdtemp(join(tmpdir(), 'apkalpe-tsl-'));
      const file = join(dir, 'tampered.xml');
      await writeFile(file, tampered);
      await assert.rejects(loadTrustedList(file), /TRUSTED_LIST_FILE .*tampered\.xml.*refused.*does not verify/);
      await assert.rejects(verifierFor({ trustedListFile: file }), (e: Error) => e instanceof ConfigError && /TRUSTED_LIST_FILE/.test(e.message));
      const unsigned = join(dir, 'unsigned.xml');
      await writeFile(unsigned, xml.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, ''));
      await assert.rejects(loadTrustedList(unsigned), /not signed/);
    });

    it('a CA withdrawn after the signing time anchors the signature; withdrawn before it, not', async () => {
      const signedAt = new Date(Date.now() - 10 * DAY);
      const edoc = await buildAsice(files, [janis], signedAt, { ocsp: await ocspResponse(janis, { producedAt: new Date(signedAt.getTime() + 60_000) }) });
      const withdrawnLater = await readTrustedList((await signedTrustedList([{ cert: ca, status: 'withdrawn', since: new Date(Date.now() - DAY) }])).xml, null);
      const later = reportOf(await verify('a.edoc', edoc, withdrawnLater));
      assert.equal(later.status, 'valid', JSON.stringify(later));
      assert.equal(only(later).trusted, true);
      const withdrawnBefore = await readTrustedList((await signedTrustedList([{ cert: ca, status: 'withdrawn', since: new Date(Date.now() - 20 * DAY) }])).xml, null);
      const before = reportOf(await verify('a.edoc', edoc, withdrawnBefore));
      assert.equal(before.status, 'invalid');
      assert.equal(only(before).trusted, false);
      assert.ok(only(before).problems.includes('untrusted-issuer'));
    });

    it('ServiceHistory: a service granted only between two dates anchors only what was signed then', async () => {
      const history = [
        { status: 'granted' as const, since: new Date(Date.now() - 30 * DAY) },
        { status: 'withdrawn' as const, since: new Date(Date.now() - 15 * DAY) },
      ];
      const list = await readTrustedList((await signedTrustedList([{ cert: ca, status: 'granted', since: new Date(Date.now() - 5 * DAY), history }])).xml, null);
      const at = async (daysAgo: number) => only(reportOf(await verify('a.edoc', await buildAsice(files, [janis], new Date(Date.now() - daysAgo * DAY), { ocsp: await ocspResponse(janis, { producedAt: new Date(Date.now() - daysAgo * DAY + 60_000) }) }), list))).trusted;
      assert.equal(await at(20), true, 'granted then');
      assert.equal(await at(10), false, 'withdrawn then');
      assert.equal(await at(40), false, 'before it was granted');
      assert.equal(await at(1), true, 'granted again');
    });
  });

  describe('revocation data carried by the signature (XAdES RevocationValues, CAdES RevocationInfoChoices)', () => {
    it('an embedded OCSP "good" response produced after signing → revocation good, valid', async () => {
      const s = only(reportOf(await verify('a.edoc', await buildAsice(files, [janis]))));
      assert.equal(s.revocation?.status, 'good');
      assert.equal(s.revocation?.source, 'OCSP');
      assert.deepEqual(s.problems, []);
      // A delegated responder (id-kp-OCSPSigning, issued by the CA) is as good as the CA.
      const delegated = await makeServiceCert(ca, 'ocsp');
      const d = only(reportOf(await verify('a.edoc', await buildAsice(files, [janis], undefined, { ocsp: await ocspResponse(janis, { responder: delegated }) }))));
      assert.equal(d.revocation?.status, 'good');
      const pdf = only(reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis))));
      assert.equal(pdf.revocation?.status, 'good');
    });

    it('"revoked" before the signing time → certificate-revoked, invalid; revoked after a time-stamped signing time → valid', async () => {
      const revokedAt = new Date(Date.now() - 2 * 3_600_000);
      const r = reportOf(await verify('a.edoc', await buildAsice(files, [janis], new Date(), { ocsp: await ocspResponse(janis, { status: { revokedAt } }) })));
      assert.equal(r.status, 'invalid');
      assert.ok(only(r).problems.includes('certificate-revoked'));
      assert.equal(only(r).revocation?.status, 'revoked');
      assert.equal(Math.abs(Date.parse(only(r).revocation!.revokedAt!) - revokedAt.getTime()) < 1000, true);
      const later = new Date(Date.now() + 3_600_000);
      const stamped = reportOf(await verify('a.edoc', await buildAsice(files, [janis], new Date(), { timestamp: { tsa }, ocsp: await ocspResponse(janis, { status: { revokedAt: later }, producedAt: later }) })));
      assert.equal(stamped.status, 'valid', JSON.stringify(stamped));
      // Only claimed, the signing time cannot prove the signature came before the revocation.
      const claimedOnly = reportOf(await verify('a.edoc', await buildAsice(files, [janis], new Date(), { ocsp: await ocspResponse(janis, { status: { revokedAt: later }, producedAt: later }) })));
      assert.ok(only(claimedOnly).problems.includes('certificate-revoked'));
    });

    it('a forged OCSP response (signed by a key the CA never authorised) or one for another certificate → revocation-invalid, invalid', async () => {
      const impostor = await makeServiceCert(await makeCa('Apkalpe Test CA'), 'ocsp', 'Apkalpe Test CA');
      const forged = reportOf(await verify('a.edoc', await buildAsice(files, [janis], undefined, { ocsp: await ocspResponse(janis, { responder: impostor }) })));
      assert.equal(forged.status, 'invalid');
      assert.ok(only(forged).problems.includes('revocation-invalid'));
      const bytes = await ocspResponse(janis);
      const basic = pkijs.BasicOCSPResponse.fromBER(new Uint8Array(pkijs.OCSPResponse.fromBER(new Uint8Array(bytes)).responseBytes!.response.valueBlock.valueHexView));
      const signatureAt = Buffer.from(bytes).indexOf(Buffer.from(basic.signature.valueBlock.valueHexView));
      assert.ok(signatureAt > 0);
      const flipped = new Uint8Array(bytes);
      flipped[signatureAt + 12]! ^= 0x01; // inside the responder's signature value
      const damaged = only(reportOf(await verify('a.edoc', await buildAsice(files, [janis], undefined, { ocsp: flipped }))));
      assert.ok(damaged.problems.includes('revocation-invalid'), JSON.stringify(damaged));
      const anna = await makeSigner(ca, { name: 'Anna Kalniņa', personalCode: '320000-00001' });
      const other = only(reportOf(await verify('a.edoc', await buildAsice(files, [janis], undefined, { ocsp: await ocspResponse(janis, { forCert: anna }) }))));
      assert.ok(other.problems.includes('revocation-invalid'));
    });

    it('a CRL signed by the CA: the signer listed as revoked before signing → certificate-revoked, invalid (PAdES and XAdES)', async () => {
      const crl = await crlOf(ca, { revoked: [{ cert: janis, at: new Date(Date.now() - 2 * 3_600_000) }] });
      for (const [name, file] of [
        ['a.pdf', await signPdf(plainPdf(), janis, new Date(), { ocsp: null, crl: [crl] })],
        ['a.edoc', await buildAsice(files, [janis], new Date(), { ocsp: null, crl: [crl] })],
      ] as const) {
        const r = reportOf(await verify(name, file));
        assert.equal(r.status, 'invalid', name);
        assert.ok(only(r).problems.includes('certificate-revoked'), name);
        assert.equal(only(r).revocation?.status, 'revoked');
        assert.equal(only(r).revocation?.source, 'CRL');
      }
    });

    it('a CRL of the CA that does not list the signer (it lists another) → revocation checked, good, valid', async () => {
      const anna = await makeSigner(ca, { name: 'Anna Kalniņa', personalCode: '320000-00001' });
      const crl = await crlOf(ca, { revoked: [{ cert: anna, at: new Date(Date.now() - DAY) }] });
      for (const [name, file] of [
        ['a.pdf', await signPdf(plainPdf(), janis, new Date(), { ocsp: null, crl: [crl] })],
        ['a.edoc', await buildAsice(files, [janis], new Date(), { ocsp: null, crl: [crl] })],
      ] as const) {
        const r = reportOf(await verify(name, file));
        assert.equal(r.status, 'valid', `${name}: ${JSON.stringify(r)}`);
        assert.deepEqual(only(r).revocation && { status: only(r).revocation!.status, source: only(r).revocation!.source }, { status: 'good', source: 'CRL' });
        assert.deepEqual(only(r).problems, []);
      }
    });

    it('a CRL in the CA\'s name but signed by another key → revocation-invalid, invalid', async () => {
      const impostor = await makeCa('Apkalpe Test CA');
      const forged = await crlOf(ca, { signedBy: impostor });
      const r = reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis, new Date(), { ocsp: null, crl: [forged] })));
      assert.equal(r.status, 'invalid');
      assert.ok(only(r).problems.includes('revocation-invalid'), JSON.stringify(r));
      assert.equal(only(r).revocation?.status, 'invalid');
      // Beside a genuine CRL the forged one changes nothing.
      const both = reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis, new Date(), { ocsp: null, crl: [forged, await crlOf(ca)] })));
      assert.equal(both.status, 'valid');
    });

    it('no revocation data (or only a stale "good") → revocation-not-checked: qualification-not-checked, never valid, in plain words', async () => {
      const r = reportOf(await verify('a.edoc', await buildAsice(files, [janis], undefined, { ocsp: null })));
      assert.equal(r.status, 'qualification-not-checked');
      assert.deepEqual(only(r).problems, ['revocation-not-checked']);
      assert.equal(only(r).revocation?.status, 'not-checked');
      const stale = reportOf(await verify('a.edoc', await buildAsice(files, [janis], new Date(), { ocsp: await ocspResponse(janis, { producedAt: new Date(Date.now() - DAY) }) })));
      assert.equal(stale.status, 'qualification-not-checked');
      const pdf = reportOf(await verify('a.pdf', await signPdf(plainPdf(), janis, new Date(), { ocsp: null })));
      assert.equal(pdf.status, 'qualification-not-checked');
      // With another signature that fails, the file is invalid whatever.
      const mixed = reportOf(await verify('a.pdf', await signPdf(await signPdf(plainPdf(), janis, new Date(), { ocsp: null }), await makeSigner(await makeCa('x')))));
      assert.equal(mixed.status, 'invalid');
      assert.match(signaturesMessages.lv.problem['revocation-not-checked'], /nav pārbaudīts, vai sertifikāts nav atsaukts/);
      assert.match(signaturesMessages.en.problem['revocation-not-checked'], /not checked/);
    });
  });
});
