import { createHash } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { chainsToTrusted, describeCertificate, validAt, type SignerCertificate } from './certificates.ts';
import { dataFiles, signatureFiles, type ContainerEntries } from './container.ts';
import type { Signature, SignatureProblem } from './signatures.schema.ts';
import { timestampTime } from './timestamp.ts';
import { xades } from './xml-setup.ts';

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

function parseTime(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

async function examineSignature(doc: Document, sig: El, entries: ContainerEntries, anchors: Uint8Array[] | null, covered: Set<string>, cache: DigestCache, now: Date): Promise<Signature> {
  const problems = new Set<SignatureProblem>(checkFileReferences(sig, entries, covered, cache));
  const certs = children(sig, DS, 'X509Certificate').map((c) => new Uint8Array(Buffer.from(text(c), 'base64')));
  const claimed = parseTime((children(sig, XADES, 'SigningTime')[0]?.textContent ?? '').trim());
  const token = children(sig, XADES, 'EncapsulatedTimeStamp')[0];
  const timestamped = token ? timestampTime(new Uint8Array(Buffer.from(text(token), 'base64'))) : null;
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
  const trusted = anchors === null || !cert ? null : await chainsToTrusted(cert.der, certs.slice(1), anchors, signedAt ?? now);
  if (trusted === false) problems.add('untrusted-issuer');
  return {
    format: 'XAdES',
    signer: cert?.signer ?? '',
    ...(cert?.personalCode ? { personalCode: cert.personalCode } : {}),
    signedAt: signedAt?.toISOString() ?? null,
    timestampedAt: timestamped?.toISOString() ?? null,
    issuer: cert?.issuer ?? '',
    certificateValidFrom: cert?.notBefore.toISOString() ?? null,
    certificateValidTo: cert?.notAfter.toISOString() ?? null,
    integrity: valueHolds && !problems.has('digest-mismatch') && !problems.has('missing-file'),
    certificateValidAtSigning: validAtSigning,
    trusted,
    problems: [...problems],
  };
}

/** Every XAdES signature of an ASiC-E container, and the problems of the container as a whole. */
export async function verifyAsicSignatures(entries: ContainerEntries, anchors: Uint8Array[] | null, now: Date): Promise<{ signatures: Signature[]; problems: SignatureProblem[] }> {
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
    for (const sig of sigs) signatures.push(await examineSignature(doc, sig, entries, anchors, covered, cache, now));
  }
  if (signatures.length > 0 && dataFiles(entries).some((name) => !covered.has(name))) problems.add('unsigned-file');
  return { signatures, problems: [...problems] };
}
