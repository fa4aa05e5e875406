// Test fixtures built for real: a test CA (@peculiar/x509), ASiC-E containers signed with xadesjs, PDFs
// signed with a CMS signature (pkijs) in /ByteRange + /Contents, incrementally like a second signer does.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import * as x509 from '@peculiar/x509';
import * as xmldom from '@xmldom/xmldom';
import * as asn1js from 'asn1js';
import { zipSync, type Zippable } from 'fflate';
import * as pkijs from 'pkijs';
import { ASIC_E_MIMETYPE } from './container.ts';
import { xades } from './xml-setup.ts';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;

export type TestKeyHolder = { cert: x509.X509Certificate; keys: CryptoKeyPair; der: Uint8Array; issuer?: TestKeyHolder };

let serial = 1;
const nextSerial = () => (serial++).toString(16).padStart(4, '0');

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

const pk = (holder: TestKeyHolder) => pkijs.Certificate.fromBER(new Uint8Array(holder.der));
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const ID_CT_TSTINFO = '1.2.840.113549.1.9.16.1.4';
const sha256 = async (data: Uint8Array) => new Uint8Array(await webcrypto.subtle.digest('SHA-256', new Uint8Array(data)));

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
  const cert = pk(tsa);
  const cms = new pkijs.SignedData({
    version: 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: ID_CT_TSTINFO, eContent: new asn1js.OctetString({ valueHex: content }) }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: ID_CT_TSTINFO })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: await sha256(content) })] }),
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  await cms.sign(tsa.keys.privateKey, 0, 'SHA-256');
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
export type LtOptions = { timestamp?: { tsa: TestKeyHolder; genTime?: Date; imprint?: 'other' }; ocsp?: Uint8Array | 'auto' | null; crl?: readonly Uint8Array[] };

const XADES_NS = 'http://uri.etsi.org/01903/v1.3.2#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';

/**
 * One XAdES signature over the given container files, as META-INF/signaturesN.xml content: XAdES-BES, with the
 * unsigned properties of `lt` (by default the OCSP "good" response of the signer's issuer, as eParaksts adds it).
 */
