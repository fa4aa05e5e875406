import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** The genTime of an RFC 3161 time-stamp token (CMS SignedData over TSTInfo), or null when unreadable. */
export function timestampTime(token: Uint8Array): Date | null {
  try {
    const info = pkijs.ContentInfo.fromBER(new Uint8Array(token));
    const signed = new pkijs.SignedData({ schema: info.content });
    const content = signed.encapContentInfo.eContent;
    if (!content) return null;
    const tst = pkijs.TSTInfo.fromBER(content.getValue());
    return tst.genTime;
  } catch {
    return null;
  }
}

export function asn1Of(bytes: Uint8Array): asn1js.AsnType {
  return asn1js.fromBER(bytes).result;
}
