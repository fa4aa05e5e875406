import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { chainsToTrusted, describeCertificate, validAt, type SignerCertificate } from './certificates.ts';
import { dataFiles, signatureFiles, type ContainerEntries } from './container.ts';
import type { Signature, SignatureProblem } from './signatures.schema.ts';
import { checkRevocation } from './revocation.ts';
import { verifyTimestamp, type TimestampCheck } from './timestamp.ts';
import { anchorsFor, type TrustAnchors } from './trust.ts';
import { xades, xmldsig } from './xml-setup.ts';

const DS = 'http://www.w3.org/2000/09/xmldsig#';
const XADES = 'http://uri.etsi.org/01903/v1.3.2#';
const DIGESTS: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

type El = Element;
const children = (el: El | Document, ns: string, name: string): El[] => Array.from(el.getElementsByTagNameNS(ns, name) as unknown as ArrayLike<El>);
const text = (el: El | undefined): string => (el?.textContent ?? '').replace(/\s+/g, '');

function digestOf(method: string, data: Uint8Array): string | null {
  const alg = DIGESTS[method];
  return alg ? createHash(alg).update(data).digest('base64') : null;
}

/** Each detached reference to a container file: its digest compared with the file as it is now. */
type DigestCache = Map<string, string | null>;

function cachedDigest(cache: DigestCache, name: string, method: string, content: Uint8Array): string | null {
  const key = `${method} ${name}`;
  if (!cache.has(key)) cache.set(key, digestOf(method, content));
  return cache.get(key) ?? null;
}

