import { createHash } from 'node:crypto';
import * as pkijs from 'pkijs';
import { chainsToTrusted, describeCertificate, validAt, type SignerCertificate } from './certificates.ts';
import type { Signature, SignatureProblem } from './signatures.schema.ts';
import { checkRevocation } from './revocation.ts';
import { verifyTimestamp, type TimestampCheck } from './timestamp.ts';
import { anchorsFor, type TrustAnchors } from './trust.ts';
import { EMPTY_STORE, onlyValidationDataAfter, readSecurityStore, type SecurityStore } from './dss.ts';
import { PdfObjects } from './pdf-objects.ts';

const OID = {
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  adbeRevocationInfoArchival: '1.2.840.113583.1.1.8',
  riOcspResponse: '1.3.6.1.5.5.7.16.2',
  ocspBasic: '1.3.6.1.5.5.7.48.1.1',
};
const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export { looksLikePdf } from './quick-verdict.ts';

type SignatureField = { byteRange: [number, number, number, number]; contents: Uint8Array | null };

/** Every signature dictionary's /ByteRange and the /Contents hex string in the gap it leaves. */
export function findSignatureFields(bytes: Uint8Array): SignatureField[] {
  const text = Buffer.from(bytes).toString('latin1');
  const out: SignatureField[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [a, b, c, d] = range;
    const gap = a === 0 && b < c && c + d <= bytes.length ? text.slice(b, c) : '';
    const hex = /^<([0-9a-fA-F\s]*)>$/.exec(gap.trim())?.[1]?.replace(/\s+/g, '');
    out.push({ byteRange: range, contents: hex && hex.length % 2 === 0 ? new Uint8Array(Buffer.from(hex, 'hex')) : null });
  }
  return out;
}

function signedBytes(bytes: Uint8Array, [a, b, c, d]: SignatureField['byteRange']): Uint8Array {
  return Buffer.concat([bytes.subarray(a, a + b), bytes.subarray(c, c + d)]);
}

function attribute(signer: pkijs.SignerInfo, type: string): pkijs.Attribute | undefined {
  return signer.signedAttrs?.attributes.find((a) => a.type === type);
}

function signingTimeOf(signer: pkijs.SignerInfo): Date | null {
  const value = attribute(signer, OID.signingTime)?.values[0] as { toDate?: () => Date } | undefined;
  return value?.toDate ? value.toDate() : null;
}

/** The CAdES signature time-stamp (unsigned attribute) over the SignerInfo's signature value octets, verified. */
async function timestampOf(signer: pkijs.SignerInfo, certificates: readonly Uint8Array[], trust: TrustAnchors | null): Promise<TimestampCheck | null> {
  const token = signer.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken)?.values[0];
  if (!token) return null;
  return verifyTimestamp(new Uint8Array(token.toBER(false)), new Uint8Array(signer.signature.valueBlock.valueHexView), certificates, trust);
}

/**
 * The revocation data a CMS signature carries: OCSP responses and CRLs in SignedData's RevocationInfoChoices
 * (CAdES) and in Adobe's signed revocation attribute. (The PDF's document security store, /DSS: dss.ts.)
 */
function revocationDataOf(cms: pkijs.SignedData, signer: pkijs.SignerInfo): { ocsp: Uint8Array[]; crl: Uint8Array[] } {
  const ocsp: Uint8Array[] = [];
  const crl: Uint8Array[] = [];
  for (const item of cms.crls ?? []) {
    if (item instanceof pkijs.CertificateRevocationList) crl.push(new Uint8Array(item.toSchema().toBER(false)));
    else if (item instanceof pkijs.OtherRevocationInfoFormat && (item.otherRevInfoFormat === OID.riOcspResponse || item.otherRevInfoFormat === OID.ocspBasic)) {
      ocsp.push(new Uint8Array((item.otherRevInfo as { toBER(s: boolean): ArrayBuffer }).toBER(false)));
    }
  }
  for (const basic of cms.ocsps ?? []) ocsp.push(new Uint8Array(basic.toSchema().toBER(false)));
  const archival = attribute(signer, OID.adbeRevocationInfoArchival)?.values[0] as { valueBlock?: { value?: Array<{ idBlock: { tagNumber: number }; valueBlock: { value?: Array<{ valueBlock: { value?: Array<{ toBER(s: boolean): ArrayBuffer }> } }> } }> } } | undefined;
  for (const part of archival?.valueBlock?.value ?? []) {
    const list = part.valueBlock.value?.[0]?.valueBlock.value ?? [];
    for (const entry of list) (part.idBlock.tagNumber === 0 ? crl : part.idBlock.tagNumber === 1 ? ocsp : []).push(new Uint8Array(entry.toBER(false)));
  }
  return { ocsp, crl };
}

function digestMatches(signer: pkijs.SignerInfo, data: Uint8Array): boolean {
  const alg = HASHES[signer.digestAlgorithm.algorithmId];
  const expected = attribute(signer, OID.messageDigest)?.values[0] as { getValue?: () => ArrayBuffer } | undefined;
  if (!alg || !expected?.getValue) return false;
  return Buffer.from(expected.getValue()).equals(createHash(alg).update(data).digest());
}

