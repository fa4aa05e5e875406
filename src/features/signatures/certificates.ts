import 'reflect-metadata';
import { X509Certificate } from '@peculiar/x509';
import * as pkijs from 'pkijs';

export type SignerCertificate = {
  der: Uint8Array;
  signer: string;
  personalCode?: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
};

const SERIAL_NUMBER_OID = '2.5.4.5';

/** PNOLV-010101-12345 (ETSI EN 319 412-1 semantics identifier) → 010101-12345; other forms as they are. */
export function personalCodeFrom(serialNumber: string | undefined): string | undefined {
  if (!serialNumber) return undefined;
  const match = /^(?:PNO|IDC|PAS)[A-Z]{2}-(.+)$/.exec(serialNumber.trim());
  return match ? match[1] : serialNumber.trim();
}

function field(name: X509Certificate['subjectName'], type: string): string | undefined {
  const values = name.getField(type);
  return values.length > 0 ? values[0] : undefined;
}

export function describeCertificate(der: Uint8Array): SignerCertificate {
  const cert = new X509Certificate(new Uint8Array(der));
  const subject = cert.subjectName;
  const given = field(subject, 'G') ?? field(subject, '2.5.4.42');
  const surname = field(subject, 'SN') ?? field(subject, '2.5.4.4');
  const cn = field(subject, 'CN');
  const signer = cn ?? ([given, surname].filter(Boolean).join(' ') || cert.subject);
  const issuerName = field(cert.issuerName, 'CN') ?? cert.issuer;
  const personalCode = personalCodeFrom(field(subject, SERIAL_NUMBER_OID));
  return { der, signer, ...(personalCode ? { personalCode } : {}), issuer: issuerName, notBefore: cert.notBefore, notAfter: cert.notAfter };
}

export function validAt(cert: SignerCertificate, at: Date): boolean {
  return cert.notBefore.getTime() <= at.getTime() && at.getTime() <= cert.notAfter.getTime();
}

function toPkijs(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(new Uint8Array(der));
}

/**
 * Whether the signer's certificate chains (through the intermediates the signature carries) to one of the
 * trusted list's certificates, checked at the signing time. A trusted certificate itself counts as trusted.
 */
export async function chainsToTrusted(signer: Uint8Array, intermediates: readonly Uint8Array[], anchors: readonly Uint8Array[], at: Date): Promise<boolean> {
  if (anchors.length === 0) return false;
  const signerB64 = Buffer.from(signer).toString('base64');
  if (anchors.some((a) => Buffer.from(a).toString('base64') === signerB64)) return true;
  try {
    const engine = new pkijs.CertificateChainValidationEngine({
      trustedCerts: anchors.map(toPkijs),
      // pkijs validates the path of the LAST certificate of `certs`: the signer goes last, so that an unrelated
      // certificate the signature carries (e.g. a time-stamping unit's of another CA) cannot be taken for the leaf.
      certs: [...intermediates.filter((c) => Buffer.from(c).toString('base64') !== signerB64).map(toPkijs), toPkijs(signer)],
      checkDate: at,
    });
    const result = await engine.verify();
    return result.result === true;
  } catch {
    return false;
  }
}
