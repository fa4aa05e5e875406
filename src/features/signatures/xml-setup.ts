import { webcrypto } from 'node:crypto';
import * as xmldom from '@xmldom/xmldom';
import * as xadesjs from 'xadesjs';
import * as xmldsigjs from 'xmldsigjs';

/** xmldsigjs itself (canonicalisation transforms, CryptoConfig, X509Certificate): the engine xadesjs sets. */
export const xmldsig = xmldsigjs;

let ready = false;

/** xadesjs on Node: the DOM from @xmldom/xmldom and Node's WebCrypto. */
export function xades(): typeof xadesjs {
  if (!ready) {
    xadesjs.setNodeDependencies({ XMLSerializer: xmldom.XMLSerializer, DOMParser: xmldom.DOMParser, DOMImplementation: xmldom.DOMImplementation } as never);
    xadesjs.Application.setEngine('NodeJS', webcrypto as unknown as Crypto);
    ready = true;
  }
  return xadesjs;
}
