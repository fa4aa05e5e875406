// Trusted lists for the tests (ETSI TS 119 612 shape), signed with xadesjs by a test key when asked.
import * as xmldom from '@xmldom/xmldom';
import { makeCa, type TestKeyHolder } from './test-pki.testing.ts';
import { xades } from './xml-setup.ts';

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
