// The trust anchors taken from a trusted list, as plain data (they cross into the verifier's worker threads).

/** What a service of the list may anchor: CA/QC services anchor signer certificates, TSA services time-stamps. */
export type ServiceKind = 'ca' | 'tsa' | 'ocsp' | 'crl' | 'other';

/** A period (epoch ms) in which the service's status was an approved one; `from`/`to` null: open-ended. */
export type GrantedPeriod = { from: number | null; to: number | null };

export type TrustService = { kind: ServiceKind; type: string; certificates: Uint8Array[]; granted: GrantedPeriod[] };

export type TrustAnchors = { services: TrustService[] };

/**
 * A plain list of certificates (benchmarks, older callers) is taken as CA services granted for all time;
 * null: no trusted list configured.
 */
export function toAnchors(value: TrustAnchors | readonly Uint8Array[] | null): TrustAnchors | null {
  if (value === null) return null;
  if (!Array.isArray(value)) return value as TrustAnchors;
  return { services: [{ kind: 'ca', type: 'http://uri.etsi.org/TrstSvc/Svctype/CA/QC', certificates: [...(value as Uint8Array[])], granted: [{ from: null, to: null }] }] };
}

function grantedAt(service: TrustService, at: Date): boolean {
  const t = at.getTime();
  return service.granted.some((p) => (p.from === null || p.from <= t) && (p.to === null || t < p.to));
}

/** The certificates of the services of that kind whose status was approved at the given time. */
export function anchorsFor(trust: TrustAnchors, kind: ServiceKind, at: Date): Uint8Array[] {
  return trust.services.filter((s) => s.kind === kind && grantedAt(s, at)).flatMap((s) => s.certificates);
}
