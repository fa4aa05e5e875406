// The test PKI, built for real inside the tests: a CA and signers (@peculiar/x509), TSA and OCSP service
// certificates, RFC 3161 time-stamp tokens, OCSP responses and CRLs (pkijs).
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export type TestKeyHolder = { cert: x509.X509Certificate; keys: CryptoKeyPair; der: Uint8Array; issuer?: TestKeyHolder };

let serial = 1;
export const nextSerial = () => (serial++).toString(16).padStart(4, '0');

export async function makeCa(name = 'Apkalpe Test CA'): Promise<TestKeyHolder> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(),
    name: [{ C: ['LV'] }, { O: ['Apkalpe tests'] }, { CN: [name] }],
    notBefore: new Date(Date.now() - 3650 * DAY),
    notAfter: new Date(Date.now() + 3650 * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true), new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true)],
  });
  return { cert, keys, der: new Uint8Array(cert.rawData) };
}

export async function makeSigner(ca: TestKeyHolder, options: { name?: string; personalCode?: string; notBefore?: Date; notAfter?: Date } = {}): Promise<TestKeyHolder> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: [{ C: ['LV'] }, { CN: [options.name ?? 'Jānis Bērziņš'] }, { '2.5.4.5': [`PNOLV-${options.personalCode ?? '010101-12345'}`] }],
    issuer: ca.cert.subjectName,
    notBefore: options.notBefore ?? new Date(Date.now() - 365 * DAY),
    notAfter: options.notAfter ?? new Date(Date.now() + 365 * DAY),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [new x509.KeyUsagesExtension(x509.KeyUsageFlags.nonRepudiation, true)],
  });
  return { cert, keys, der: new Uint8Array(cert.rawData), issuer: ca };
}

/** A service certificate issued by `ca`: a time-stamping unit (TSA) or a delegated OCSP responder. */
export async function makeServiceCert(ca: TestKeyHolder, purpose: 'tsa' | 'ocsp', name = purpose === 'tsa' ? 'Apkalpe Test TSA' : 'Apkalpe Test OCSP'): Promise<TestKeyHolder> {
  const keys = (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject: [{ C: ['LV'] }, { O: ['Apkalpe tests'] }, { CN: [name] }],
    issuer: ca.cert.subjectName,
    notBefore: new Date(Date.now() - 365 * DAY),
    notAfter: new Date(Date.now() + 365 * DAY),
    signingAlgorithm: ALG,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension([purpose === 'tsa' ? x509.ExtendedKeyUsage.timeStamping : x509.ExtendedKeyUsage.ocspSigning], true),
    ],
  });
  return { cert, keys, der: new Uint8Array(cert.rawData), issuer: ca };
}

/** The holder's certificate as pkijs reads it. */
export const pk = (holder: TestKeyHolder) => pkijs.Certificate.fromBER(new Uint8Array(holder.der));
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';
const sha256 = async (data: Uint8Array) => new Uint8Array(await webcrypto.subtle.digest('SHA-256', new Uint8Array(data)));

/**
 * A CMS SignedData signed by `holder` (its certificate inside) with the content-type and message-digest attributes
 * and any `more`; `content` is encapsulated when given (a time-stamp's TSTInfo), left detached otherwise (a PDF).
 */
export async function signedDataBy(
  holder: TestKeyHolder,
  { contentType, content, digest, more = [] }: { contentType: string; content?: Uint8Array; digest: Uint8Array; more?: pkijs.Attribute[] },
): Promise<pkijs.SignedData> {
  const cert = pk(holder);
  const cms = new pkijs.SignedData({
    version: content ? 3 : 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: contentType, ...(content ? { eContent: new asn1js.OctetString({ valueHex: content }) } : {}) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: contentType })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
            ...more,
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  await cms.sign(holder.keys.privateKey, 0, 'SHA-256');
  return cms;
}

