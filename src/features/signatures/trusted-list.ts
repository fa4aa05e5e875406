import 'reflect-metadata';
import { readFile } from 'node:fs/promises';
import { X509Certificate } from '@peculiar/x509';
import { DOMParser } from '@xmldom/xmldom';
import type { GrantedPeriod, ServiceKind, TrustAnchors, TrustService } from './trust.ts';
import { xades, xmldsig } from './xml-setup.ts';

const TSL_NS = 'http://uri.etsi.org/02231/v2#';
const DS_NS = 'http://www.w3.org/2000/09/xmldsig#';
const STATUS = 'http://uri.etsi.org/TrstSvc/TrustedList/Svcstatus/';
/**
 * The statuses under which a service is an anchor (ETSI TS 119 612 v2: granted; the pre-eIDAS forms of v1 kept in
 * the history of older services: under supervision, supervision in cessation, accredited). Withdrawn,
 * supervision ceased or revoked, accreditation ceased or revoked, and the national-level statuses are not.
 */
const APPROVED = new Set(['granted', 'undersupervision', 'supervisionincessation', 'accredited'].map((s) => STATUS + s));
const SVCTYPE = 'http://uri.etsi.org/TrstSvc/Svctype/';

/** CA/QC services anchor signer certificates, TSA services (QTST, TSS-QC, TSS-AdESQCandQES) time-stamps. */
export function serviceKind(type: string): ServiceKind {
  if (type === `${SVCTYPE}CA/QC`) return 'ca';
  if (type === `${SVCTYPE}TSA` || type.startsWith(`${SVCTYPE}TSA/`)) return 'tsa';
  if (type.startsWith(`${SVCTYPE}Certstatus/OCSP`)) return 'ocsp';
  if (type.startsWith(`${SVCTYPE}Certstatus/CRL`)) return 'crl';
  return 'other';
}

export class TrustedListError extends Error {}

type El = Element;
const kids = (el: El, name: string, ns = TSL_NS): El[] => Array.from(el.childNodes as unknown as ArrayLike<Node>).filter((n): n is El => n.nodeType === 1 && (n as El).localName === name && (n as El).namespaceURI === ns);
const kid = (el: El | undefined, name: string): El | undefined => (el ? kids(el, name)[0] : undefined);
const textOf = (el: El | undefined) => (el?.textContent ?? '').trim();

function timeOf(el: El | undefined): number | null {
  const t = Date.parse(textOf(el));
  return Number.isNaN(t) ? null : t;
}

/**
 * When the service's status was approved: the current status and the ServiceHistory instances, each holding from
 * its StatusStartingTime until the next one. A service withdrawn without any history is taken as approved before
 * its withdrawal (the usual case of a list that keeps no history): trusted only for what was signed before.
 */
export function grantedPeriods(current: { status: string; start: number | null }, history: ReadonlyArray<{ status: string; start: number | null }>): GrantedPeriod[] {
  if (history.length === 0) {
    if (APPROVED.has(current.status)) return [{ from: current.start, to: null }];
    return current.start === null ? [] : [{ from: null, to: current.start }];
  }
  const steps = [current, ...history].filter((s) => s.start !== null).sort((a, b) => a.start! - b.start!);
  const out: GrantedPeriod[] = [];
  steps.forEach((step, i) => {
    if (APPROVED.has(step.status)) out.push({ from: step.start, to: steps[i + 1]?.start ?? null });
  });
  return out;
}

function certificatesIn(info: El | undefined): Uint8Array[] {
  const identity = kid(info, 'ServiceDigitalIdentity');
  if (!identity) return [];
  return kids(identity, 'DigitalId')
    .flatMap((d) => kids(d, 'X509Certificate'))
    .map((c) => textOf(c).replace(/\s+/g, ''))
    .filter(Boolean)
    .map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
}

/** The services of a parsed list: type, current certificates, and the periods their status was approved. */
export function servicesOf(doc: Document): TrustService[] {
  const out: TrustService[] = [];
  const services = doc.getElementsByTagNameNS(TSL_NS, 'TSPService');
  for (let i = 0; i < services.length; i++) {
    const service = services[i] as El;
    const info = kid(service, 'ServiceInformation');
    const type = textOf(kid(info, 'ServiceTypeIdentifier'));
    const current = { status: textOf(kid(info, 'ServiceStatus')), start: timeOf(kid(info, 'StatusStartingTime')) };
    const history = kids(kid(service, 'ServiceHistory') ?? service, 'ServiceHistoryInstance').map((h) => ({ status: textOf(kid(h, 'ServiceStatus')), start: timeOf(kid(h, 'StatusStartingTime')) }));
    const certificates = certificatesIn(info);
    if (certificates.length === 0) continue;
    out.push({ kind: serviceKind(type), type, certificates, granted: grantedPeriods(current, history) });
  }
  return out;
}

function parse(xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new TrustedListError('DOCTYPE is not allowed');
  let fatal: string | null = null;
  const doc = new DOMParser({ onError: (level, message) => void (level !== 'warning' && (fatal ??= String(message))) }).parseFromString(xml, 'application/xml') as unknown as Document;
  if (fatal || !doc.documentElement || doc.documentElement.localName !== 'TrustServiceStatusList' || doc.documentElement.namespaceURI !== TSL_NS) {
    throw new TrustedListError('not an ETSI TS 119 612 trusted list (TrustServiceStatusList)');
  }
  return doc;
}

