import { readFile } from 'node:fs/promises';
import { DOMParser } from '@xmldom/xmldom';

const TSL_NS = 'http://uri.etsi.org/02231/v2#';

/**
 * The trust anchors of an ETSI TS 119 612 trusted list: the X509Certificate of every service's digital
 * identity (TSPService/ServiceInformation/ServiceDigitalIdentity). The list's own signature certificate
 * (ds:Signature) is not an anchor for client signatures and is skipped.
 */
export function parseTrustedList(xml: string): Uint8Array[] {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('trusted list: DOCTYPE not allowed');
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const identities = doc.getElementsByTagNameNS(TSL_NS, 'ServiceDigitalIdentity');
  const out: Uint8Array[] = [];
  for (let i = 0; i < identities.length; i++) {
    const certs = identities[i]!.getElementsByTagNameNS(TSL_NS, 'X509Certificate');
    for (let j = 0; j < certs.length; j++) {
      const text = (certs[j]!.textContent ?? '').replace(/\s+/g, '');
      if (text) out.push(new Uint8Array(Buffer.from(text, 'base64')));
    }
  }
  return out;
}

export async function loadTrustedList(path: string | undefined): Promise<Uint8Array[] | null> {
  if (!path) return null;
  return parseTrustedList(await readFile(path, 'utf8'));
}