async function examine(bytes: Uint8Array, field: SignatureField, trust: TrustAnchors | null, now: Date, store: SecurityStore): Promise<Signature> {
  const problems = new Set<SignatureProblem>();
  let cert: SignerCertificate | null = null;
  let intact = false;
  let signedAt: Date | null = null;
  let timestamped: Date | null = null;
  let stamp: TimestampCheck | null = null;
  let chain: Uint8Array[] = [];
  let revocationData: { ocsp: Uint8Array[]; crl: Uint8Array[] } = { ocsp: [], crl: [] };
  try {
    if (!field.contents) throw new Error('no contents');
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(field.contents));
    const cms = new pkijs.SignedData({ schema: info.content });
    const signer = cms.signerInfos[0]!;
    const data = signedBytes(bytes, field.byteRange);
    const digestOk = digestMatches(signer, data);
    if (!digestOk) problems.add('digest-mismatch');
    const result = await cms.verify({ signer: 0, data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer, extendedMode: true, checkChain: false }).catch(() => null);
    const verified = result && typeof result === 'object' ? result.signatureVerified === true : false;
    if (!verified && digestOk) problems.add('signature-value');
    intact = digestOk && verified;
    chain = (cms.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map((c) => new Uint8Array(c.toSchema().toBER(false)));
    const signerCert = result && typeof result === 'object' && result.signerCertificate ? new Uint8Array(result.signerCertificate.toSchema().toBER(false)) : chain[0];
    cert = signerCert ? describeCertificate(signerCert) : null;
    stamp = await timestampOf(signer, chain, trust);
    if (stamp?.problem) problems.add(stamp.problem);
    timestamped = stamp?.time ?? null;
    signedAt = timestamped ?? signingTimeOf(signer);
    revocationData = revocationDataOf(cms, signer);
  } catch {
    problems.add('malformed-signature');
  }
  if (!cert) problems.add('no-certificate');
  const validAtSigning = cert !== null && validAt(cert, signedAt ?? now);
  if (cert && !validAtSigning) problems.add('certificate-not-valid-at-signing');
  chain = [...chain, ...store.certs];
  const others = chain.filter((c) => !cert || Buffer.compare(Buffer.from(c), Buffer.from(cert.der)) !== 0);
  const at = signedAt ?? now;
  const trusted = trust === null || !cert ? null : await chainsToTrusted(cert.der, others, anchorsFor(trust, 'ca', at), at);
  if (trusted === false) problems.add('untrusted-issuer');
  const revocation = cert ? await checkRevocation({ signer: cert.der, certificates: chain, ...revocationData, store, trust, signedAt: at, timeProven: timestamped !== null }) : null;
  if (revocation?.problem) problems.add(revocation.problem);
  return {
    format: 'PAdES',
    signer: cert?.signer ?? '',
    ...(cert?.personalCode ? { personalCode: cert.personalCode } : {}),
    signedAt: signedAt?.toISOString() ?? null,
    timestampedAt: timestamped?.toISOString() ?? null,
    timestampVerified: stamp ? stamp.verified : null,
    issuer: cert?.issuer ?? '',
    certificateValidFrom: cert?.notBefore.toISOString() ?? null,
    certificateValidTo: cert?.notAfter.toISOString() ?? null,
    integrity: intact,
    certificateValidAtSigning: validAtSigning,
    trusted,
    ...(revocation ? { revocation: revocation.revocation } : {}),
    problems: [...problems],
  };
}

const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';

/** A document time-stamp (PAdES-LTA, SubFilter ETSI.RFC3161): its /Contents is a time-stamp token, not a signature. */
function isDocumentTimestamp(field: SignatureField): boolean {
  if (!field.contents) return false;
  try {
    const cms = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(new Uint8Array(field.contents)).content });
    return cms.encapContentInfo.eContentType === ID_CT_TSTINFO;
  } catch {
    return false;
  }
}

function onlyWhitespaceAfter(bytes: Uint8Array, from: number): boolean {
  for (let i = from; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x0a && b !== 0x0d && b !== 0x20 && b !== 0x09 && b !== 0x00) return false;
  }
  return true;
}

/**
 * Whether something follows the part the last signature covers (an incremental update after signing) that changes
 * the document: the signed revision may be intact, but the document as delivered is not the one signed. Trailing
 * whitespace is allowed, and so are updates that only add validation data (/DSS) and document time-stamps (dss.ts).
 */
export function modifiedAfterSigning(bytes: Uint8Array, pdf: PdfObjects = new PdfObjects(bytes)): boolean {
  const fields = findSignatureFields(bytes).filter((f) => !isDocumentTimestamp(f));
  if (fields.length === 0) return false;
  const covered = Math.max(...fields.map(({ byteRange: [, , c, d] }) => c + d));
  return !onlyWhitespaceAfter(bytes, covered) && !onlyValidationDataAfter(pdf, covered);
}

/**
 * Every signature of a PDF (each incremental revision's /ByteRange, document time-stamps aside), oldest first, with
 * the revocation data of the document security store beside each one's own, and whether the document was changed
 * after the last signature.
 */
export async function verifyPdf(bytes: Uint8Array, trust: TrustAnchors | null, now: Date): Promise<{ signatures: Signature[]; modified: boolean }> {
  const fields = findSignatureFields(bytes).filter((f) => !isDocumentTimestamp(f));
  if (fields.length === 0) return { signatures: [], modified: false };
  const pdf = new PdfObjects(bytes);
  let store = EMPTY_STORE;
  try {
    store = readSecurityStore(pdf);
  } catch {
    store = EMPTY_STORE; // an unreadable store is no store
  }
  const signatures: Signature[] = [];
  for (const field of fields) signatures.push(await examine(bytes, field, trust, now, store));
  let modified = true;
  try {
    modified = modifiedAfterSigning(bytes, pdf);
  } catch {
    modified = true;
  }
  return { signatures, modified };
}