export async function xadesSignature(files: Record<string, Uint8Array>, signer: TestKeyHolder, signingTime = new Date(), lt: LtOptions = {}): Promise<Uint8Array> {
  const lib = xades();
  const signed = new lib.SignedXml();
  signed.contentHandler = async (ref) => (ref.Uri && !ref.Uri.startsWith('#') ? (files[decodeURIComponent(ref.Uri)] ? new Uint8Array(files[decodeURIComponent(ref.Uri)]!) : null) : null);
  const doc = lib.Parse('<asic:XAdESSignatures xmlns:asic="http://uri.etsi.org/02918/v1.2.1#"/>');
  const b64 = Buffer.from(signer.der).toString('base64');
  await signed.Sign({ name: 'ECDSA', hash: 'SHA-256' } as Algorithm, signer.keys.privateKey, doc, {
    x509: [b64],
    signingCertificate: b64,
    signingTime: { value: signingTime },
    references: Object.keys(files).map((name) => ({ uri: encodeURIComponent(name), hash: 'SHA-256' })),
  } as never);
  doc.documentElement.appendChild(signed.GetXml()!);
  let xml = new xmldom.XMLSerializer().serializeToString(doc as never);
  const unsigned: string[] = [];
  if (lt.timestamp) {
    // Exclusive c14n of ds:SignatureValue, written out by hand (not by the verifier's code): only ds is visibly used.
    const value = /<ds:SignatureValue>([^<]*)<\/ds:SignatureValue>/.exec(xml)![1]!;
    const canonical = `<ds:SignatureValue xmlns:ds="http://www.w3.org/2000/09/xmldsig#">${value}</ds:SignatureValue>`;
    const stamped = new TextEncoder().encode(lt.timestamp.imprint === 'other' ? `${canonical} ` : canonical);
    const token = await timestampToken(lt.timestamp.tsa, stamped, lt.timestamp.genTime);
    unsigned.push(`<xades:SignatureTimeStamp Id="TS-${serial}"><ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/><xades:EncapsulatedTimeStamp>${Buffer.from(token).toString('base64')}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp>`);
  }
  const certValues = [signer.issuer, lt.timestamp?.tsa].filter((c): c is TestKeyHolder => c !== undefined);
  if (certValues.length > 0) unsigned.push(`<xades:CertificateValues>${certValues.map((c) => `<xades:EncapsulatedX509Certificate>${Buffer.from(c.der).toString('base64')}</xades:EncapsulatedX509Certificate>`).join('')}</xades:CertificateValues>`);
  const ocsp = lt.ocsp === undefined || lt.ocsp === 'auto' ? (signer.issuer ? await ocspResponse(signer) : null) : lt.ocsp;
  const crls = (lt.crl ?? []).map((c) => `<xades:EncapsulatedCRLValue>${Buffer.from(c).toString('base64')}</xades:EncapsulatedCRLValue>`).join('');
  if (ocsp || crls) {
    const ocspValues = ocsp ? `<xades:OCSPValues><xades:EncapsulatedOCSPValue>${Buffer.from(ocsp).toString('base64')}</xades:EncapsulatedOCSPValue></xades:OCSPValues>` : '';
    unsigned.push(`<xades:RevocationValues>${crls ? `<xades:CRLValues>${crls}</xades:CRLValues>` : ''}${ocspValues}</xades:RevocationValues>`);
  }
  if (unsigned.length > 0) {
    xml = xml.replace('</xades:QualifyingProperties>', `<xades:UnsignedProperties xmlns:xades="${XADES_NS}"><xades:UnsignedSignatureProperties>${unsigned.join('')}</xades:UnsignedSignatureProperties></xades:UnsignedProperties></xades:QualifyingProperties>`);
  }
  return new Uint8Array(Buffer.from(xml, 'utf8'));
}

export function zip(entries: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(entries)) zippable[name] = name === 'mimetype' ? [content, { level: 0 }] : content;
  return zipSync(zippable);
}

/** A real ASiC-E (.edoc/.asice): mimetype first, the files, one signature file per signer. */
export async function buildAsice(files: Record<string, Uint8Array>, signers: readonly TestKeyHolder[], signingTime?: Date, lt?: LtOptions): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = { mimetype: new TextEncoder().encode(ASIC_E_MIMETYPE), ...files };
  for (const [i, signer] of signers.entries()) entries[`META-INF/signatures${i}.xml`] = await xadesSignature(files, signer, signingTime, lt);
  return zip(entries);
}

