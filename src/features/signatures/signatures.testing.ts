// Test fixtures built for real: a test CA (@peculiar/x509), ASiC-E containers signed with xadesjs, PDFs
// signed with a CMS signature (pkijs) in /ByteRange + /Contents, incrementally like a second signer does.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
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

export type TestKeyHolder = { cert: x509.X509Certificate; keys: CryptoKeyPair; der: Uint8Array };

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
  return { cert, keys, der: new Uint8Array(cert.rawData) };
}

/** One XAdES-BES signature over the given container files, as META-INF/signaturesN.xml content. */
export async function xadesSignature(files: Record<string, Uint8Array>, signer: TestKeyHolder, signingTime = new Date()): Promise<Uint8Array> {
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
  return new Uint8Array(Buffer.from(new xmldom.XMLSerializer().serializeToString(doc as never), 'utf8'));
}

export function zip(entries: Record<string, Uint8Array>): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, content] of Object.entries(entries)) zippable[name] = name === 'mimetype' ? [content, { level: 0 }] : content;
  return zipSync(zippable);
}

/** A real ASiC-E (.edoc/.asice): mimetype first, the files, one signature file per signer. */
export async function buildAsice(files: Record<string, Uint8Array>, signers: readonly TestKeyHolder[], signingTime?: Date): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = { mimetype: new TextEncoder().encode(ASIC_E_MIMETYPE), ...files };
  for (const [i, signer] of signers.entries()) entries[`META-INF/signatures${i}.xml`] = await xadesSignature(files, signer, signingTime);
  return zip(entries);
}

export function plainPdf(text = 'Iesniegums'): Uint8Array {
  const body = `%PDF-1.7\n1 0 obj\n<</Type/Catalog/Pages 2 0 R>>\nendobj\n2 0 obj\n<</Type/Pages/Kids[3 0 R]/Count 1>>\nendobj\n3 0 obj\n<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]/Contents 4 0 R>>\nendobj\n4 0 obj\n<</Length ${text.length + 20}>>\nstream\nBT /F1 12 Tf (${text}) Tj ET\nendstream\nendobj\ntrailer\n<</Root 1 0 R/Size 5>>\n%%EOF\n`;
  return new Uint8Array(Buffer.from(body, 'latin1'));
}

const CONTENTS_BYTES = 8192;

async function cmsSignature(data: Uint8Array, signer: TestKeyHolder, signingTime: Date): Promise<Uint8Array> {
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
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: cms.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER(false));
}

/** Appends a signature revision (incremental update) with a CMS over the whole file but /Contents. */
export async function signPdf(pdf: Uint8Array, signer: TestKeyHolder, signingTime = new Date()): Promise<Uint8Array> {
  const placeholder = '0'.repeat(CONTENTS_BYTES * 2);
  const rangeSlot = ' '.repeat(40);
  const prefix = `\n9${pdf.length % 1000} 0 obj\n<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange [${rangeSlot}]/Contents <`;
  const suffix = `>/M(D:20260101000000Z)>>\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n`;
  let text = Buffer.from(pdf).toString('latin1') + prefix + placeholder + suffix;
  const contentsStart = pdf.length + prefix.length - 1;
  const contentsEnd = contentsStart + placeholder.length + 2;
  const range = `0 ${contentsStart} ${contentsEnd} ${text.length - contentsEnd}`.padEnd(40, ' ');
  text = text.replace(`[${rangeSlot}]`, `[${range}]`);
  const bytes = Buffer.from(text, 'latin1');
  const signed = Buffer.concat([bytes.subarray(0, contentsStart), bytes.subarray(contentsEnd)]);
  const cms = Buffer.from(await cmsSignature(signed, signer, signingTime)).toString('hex');
  if (cms.length > placeholder.length) throw new Error('CMS larger than the placeholder');
  bytes.write(cms.padEnd(placeholder.length, '0'), contentsStart + 1, 'latin1');
  return new Uint8Array(bytes);
}

/** A trusted list (ETSI TS 119 612 shape) naming the given CA certificates as service identities. */
export function trustedListXml(cas: readonly TestKeyHolder[]): string {
  const services = cas
    .map((ca) => `<TSPService><ServiceInformation><ServiceTypeIdentifier>http://uri.etsi.org/TrstSvc/Svctype/CA/QC</ServiceTypeIdentifier><ServiceDigitalIdentity><DigitalId><X509Certificate>${Buffer.from(ca.der).toString('base64')}</X509Certificate></DigitalId></ServiceDigitalIdentity></ServiceInformation></TSPService>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><TrustServiceStatusList xmlns="http://uri.etsi.org/02231/v2#"><SchemeInformation><SchemeTerritory>LV</SchemeTerritory></SchemeInformation><TrustServiceProviderList><TrustServiceProvider><TSPServices>${services}</TSPServices></TrustServiceProvider></TrustServiceProviderList></TrustServiceStatusList>`;
}