/** An RFC 3161 time-stamp token by `tsa` over `stamped` (its SHA-256 is the messageImprint), TSA certificate inside. */
export async function timestampToken(tsa: TestKeyHolder, stamped: Uint8Array, genTime = new Date()): Promise<Uint8Array> {
  const tst = new pkijs.TSTInfo({
    version: 1,
    policy: '1.3.6.1.4.1.99999.1',
    messageImprint: new pkijs.MessageImprint({ hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_OID }), hashedMessage: new asn1js.OctetString({ valueHex: await sha256(stamped) }) }),
    serialNumber: new asn1js.Integer({ value: serial++ }),
    genTime,
  });
  const content = new Uint8Array(tst.toSchema().toBER(false));
  const cms = await signedDataBy(tsa, { contentType: ID_CT_TSTINFO, content, digest: await sha256(content) });
  return new Uint8Array(new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: cms.toSchema(true) }).toSchema().toBER(false));
}

export type OcspOptions = { status?: 'good' | { revokedAt: Date }; producedAt?: Date; responder?: TestKeyHolder; forCert?: TestKeyHolder };

/** An OCSP response (RFC 6960, full OCSPResponse) about `subject`, signed by its issuer or the given responder. */
export async function ocspResponse(subject: TestKeyHolder, options: OcspOptions = {}): Promise<Uint8Array> {
  const issuer = subject.issuer;
  if (!issuer) throw new Error('the subject has no issuer');
  const responder = options.responder ?? issuer;
  const producedAt = options.producedAt ?? new Date();
  const certID = new pkijs.CertID();
  await certID.createForCertificate(pk(options.forCert ?? subject), { hashAlgorithm: 'SHA-256', issuerCertificate: pk(issuer) });
  const status = options.status ?? 'good';
  const certStatus =
    status === 'good'
      ? new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: new ArrayBuffer(0) })
      : new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 1 }, value: [new asn1js.GeneralizedTime({ valueDate: status.revokedAt })] });
  const basic = new pkijs.BasicOCSPResponse({
    tbsResponseData: new pkijs.ResponseData({
      responderID: pk(responder).subject,
      producedAt,
      responses: [new pkijs.SingleResponse({ certID, certStatus, thisUpdate: producedAt })],
    }),
    certs: [pk(responder)],
  });
  await basic.sign(responder.keys.privateKey, 'SHA-256');
  const response = new pkijs.OCSPResponse({
    responseStatus: new asn1js.Enumerated({ value: 0 }),
    responseBytes: new pkijs.ResponseBytes({ responseType: '1.3.6.1.5.5.7.48.1.1', response: new asn1js.OctetString({ valueHex: basic.toSchema().toBER(false) }) }),
  });
  return new Uint8Array(response.toSchema().toBER(false));
}

export type CrlOptions = { revoked?: ReadonlyArray<{ cert: TestKeyHolder; at: Date }>; thisUpdate?: Date; signedBy?: TestKeyHolder };

/** A CRL (RFC 5280) in the name of `issuer`, listing the given certificates, signed by `issuer` or by `signedBy`. */
export async function crlOf(issuer: TestKeyHolder, options: CrlOptions = {}): Promise<Uint8Array> {
  const thisUpdate = options.thisUpdate ?? new Date();
  const crl = new pkijs.CertificateRevocationList({
    version: 1,
    issuer: pk(issuer).subject,
    thisUpdate: new pkijs.Time({ type: 0, value: thisUpdate }),
    nextUpdate: new pkijs.Time({ type: 0, value: new Date(thisUpdate.getTime() + 7 * DAY) }),
  });
  if (options.revoked?.length) {
    crl.revokedCertificates = options.revoked.map((r) => new pkijs.RevokedCertificate({ userCertificate: pk(r.cert).serialNumber, revocationDate: new pkijs.Time({ type: 0, value: r.at }) }));
  }
  await crl.sign((options.signedBy ?? issuer).keys.privateKey, 'SHA-256');
  return new Uint8Array(crl.toSchema(true).toBER(false));
}

/**
 * What makes a test signature XAdES-T/-LT: a signature time-stamp (by `tsa`; `imprint: 'other'` stamps some other
 * bytes) and the OCSP response about the signer ('auto': "good" from the issuer, produced now; null: none).
 */
