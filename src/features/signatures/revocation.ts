import 'reflect-metadata';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { chainsToTrusted } from './certificates.ts';
import type { Revocation, SignatureProblem } from './signatures.schema.ts';
import { anchorsFor, type TrustAnchors } from './trust.ts';

const ID_PKIX_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1';
const EKU = '2.5.29.37';
const KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9';
/**
 * How long before the signing time a "good" answer may have been produced and still speak for it. A response taken
 * after signing (XAdES-LT, eParaksts) always does; one embedded before signing (Adobe's signed revocation attribute)
 * is accepted within this margin; an older one is stale: revocation not checked.
 */
export const REVOCATION_GRACE_MS = 15 * 60_000;

export type RevocationInput = {
  signer: Uint8Array;
  /** Every certificate the signature carries (key info, certificate values, CMS certificates). */
  certificates: readonly Uint8Array[];
  ocsp: readonly Uint8Array[];
  crl: readonly Uint8Array[];
  /**
   * Revocation data of the PDF's document security store (/DSS): it serves every signature and certificate of the
   * document, so an entry that is not about this signer (another certificate's OCSP answer, another issuer's CRL, an
   * unreadable stream) is passed over rather than counted against it.
   */
  store?: { ocsp: readonly Uint8Array[]; crl: readonly Uint8Array[] };
  trust: TrustAnchors | null;
  signedAt: Date;
  /** Whether signedAt is proven (a verified time-stamp), not merely claimed by the signer. */
  timeProven: boolean;
};
export type RevocationCheck = { revocation: Revocation; problem: Extract<SignatureProblem, 'certificate-revoked' | 'revocation-invalid' | 'revocation-not-checked'> | null };

const NOT_CHECKED: RevocationCheck = { revocation: { status: 'not-checked', source: null, producedAt: null, revokedAt: null }, problem: 'revocation-not-checked' };
const der = (c: pkijs.Certificate) => new Uint8Array(c.toSchema(true).toBER(false));
const same = (a: pkijs.Certificate, b: pkijs.Certificate) => Buffer.from(der(a)).equals(Buffer.from(der(b)));

function parseCerts(list: readonly Uint8Array[]): pkijs.Certificate[] {
  const out: pkijs.Certificate[] = [];
  for (const bytes of list) {
    try {
      out.push(pkijs.Certificate.fromBER(new Uint8Array(bytes)));
    } catch {
      // not a certificate: ignored
    }
  }
  return out;
}

async function issuerOf(cert: pkijs.Certificate, candidates: readonly pkijs.Certificate[]): Promise<pkijs.Certificate | null> {
  for (const candidate of candidates) {
    if (!cert.issuer.isEqual(candidate.subject)) continue;
    try {
      if (await cert.verify(candidate)) return candidate;
    } catch {
      // another key type or a broken certificate: not the issuer
    }
  }
  return null;
}

function validAt(cert: pkijs.Certificate, at: Date): boolean {
  return cert.notBefore.value.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.value.getTime();
}

function hasOcspSigning(cert: pkijs.Certificate): boolean {
  const ext = cert.extensions?.find((e) => e.extnID === EKU);
  if (!ext) return false;
  try {
    const usage = ext.parsedValue instanceof pkijs.ExtKeyUsage ? ext.parsedValue : new pkijs.ExtKeyUsage({ schema: asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result });
    return usage.keyPurposes.includes(KP_OCSP_SIGNING);
  } catch {
    return false;
  }
}

function basicResponse(bytes: Uint8Array): pkijs.BasicOCSPResponse {
  try {
    const response = pkijs.OCSPResponse.fromBER(new Uint8Array(bytes));
    if (response.responseStatus.valueBlock.valueDec !== 0 || !response.responseBytes) throw new Error('unsuccessful');
    if (response.responseBytes.responseType !== ID_PKIX_OCSP_BASIC) throw new Error('not basic');
    return pkijs.BasicOCSPResponse.fromBER(new Uint8Array(response.responseBytes.response.valueBlock.valueHexView));
  } catch {
    return pkijs.BasicOCSPResponse.fromBER(new Uint8Array(bytes)); // a bare BasicOCSPResponse, as some signers store it
  }
}