export function plainPdf(text = 'Iesniegums'): Uint8Array {
  const body = `%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>\nendobj\n4 0 obj\n<</Length ${text.length + 20}>>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream\nendobj\ntrailer\n<</Root 1 0 R/Size 5>>\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const CONTENTS_BYTES = 8192;

async function cmsSignature(data: Uint8Array, signer: TestKeyHolder, signingTime: Date, lt: LtOptions = {}): Promise<Uint8Array> {
  const cert = pkijs.Certificate.fromBER(new Uint8Array(signer.der));
  const digest = await webcrypto.subtle.digest('SHA-256', new Uint8Array(data));
  const cms = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: cert.issuer, serialNumber: cert.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({
          type: 0,
          attributes: [
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.3', values: [new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.1' })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.4', values: [new asn1js.OctetString({ valueHex: digest })] }),
            new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] }),
          ],
        }),
      }),
    ],
    certificates: [cert],
  });
  await cms.sign(signer.keys.privateKey, 0, 'SHA-256');
  const signerInfo = cms.signerInfos[0]!;
  if (lt.timestamp) {
    const value = new Uint8Array(signerInfo.signature.valueBlock.valueHexView);
    const stamped = lt.timestamp.imprint === 'other' ? new Uint8Array([...value, 0]) : value;
    const token = await timestampToken(lt.timestamp.tsa, stamped, lt.timestamp.genTime);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({ type: 1, attributes: [new pkijs.Attribute({ type: '1.2.840.113549.1.9.16.2.14', values: [asn1js.fromBER(token).result] })] });
  }
  // CAdES-LT: the OCSP response in SignedData's RevocationInfoChoices (id-ri-ocsp-response), taken after signing.
  const ocsp = lt.ocsp === undefined || lt.ocsp === 'auto' ? (signer.issuer ? await ocspResponse(signer) : null) : lt.ocsp;
  const crls: Array<pkijs.CertificateRevocationList | pkijs.OtherRevocationInfoFormat> = (lt.crl ?? []).map((c) => pkijs.CertificateRevocationList.fromBER(new Uint8Array(c)));
  if (ocsp) crls.push(new pkijs.OtherRevocationInfoFormat({ otherRevInfoFormat: '1.3.6.1.5.5.7.16.2', otherRevInfo: asn1js.fromBER(ocsp).result }));
  if (crls.length > 0) cms.crls = crls;
  if (lt.timestamp) cms.certificates = [...(cms.certificates ?? []), pk(lt.timestamp.tsa)];
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: cms.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** Appends a signature revision (incremental update) with a CMS over the whole file but /Contents. */
export async function signPdf(pdf: Uint8Array, signer: TestKeyHolder, signingTime = new Date(), lt: LtOptions = {}): Promise<Uint8Array> {
  return appendSignatureRevision(pdf, '/Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached', (signed) => cmsSignature(signed, signer, signingTime, lt));
}

/** PAdES-LTA: appends a document time-stamp revision (SubFilter ETSI.RFC3161: a time-stamp token over the file but /Contents). */
export async function appendDocTimestamp(pdf: Uint8Array, tsa: TestKeyHolder): Promise<Uint8Array> {
  return appendSignatureRevision(pdf, '/Type/DocTimeStamp/Filter/Adobe.PPKLite/SubFilter/ETSI.RFC3161', (signed) => timestampToken(tsa, signed));
}

async function appendSignatureRevision(pdf: Uint8Array, kind: string, contentsOf: (signed: Uint8Array) => Promise<Uint8Array>): Promise<Uint8Array> {
  const placeholder = '0'.repeat(CONTENTS_BYTES * 2);
  const rangeSlot = ' '.repeat(40);
  const prefix = `\n9${pdf.length % 1000} 0 obj\n<<${kind}/ByteRange [${rangeSlot}]/Contents <`;
  const suffix = `>/M(D:20260101000000Z)>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n`;
  let text = Buffer.from(pdf).toString('latin1') + prefix + placeholder + suffix;
  const contentsStart = pdf.length + prefix.length - 1;
  const contentsEnd = contentsStart + placeholder.length + 2;
  const range = `0 ${contentsStart} ${contentsEnd} ${text.length - contentsEnd}`.padEnd(40, ' ');
  text = text.replace(`[${rangeSlot}]`, `[${range}]`);
  const bytes = Buffer.from(text, 'latin1');
  const signed = Buffer.concat([bytes.subarray(0, contentsStart), bytes.subarray(contentsEnd)]);
  const cms = Buffer.from(await contentsOf(new Uint8Array(signed))).toString('hex');
  if (cms.length > placeholder.length) throw new Error('CMS larger than the placeholder');
  bytes.write(cms.padEnd(placeholder.length, '0'), contentsStart + 1, 'latin1');
  return new Uint8Array(bytes);
}

const SVCSTATUS = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/';
export type TestService = {
  cert: TestKeyHolder;
  /** ServiceTypeIdentifier after .../Svctype/ (default CA/QC). */
  type?: string;
  status?: 'granted' | 'withdrawn' | 'undersupervision' | 'accredited';
  since?: Date;
  history?: Array<{ status: 'granted' | 'withdrawn' | 'undersupervision' | 'accredited'; since: Date }>;
};

/** A trusted list (ETSI TS 119 612 shape), unsigned: CA certificates as granted CA/QC services, or services as described. */
export function trustedListXml(entries: ReadonlyArray<TestKeyHolder | TestService>): string {
  const services = entries
    .map((e) => ('cert' in e && 'keys' in e.cert ? e : { cert: e as TestKeyHolder }) as TestService)
    .map((s) => {
      const history = (s.history ?? []).map((h) => `<ServiceHistoryInstance><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/${s.type ?? 'CA/QC'}</ServiceTypeIdentifier><ServiceStatus>${SVCSTATUS}${h.status}</ServiceStatus><StatusStartingTime>${h.since.toISOString()}</StatusStartingTime></ServiceHistoryInstance>`).join('');
      return `<TSPService><ServiceInformation><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/${s.type ?? 'CA/QC'}</ServiceTypeIdentifier><ServiceDigitalIdentity><DigitalId><X509Certificate>${Buffer.from(s.cert.der).toString('base64')}</X509Certificate></DigitalId></ServiceDigitalIdentity><ServiceStatus>${SVCSTATUS}${s.status ?? 'granted'}</ServiceStatus><StatusStartingTime>${(s.since ?? new Date('2016-07-01T00:00:00Z')).toISOString()}</StatusStartingTime></ServiceInformation>${history ? `<ServiceHistory>${history}</ServiceHistory>` : ''}</TSPService>`;
    })
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#" Id="tsl"><SchemeInformation><SchemeTerritory>LV</SchemeTerritory></SchemeInformation><TrustServiceProviderList><TrustServiceProvider><TSPServices>${services}</TSPServices></TrustServiceProvider></TrustServiceProviderList></TrustServiceStatusList>`;
}