/** PEM ("-----BEGIN CERTIFICATE-----") or DER bytes → DER. */
export function certificateBytes(content: Uint8Array): Uint8Array {
  const text = Buffer.from(content).toString('latin1');
  const pem = /-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]+)-----END CERTIFICATE-----/.exec(text);
  return pem ? new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64')) : content;
}

/**
 * The list's enveloped XMLDSig signature (xadesjs): exactly one ds:Signature under the root, one of its references
 * covering the whole list (URI "" or the root's Id, with the enveloped-signature transform), every reference's
 * digest and the signature value holding. With a pinned signer certificate the value must verify with that
 * certificate's key alone; without one, with the key of the certificate the signature carries (then the list is
 * known unchanged since signing, not who signed it — hence the pin).
 */
export async function verifyTrustedListSignature(doc: Document, pinnedSigner: Uint8Array | null): Promise<void> {
  const root = doc.documentElement;
  const signatures = kids(root, 'Signature', DS_NS);
  if (signatures.length !== 1) throw new TrustedListError(signatures.length === 0 ? 'the list is not signed' : 'the list has more than one signature');
  const sig = signatures[0]!;
  const rootId = root.getAttribute('Id') ?? root.getAttribute('ID') ?? root.getAttribute('id');
  const signedInfo = kid(sig, 'SignedInfo') ?? (kids(sig, 'SignedInfo', DS_NS)[0] as El | undefined);
  const references = signedInfo ? kids(signedInfo, 'Reference', DS_NS) : [];
  const coversList = references.some((ref) => {
    const uri = ref.getAttribute('URI');
    const transforms = kids(kids(ref, 'Transforms', DS_NS)[0] ?? ref, 'Transform', DS_NS).map((t) => t.getAttribute('Algorithm'));
    return (uri === '' || (rootId !== null && uri === `#${rootId}`)) && transforms.includes('http://www.w3.org/2000/09/xmldsig#enveloped-signature');
  });
  if (!coversList) throw new TrustedListError('the signature does not cover the whole list');
  const lib = xades();
  const signed = new lib.SignedXml(doc);
  let holds = false;
  try {
    signed.LoadXml(sig);
    if (pinnedSigner) {
      const alg = xmldsig.CryptoConfig.CreateSignatureAlgorithm(signed.XmlSignature.SignedInfo.SignatureMethod);
      // The curve (ECDSA) comes from the certificate, the hash from the signature method.
      const keyAlgorithm = { ...new X509Certificate(new Uint8Array(pinnedSigner)).publicKey.algorithm, ...alg.algorithm } as Algorithm;
      const key = await new xmldsig.X509Certificate(new Uint8Array(pinnedSigner)).exportKey(keyAlgorithm);
      // Verify(key) re-imports an ECDSA key without its curve; the same two steps, with the pinned key as it is.
      const steps = signed as unknown as { ValidateReferences(el: Element): Promise<boolean>; ValidateSignatureValue(keys: CryptoKey[]): Promise<boolean> };
      holds = (await steps.ValidateReferences(doc.documentElement.cloneNode(true) as Element)) && (await steps.ValidateSignatureValue([key]));
    } else {
      holds = await signed.Verify();
    }
  } catch (error) {
    // xadesjs throws (rather than answering false) when a reference's digest does not match: a changed list.
    const detail = (error as { message?: unknown } | null)?.message;
    throw new TrustedListError(`the signature does not verify (${typeof detail === 'string' ? detail : 'unreadable signature'})`);
  }
  if (!holds) throw new TrustedListError(pinnedSigner ? 'the signature does not verify with TRUSTED_LIST_SIGNER_CERT (a changed list or another signer)' : 'the signature does not verify (the list was changed after signing)');
}

/** Parses and verifies a trusted list: its signature first, then its services from the same parsed document. */
export async function readTrustedList(xml: string, pinnedSigner: Uint8Array | null): Promise<TrustAnchors> {
  const doc = parse(xml);
  await verifyTrustedListSignature(doc, pinnedSigner);
  return { services: servicesOf(doc) };
}

/**
 * The anchors from TRUSTED_LIST_FILE (null when unset). A list that cannot be read, is not signed or whose
 * signature does not hold is refused with a message naming the setting: the server does not start.
 */
export async function loadTrustedList(path: string | undefined, signerCertPath?: string): Promise<TrustAnchors | null> {
  if (!path) return null;
  let pinned: Uint8Array | null = null;
  if (signerCertPath) {
    try {
      pinned = certificateBytes(new Uint8Array(await readFile(signerCertPath)));
      new xmldsig.X509Certificate(new Uint8Array(pinned));
    } catch {
      throw new TrustedListError(`TRUSTED_LIST_SIGNER_CERT (${signerCertPath}): not a readable certificate (PEM or DER)`);
    }
  }
  let xml: string;
  try {
    xml = await readFile(path, 'utf8');
  } catch {
    throw new TrustedListError(`TRUSTED_LIST_FILE (${path}): the file cannot be read`);
  }
  try {
    return await readTrustedList(xml, pinned);
  } catch (error) {
    throw new TrustedListError(`TRUSTED_LIST_FILE (${path}): refused — ${error instanceof Error ? error.message : String(error)}`);
  }
}