type Finding = { status: 'good' | 'revoked' | 'unknown'; source: 'OCSP' | 'CRL'; producedAt: Date; revokedAt: Date | null } | { status: 'invalid' };

/**
 * One OCSP response for the signer certificate: its signature verifies (pkijs) with a responder authorised for the
 * signer's issuer — the issuer itself, a responder it delegated (id-kp-OCSPSigning, issued by it, valid when the
 * response was produced), or an OCSP service of the trusted list (or a certificate chaining to one) approved then —
 * and one of its SingleResponses names the signer certificate (CertID: issuer name and key hash, serial).
 */
async function examineOcsp(bytes: Uint8Array, signer: pkijs.Certificate, issuer: pkijs.Certificate, pool: readonly pkijs.Certificate[], trust: TrustAnchors | null): Promise<Finding> {
  let basic: pkijs.BasicOCSPResponse;
  try {
    basic = basicResponse(bytes);
  } catch {
    return { status: 'invalid' };
  }
  const producedAt = basic.tbsResponseData.producedAt;
  const embedded = basic.certs ?? [];
  const authorised: pkijs.Certificate[] = [issuer];
  for (const cert of [...embedded, ...pool]) {
    if (authorised.some((a) => same(a, cert)) || !validAt(cert, producedAt)) continue;
    if (hasOcspSigning(cert) && (await issuerOf(cert, [issuer]))) authorised.push(cert);
    else if (trust && hasOcspSigning(cert)) {
      const services = anchorsFor(trust, 'ocsp', producedAt);
      if (services.length > 0 && (await chainsToTrusted(der(cert), pool.map(der), services, producedAt))) authorised.push(cert);
    }
  }
  if (trust) for (const cert of parseCerts(anchorsFor(trust, 'ocsp', producedAt))) authorised.push(cert);
  basic.certs = [...embedded, ...authorised.filter((a) => !embedded.some((e) => same(e, a)))];
  let genuine = false;
  try {
    genuine = await basic.verify({ trustedResponders: authorised });
  } catch {
    genuine = false;
  }
  if (!genuine) return { status: 'invalid' };
  for (const single of basic.tbsResponseData.responses) {
    if (!(await namesSigner(single, signer, issuer))) continue;
    const status = single.certStatus as asn1js.BaseBlock & { idBlock: { tagNumber: number }; valueBlock: { value?: asn1js.BaseBlock[] } };
    const tag = status.idBlock.tagNumber;
    if (tag === 0) return { status: 'good', source: 'OCSP', producedAt, revokedAt: null };
    if (tag === 1) {
      const time = status.valueBlock.value?.[0] as asn1js.GeneralizedTime | undefined;
      return { status: 'revoked', source: 'OCSP', producedAt, revokedAt: time?.toDate ? time.toDate() : producedAt };
    }
    return { status: 'unknown', source: 'OCSP', producedAt, revokedAt: null };
  }
  return { status: 'invalid' }; // genuine, but for another certificate
}

/** Whether an OCSP response (genuine or not) answers for the signer certificate at all. */
async function ocspNames(bytes: Uint8Array, signer: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  try {
    const basic = basicResponse(bytes);
    for (const single of basic.tbsResponseData.responses) if (await namesSigner(single, signer, issuer)) return true;
  } catch {
    // unreadable: not about this signer
  }
  return false;
}

/** Whether a CRL is in the name of the signer's issuer (whoever signed it). */
function crlNames(bytes: Uint8Array, issuer: pkijs.Certificate): boolean {
  try {
    return pkijs.CertificateRevocationList.fromBER(new Uint8Array(bytes)).issuer.isEqual(issuer.subject);
  } catch {
    return false;
  }
}

async function namesSigner(single: pkijs.SingleResponse, signer: pkijs.Certificate, issuer: pkijs.Certificate): Promise<boolean> {
  const algorithm = pkijs.getCrypto(true).getAlgorithmByOID(single.certID.hashAlgorithm.algorithmId, false);
  if (!algorithm || !('name' in algorithm)) return false;
  const expected = new pkijs.CertID();
  await expected.createForCertificate(signer, { hashAlgorithm: algorithm.name, issuerCertificate: issuer });
  return single.certID.isEqual(expected);
}