function checkFileReferences(sig: El, entries: ContainerEntries, covered: Set<string>, cache: DigestCache): SignatureProblem[] {
  const problems = new Set<SignatureProblem>();
  const signedInfo = children(sig, DS, 'SignedInfo')[0];
  if (!signedInfo) return ['malformed-signature'];
  for (const ref of children(signedInfo, DS, 'Reference')) {
    const uri = ref.getAttribute('URI') ?? '';
    if (uri.startsWith('#')) continue;
    let name: string;
    try {
      name = decodeURIComponent(uri);
    } catch {
      problems.add('malformed-signature');
      continue;
    }
    const content = entries.get(name);
    if (!content) {
      problems.add('missing-file');
      continue;
    }
    covered.add(name);
    const method = children(ref, DS, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
    const expected = text(children(ref, DS, 'DigestValue')[0]);
    const actual = cachedDigest(cache, name, method, content);
    if (actual === null) problems.add('malformed-signature');
    else if (actual !== expected) problems.add('digest-mismatch');
  }
  return [...problems];
}

type SignedXmlInternals = {
  DigestReference(source: Element, reference: { Uri?: string; DigestValue: Uint8Array }, checkHmac: boolean): Promise<Uint8Array>;
  ValidateSignatureValue(keys: CryptoKey[]): Promise<boolean>;
  GetPublicKeys(): Promise<CryptoKey[]>;
};

/**
 * The signature value over SignedInfo and the digests of the same-document references (SignedProperties),
 * by xadesjs. The detached file references are compared by checkFileReferences (each file hashed once,
 * whatever the number of signatures), so the 10 MB files are not hashed again here.
 */
async function signatureValueHolds(doc: Document, sig: El): Promise<boolean> {
  const lib = xades();
  try {
    const signed = new lib.SignedXml(doc);
    signed.LoadXml(sig);
    const internals = signed as unknown as SignedXmlInternals;
    const root = doc.documentElement.cloneNode(true) as Element;
    for (const ref of signed.XmlSignature.SignedInfo.References.GetIterator()) {
      if (ref.Uri && !ref.Uri.startsWith('#')) continue;
      const digest = await internals.DigestReference(root, ref, false);
      if (Buffer.from(digest).toString('base64') !== Buffer.from(ref.DigestValue).toString('base64')) return false;
    }
    return await internals.ValidateSignatureValue(await internals.GetPublicKeys());
  } catch {
    return false;
  }
}

function signingCertificateMatches(sig: El, cert: SignerCertificate): boolean {
  const certDigests = children(sig, XADES, 'CertDigest');
  if (certDigests.length === 0) return true;
  return certDigests.some((d) => {
    const method = children(d, DS, 'DigestMethod')[0]?.getAttribute('Algorithm') ?? '';
    return digestOf(method, cert.der) === text(children(d, DS, 'DigestValue')[0]);
  });
}

const C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const CANONICALIZERS: Record<string, () => { LoadInnerXml(node: Node): void; GetOutput(): unknown }> = {
  [C14N]: () => new xmldsig.XmlDsigC14NTransform(),
  [`${C14N}#WithComments`]: () => new xmldsig.XmlDsigC14NWithCommentsTransform(),
  // Canonical XML 1.1 differs from 1.0 only in xml:id/xml:base inheritance, which ds:SignatureValue never has.
  'http://www.w3.org/2006/12/xml-c14n11': () => new xmldsig.XmlDsigC14NTransform(),
  'http://www.w3.org/2001/10/xml-exc-c14n#': () => new xmldsig.XmlDsigExcC14NTransform(),
  'http://www.w3.org/2001/10/xml-exc-c14n#WithComments': () => new xmldsig.XmlDsigExcC14NWithCommentsTransform(),
};

/**
 * What a XAdES SignatureTimeStamp stamps (ETSI EN 319 132-1, 5.3; XAdES 1.3.2 7.3): the ds:SignatureValue element
 * canonicalized by the time-stamp's ds:CanonicalizationMethod (Canonical XML 1.0 when absent). As a document
 * subset it keeps the namespaces in scope, so they are copied from its ancestors (exclusive c14n drops the unused).
 */
export function canonicalSignatureValue(sig: El, timestamp: El): Uint8Array | null {
  const value = children(sig, DS, 'SignatureValue')[0];
  if (!value) return null;
  const method = Array.from(timestamp.childNodes as unknown as ArrayLike<Node>).find((n): n is El => n.nodeType === 1 && (n as El).localName === 'CanonicalizationMethod')?.getAttribute('Algorithm') ?? C14N;
  const make = CANONICALIZERS[method];
  if (!make) return null;
  const copy = value.cloneNode(true) as El;
  const declared = new Set(Array.from(copy.attributes as unknown as ArrayLike<Attr>).filter((a) => a.name === 'xmlns' || a.name.startsWith('xmlns:')).map((a) => a.name));
  for (let node = value.parentNode as El | null; node && node.nodeType === 1; node = node.parentNode as El | null) {
    for (const attr of Array.from(node.attributes as unknown as ArrayLike<Attr>)) {
      if ((attr.name === 'xmlns' || attr.name.startsWith('xmlns:')) && !declared.has(attr.name)) {
        declared.add(attr.name);
        copy.setAttributeNS('http://www.w3.org/2000/xmlns/', attr.name, attr.value);
      }
    }
  }
  const transform = make();
  transform.LoadInnerXml(copy);
  return new Uint8Array(Buffer.from(String(transform.GetOutput()), 'utf8'));
}

/** The signature's own SignatureTimeStamp (not archive or references time-stamps), verified. Null: none. */
async function signatureTimestamp(sig: El, certificates: readonly Uint8Array[], trust: TrustAnchors | null): Promise<TimestampCheck | null> {
  const stamp = children(sig, XADES, 'SignatureTimeStamp')[0];
  if (!stamp) return null;
  const token = children(stamp, XADES, 'EncapsulatedTimeStamp')[0];
  const stamped = canonicalSignatureValue(sig, stamp);
  if (!token || !stamped) return { time: null, verified: false, problem: 'timestamp-invalid' };
  return verifyTimestamp(new Uint8Array(Buffer.from(text(token), 'base64')), stamped, certificates, trust);
}

const base64s = (els: El[]) => els.map((e) => new Uint8Array(Buffer.from(text(e), 'base64'))).filter((b) => b.length > 0);

function parseTime(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function examineSignature(doc: Document, sig: El, entries: ContainerEntries, trust: TrustAnchors | null, covered: Set<string>, cache: DigestCache, now: Date): Promise<Signature> {
  const problems = new Set<SignatureProblem>(checkFileReferences(sig, entries, covered, cache));
  const certs = children(sig, DS, 'X509Certificate').map((c) => new Uint8Array(Buffer.from(text(c), 'base64')));
  // XAdES-LT: the chain and the time-stamping authority's certificates, and the revocation data, in the signature.
  const certificateValues = base64s(children(sig, XADES, 'EncapsulatedX509Certificate'));
  const claimed = parseTime((children(sig, XADES, 'SigningTime')[0]?.textContent ?? '').trim());
  const stamp = await signatureTimestamp(sig, [...certs, ...certificateValues], trust);
  if (stamp?.problem) problems.add(stamp.problem);
  const timestamped = stamp?.time ?? null;
  const signedAt = timestamped ?? claimed;
  const valueHolds = await signatureValueHolds(doc, sig);
  if (!valueHolds && !problems.has('digest-mismatch')) problems.add('signature-value');
  let cert: SignerCertificate | null = null;
  try {
    cert = certs[0] ? describeCertificate(certs[0]) : null;
  } catch {
    problems.add('malformed-signature');
  }
  if (!cert) problems.add('no-certificate');
  else if (!signingCertificateMatches(sig, cert)) problems.add('signing-certificate-mismatch');
  const validAtSigning = cert !== null && validAt(cert, signedAt ?? now);
  if (cert && !validAtSigning) problems.add('certificate-not-valid-at-signing');
  const at = signedAt ?? now;
  const trusted = trust === null || !cert ? null : await chainsToTrusted(cert.der, [...certs.slice(1), ...certificateValues], anchorsFor(trust, 'ca', at), at);
  if (trusted === false) problems.add('untrusted-issuer');
  const revocation = cert
    ? await checkRevocation({
        signer: cert.der,
        certificates: [...certs, ...certificateValues],
        ocsp: base64s(children(sig, XADES, 'EncapsulatedOCSPValue')),
        crl: base64s(children(sig, XADES, 'EncapsulatedCRLValue')),
        trust,
        signedAt: at,
        timeProven: timestamped !== null,
      })
    : null;
  if (revocation?.problem) problems.add(revocation.problem);
  return {
    format: 'XAdES',
    signer: cert?.signer ?? '',
    ...(cert?.personalCode ? { personalCode: cert.personalCode } : {}),
    signedAt: signedAt?.toISOString() ?? null,
    timestampedAt: timestamped?.toISOString() ?? null,
    timestampVerified: stamp ? stamp.verified : null,
    issuer: cert?.issuer ?? '',
    certificateValidFrom: cert?.notBefore.toISOString() ?? null,
    certificateValidTo: cert?.notAfter.toISOString() ?? null,
    integrity: valueHolds && !problems.has('digest-mismatch') && !problems.has('missing-file'),
    certificateValidAtSigning: validAtSigning,
    trusted,
    ...(revocation ? { revocation: revocation.revocation } : {}),
    problems: [...problems],
  };
}

/** Every XAdES signature of an ASiC-E container, and the problems of the container as a whole. */
export async function verifyAsicSignatures(entries: ContainerEntries, trust: TrustAnchors | null, now: Date): Promise<{ signatures: Signature[]; problems: SignatureProblem[] }> {
  const signatures: Signature[] = [];
  const problems = new Set<SignatureProblem>();
  const covered = new Set<string>();
  const cache: DigestCache = new Map();
  for (const file of signatureFiles(entries)) {
    const xml = Buffer.from(entries.get(file)!).toString('utf8');
    if (/<!DOCTYPE/i.test(xml)) {
      problems.add('malformed-signature');
      continue;
    }
    let doc: Document;
    try {
      doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'application/xml') as unknown as Document;
    } catch {
      problems.add('malformed-signature');
      continue;
    }
    const sigs = children(doc, DS, 'Signature');
    if (sigs.length === 0) problems.add('malformed-signature');
    for (const sig of sigs) signatures.push(await examineSignature(doc, sig, entries, trust, covered, cache, now));
  }
  if (signatures.length > 0 && dataFiles(entries).some((name) => !covered.has(name))) problems.add('unsigned-file');
  return { signatures, problems: [...problems] };
}
