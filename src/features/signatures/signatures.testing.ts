// Signed documents for the tests, built for real: ASiC-E containers signed with xadesjs, PDFs signed with a CMS
// signature (pkijs) in /ByteRange + /Contents, incrementally like a second signer does, and PDF document security
// stores. The test PKI and trusted lists are in test-pki.testing.ts and trusted-list.testing.ts (re-exported here).
import { webcrypto } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import * as xmldom from '@xmldom/xmldom';
import * as asn1js from 'asn1js';
import { zipSync, type Zippable } from 'fflate';
import * as pkijs from 'pkijs';
import { ASIC_E_MIMETYPE } from './container.ts';
import { nextSerial, ocspResponse, pk, signedDataBy, timestampToken, type TestKeyHolder } from './test-pki.testing.ts';
import { xades } from './xml-setup.ts';

export * from './test-pki.testing.ts';
export * from './trusted-list.testing.ts';

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
    unsigned.push(`<xades:SignatureTimeStamp Id="TS-${nextSerial()}"><ds:CanonicalizationMethod Algorithm="${EXC_C14N}"/><xades:EncapsulatedTimeStamp>${Buffer.from(token).toString('base64')}</xades:EncapsulatedTimeStamp></xades:SignatureTimeStamp>`);
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
  const digest = new Uint8Array(await webcrypto.subtle.digest('SHA-256', new Uint8Array(data)));
  const signedAt = new pkijs.Attribute({ type: '1.2.840.113549.1.9.5', values: [new asn1js.UTCTime({ valueDate: signingTime })] });
  const cms = await signedDataBy(signer, { contentType: '1.2.840.113549.1.7.1', digest, more: [signedAt] });
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