/** One CRL: issued and signed by the signer's issuer; the signer's serial listed or not. */
async function examineCrl(bytes: Uint8Array, signer: pkijs.Certificate, issuer: pkijs.Certificate): Promise<Finding> {
  try {
    const crl = pkijs.CertificateRevocationList.fromBER(new Uint8Array(bytes));
    if (!crl.issuer.isEqual(issuer.subject) || !(await crl.verify({ issuerCertificate: issuer }))) return { status: 'invalid' };
    const producedAt = crl.thisUpdate.value;
    const entry = (crl.revokedCertificates ?? []).find((r) => r.userCertificate.isEqual(signer.serialNumber));
    return entry ? { status: 'revoked', source: 'CRL', producedAt, revokedAt: entry.revocationDate.value } : { status: 'good', source: 'CRL', producedAt, revokedAt: null };
  } catch {
    return { status: 'invalid' };
  }
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/**
 * The signer certificate's status at the signing time from the revocation data the signature carries (nothing is
 * fetched). Revoked at or before the signing time — or revoked at all when the signing time is only claimed, not
 * proven by a verified time-stamp — is "certificate-revoked". A response that is not genuine or not for this
 * certificate (and no genuine one beside it) is "revocation-invalid". No data, an "unknown" answer, or only a
 * "good" answer produced well before signing is "revocation-not-checked".
 */
export async function checkRevocation(input: RevocationInput): Promise<RevocationCheck> {
  if (input.ocsp.length === 0 && input.crl.length === 0 && !input.store?.ocsp.length && !input.store?.crl.length) return NOT_CHECKED;
  let signer: pkijs.Certificate;
  try {
    signer = pkijs.Certificate.fromBER(new Uint8Array(input.signer));
  } catch {
    return NOT_CHECKED;
  }
  const pool = parseCerts(input.certificates);
  const anchors = input.trust ? parseCerts(input.trust.services.flatMap((s) => s.certificates)) : [];
  const issuer = await issuerOf(signer, [...pool, ...anchors]);
  if (!issuer) return NOT_CHECKED; // without the issuer's key no answer can be tied to this certificate
  const findings: Finding[] = [];
  for (const bytes of input.ocsp) findings.push(await examineOcsp(bytes, signer, issuer, pool, input.trust));
  for (const bytes of input.crl) findings.push(await examineCrl(bytes, signer, issuer));
  for (const bytes of input.store?.ocsp ?? []) if (await ocspNames(bytes, signer, issuer)) findings.push(await examineOcsp(bytes, signer, issuer, pool, input.trust));
  for (const bytes of input.store?.crl ?? []) if (crlNames(bytes, issuer)) findings.push(await examineCrl(bytes, signer, issuer));
  if (findings.length === 0) return NOT_CHECKED; // only store entries about other certificates
  const genuine = findings.filter((f): f is Exclude<Finding, { status: 'invalid' }> => f.status !== 'invalid');
  if (genuine.length === 0) return { revocation: { status: 'invalid', source: null, producedAt: null, revokedAt: null }, problem: 'revocation-invalid' };
  const signedAt = input.signedAt.getTime();
  const revoked = genuine.filter((f) => f.status === 'revoked').sort((a, b) => a.revokedAt!.getTime() - b.revokedAt!.getTime())[0];
  if (revoked) {
    const before = revoked.revokedAt!.getTime() <= signedAt || !input.timeProven;
    return { revocation: { status: 'revoked', source: revoked.source, producedAt: iso(revoked.producedAt), revokedAt: iso(revoked.revokedAt) }, problem: before ? 'certificate-revoked' : null };
  }
  const fresh = genuine.filter((f) => f.status === 'good' && f.producedAt.getTime() >= signedAt - REVOCATION_GRACE_MS).sort((a, b) => a.producedAt.getTime() - b.producedAt.getTime())[0];
  if (fresh) return { revocation: { status: 'good', source: fresh.source, producedAt: iso(fresh.producedAt), revokedAt: null }, problem: null };
  const latest = genuine.sort((a, b) => b.producedAt.getTime() - a.producedAt.getTime())[0]!;
  return { revocation: { status: latest.status === 'unknown' ? 'unknown' : 'not-checked', source: latest.source, producedAt: iso(latest.producedAt), revokedAt: null }, problem: 'revocation-not-checked' };
}