/** The list signed as the supervisory body does: an enveloped XAdES signature over the whole list. */
export async function signTrustedList(xml: string, signer: TestKeyHolder): Promise<string> {
  const lib = xades();
  const doc = lib.Parse(xml);
  const signed = new lib.SignedXml();
  const b64 = Buffer.from(signer.der).toString('base64');
  await signed.Sign({ name: 'ECDSA', hash: 'SHA-256' } as Algorithm, signer.keys.privateKey, doc, {
    x509: [b64],
    signingCertificate: b64,
    references: [{ uri: '', hash: 'SHA-256', transforms: ['enveloped', 'exc-c14n'] }],
  } as never);
  doc.documentElement.appendChild(signed.GetXml()!);
  return new xmldom.XMLSerializer().serializeToString(doc as never);
}

/** A signed trusted list of the given CAs/services, with a fresh list signer (returned for pinning). */
export async function signedTrustedList(entries: ReadonlyArray<TestKeyHolder | TestService>, listSigner?: TestKeyHolder): Promise<{ xml: string; signer: TestKeyHolder }> {
  const signer = listSigner ?? (await makeCa('Apkalpe Test TL Scheme Operator'));
  return { xml: await signTrustedList(trustedListXml(entries), signer), signer };
}

export type DssOptions = {
  ocsp?: readonly Uint8Array[];
  crl?: readonly Uint8Array[];
  certs?: readonly TestKeyHolder[];
  /** Compress the streams (FlateDecode), as most writers do; default true. */
  compress?: boolean;
  /** More objects written into the same update, e.g. a page content stream redefined ("4 0 obj … endobj"). */
  extra?: string;
  /** A cross-reference stream (FlateDecode, PNG Up predictor) instead of a classic xref table and trailer. */
  xrefStream?: boolean;
  /** Object numbers the update's cross-reference marks free. */
  free?: readonly number[];
  /** Cross-reference entries pointing an object at another byte offset (e.g. an older definition). */
  repoint?: ReadonlyArray<{ n: number; offset: number }>;
};

