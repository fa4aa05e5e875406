import 'reflect-metadata';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { chainsToTrusted } from './certificates.ts';
import type { SignatureProblem } from './signatures.schema.ts';
import { anchorsFor, type TrustAnchors } from './trust.ts';

const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';
const EKU = '2.5.29.37';
const KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8';

/** The genTime of an RFC 3161 time-stamp token (CMS SignedData over TSTInfo), or null when unreadable. Not verified. */
export function timestampTime(token: Uint8Array): Date | null {
  try {
    return readToken(token).tst.genTime;
  } catch {
    return null;
  }
}

function readToken(token: Uint8Array): { signed: pkijs.SignedData; tst: pkijs.TSTInfo } {
  const info = pkijs.ContentInfo.fromBER(new Uint8Array(token));
  const signed = new pkijs.SignedData({ schema: info.content });
  if (signed.encapContentInfo.eContentType !== ID_CT_TSTINFO) throw new Error('not a TSTInfo');
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new Error('no TSTInfo');
  return { signed, tst: pkijs.TSTInfo.fromBER(content.getValue()) };
}

export function asn1Of(bytes: Uint8Array): asn1js.AsnType {
  return asn1js.fromBER(bytes).result;
}

const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema(true).toBER(false));

function isTimeStampingCertificate(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === EKU);
  if (!ext) return false;
  const usage = ext.parsedValue instanceof pkijs.ExtKeyUsage ? ext.parsedValue : new pkijs.ExtKeyUsage({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result });
  return usage.keyPurposes.includes(KP_TIME_STAMPING);
}

export type TimestampCheck = {
  /** genTime, only when the token verified: the one time that may stand as the signing time. */
  time: Date | null;
  verified: boolean;
  problem: Extract<SignatureProblem, 'timestamp-invalid' | 'timestamp-untrusted'> | null;
};

/**
 * Verifies an RFC 3161 time-stamp token over `stamped` (XAdES: the canonicalized ds:SignatureValue element;
 * CAdES/PAdES: the SignerInfo's signature value octets): the token is CMS SignedData over a TSTInfo whose
 * messageImprint is the digest of `stamped`; its signature verifies with the TSA certificate it names (carried in
 * the token or among `extraCerts`, the signature's own certificate values); that certificate is a time-stamping
 * certificate (extended key usage) valid at genTime; and, with a trusted list, it chains at genTime to a TSA
 * service of the list whose status was approved then. Anything else: not verified, and its time is not used.
 */
export async function verifyTimestamp(token: Uint8Array, stamped: Uint8Array, extraCerts: readonly Uint8Array[], trust: TrustAnchors | null): Promise<TimestampCheck> {
  const invalid: TimestampCheck = { time: null, verified: false, problem: 'timestamp-invalid' };
  let signed: pkijs.SignedData;
  let tst: pkijs.TSTInfo;
  try {
    ({ signed, tst } = readToken(token));
  } catch {
    return invalid;
  }
  const genTime = tst.genTime;
  const data = stamped.buffer.slice(stamped.byteOffset, stamped.byteOffset + stamped.byteLength) as ArrayBuffer;
  try {
    if (!(await tst.verify({ data }))) return invalid;
  } catch {
    return invalid;
  }
  const carried = (signed.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  const extra: pkijs.Certificate[] = [];
  for (const bytes of extraCerts) {
    try {
      extra.push(pkijs.Certificate.fromBER(new Uint8Array(bytes)));
    } catch {
      // not a certificate: ignored
    }
  }
  signed.certificates = [...carried, ...extra];
  let tsa: pkijs.Certificate | null = null;
  try {
    const result = await signed.verify({ signer: 0, data, checkChain: false, extendedMode: true });
    if (result.signatureVerified !== true || !result.signerCertificate) return invalid;
    tsa = result.signerCertificate;
  } catch {
    return invalid;
  }
  const t = genTime.getTime();
  if (!isTimeStampingCertificate(tsa) || tsa.notBefore.value.getTime() > t || t > tsa.notAfter.value.getTime()) return invalid;
  if (trust) {
    const tsaDer = der(tsa);
    const others = signed.certificates.filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).map(der);
    if (!(await chainsToTrusted(tsaDer, others, anchorsFor(trust, 'tsa', genTime), genTime))) return { time: null, verified: false, problem: 'timestamp-untrusted' };
  }
  return { time: genTime, verified: true, problem: null };
}