/**
 * PAdES-LT: an incremental update after the last signature that adds a document security store — the catalog
 * (object 1 of plainPdf) rewritten with /DSS, a /DSS dictionary with /OCSPs, /CRLs and /Certs arrays of streams — with
 * a classic cross-reference section and trailer, as eParaksts and Adobe do.
 */
export function appendDss(pdf: Uint8Array, options: DssOptions = {}): Uint8Array {
  const compress = options.compress ?? true;
  let next = 700 + (pdf.length % 97) * 10;
  const parts: Array<{ n: number; body: Buffer }> = [];
  const stream = (data: Uint8Array): number => {
    const payload = compress ? deflateSync(data) : Buffer.from(data);
    const n = next++;
    parts.push({ n, body: Buffer.concat([Buffer.from(`<</Length ${payload.length}${compress ? '/Filter/FlateDecode' : ''}>>\nstream\n`, 'latin1'), payload, Buffer.from('\nendstream', 'latin1')]) });
    return n;
  };
  const refs = (list: readonly Uint8Array[]) => list.map((d) => `${stream(d)} 0 R`).join(' ');
  const ocsps = refs(options.ocsp ?? []);
  const crls = refs(options.crl ?? []);
  const certs = refs((options.certs ?? []).map((c) => c.der));
  const dss = next++;
  parts.push({ n: dss, body: Buffer.from(`<</Type/DSS/OCSPs[${ocsps}]/CRLs[${crls}]/Certs[${certs}]>>`, 'latin1') });
  parts.push({ n: 1, body: Buffer.from(`<</Type/Catalog/Pages 2 0 R/DSS ${dss} 0 R>>`, 'latin1') });
  const chunks: Buffer[] = [Buffer.from(pdf)];
  let offset = pdf.length;
  const offsets = new Map<number, number>();
  const push = (b: Buffer) => {
    chunks.push(b);
    offset += b.length;
  };
  push(Buffer.from('\n', 'latin1'));
  for (const part of parts) {
    offsets.set(part.n, offset);
    push(Buffer.concat([Buffer.from(`${part.n} 0 obj\n`, 'latin1'), part.body, Buffer.from('\nendobj\n', 'latin1')]));
  }
  if (options.extra) push(Buffer.from(options.extra, 'latin1'));
  const xrefAt = offset;
  const free = options.free ?? [];
  for (const { n, offset: at } of options.repoint ?? []) offsets.set(n, at);
  if (options.xrefStream) {
    const self = next++;
    const entries: Array<[number, number, number]> = [...[...offsets.entries()].map(([n, o]): [number, number, number] => [n, 1, o]), [self, 1, xrefAt] as [number, number, number], ...free.map((n): [number, number, number] => [n, 0, 0])].sort((a, b) => a[0] - b[0]);
    const rows = entries.map(([, type, o]) => [type, (o >>> 24) & 0xff, (o >>> 16) & 0xff, (o >>> 8) & 0xff, o & 0xff, 0, 0]);
    const predicted = rows.flatMap((row, r) => [2, ...row.map((b, c) => (b - (r > 0 ? rows[r - 1]![c]! : 0)) & 0xff)]);
    const data = deflateSync(Buffer.from(predicted));
    const index = entries.map(([n]) => `${n} 1`).join(' ');
    push(Buffer.concat([Buffer.from(`${self} 0 obj\n<</Type/XRef/Size ${next}/W[1 4 2]/Index[${index}]/Root 1 0 R/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns 7>>/Length ${data.length}>>\nstream\n`, 'latin1'), data, Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1')]));
    return new Uint8Array(Buffer.concat(chunks));
  }
  const sections = [...[...offsets.entries()].map(([n, o]) => `${n} 1\n${String(o).padStart(10, '0')} 00000 n \n`), ...free.map((n) => `${n} 1\n0000000000 00001 f \n`)].join('');
  push(Buffer.from(`xref\n0 1\n0000000000 65535 f \n${sections}trailer\n<</Size ${next}/Root 1 0 R>>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
  return new Uint8Array(Buffer.concat(chunks));
}
