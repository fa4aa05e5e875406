// The verdicts that need no cryptography, decided where the file arrives (main thread): a file that is not a
// container and carries no PDF signature dictionary is "unsigned" without a round trip to the verifier's
// worker threads. verifyDocument (in the worker) starts with the same function, so both give one answer.
import { looksLikeZip } from './container.ts';
import type { VerificationOutcome } from './signatures.schema.ts';
import { report } from './verdict.ts';

export const CONTAINER_NAME = /\.(edoc|asice|bdoc|sce)$/i;
export const PDF_NAME = /\.pdf$/i;

/** Above this size a PDF always goes to the worker (the scan for /ByteRange stays well under a millisecond here). */
const QUICK_PDF_MAX_BYTES = 2 * 1024 * 1024;

/** A PDF starts with the %PDF- header (within the first 1024 bytes, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

export function namedContainer(input: { fileName: string; contentType: string }): boolean {
  return CONTAINER_NAME.test(input.fileName) || input.contentType.toLowerCase() === 'application/vnd.etsi.asic-e+zip';
}

/**
 * The outcome when it needs no signature verification (a file that is not a PDF or a container, a PDF without
 * any /ByteRange, a fake PDF, a "container" that is not a ZIP); null when the verifier must examine it.
 */
export function quickVerdict(input: { fileName: string; contentType: string; content: Uint8Array }, trusted: boolean): VerificationOutcome | null {
  const bytes = input.content;
  const container = namedContainer(input);
  if (looksLikeZip(bytes) && (container || /\.(zip)$/i.test(input.fileName))) return null;
  if (container) return { kind: 'report', report: report([], ['not-a-container'], trusted) };
  const namedPdf = PDF_NAME.test(input.fileName) || input.contentType.toLowerCase() === 'application/pdf';
  if (namedPdf && !looksLikePdf(bytes)) return { kind: 'rejected', reason: 'not-a-pdf' };
  if (namedPdf) {
    const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return bytes.length <= QUICK_PDF_MAX_BYTES && view.indexOf('/ByteRange', 0, 'latin1') === -1 ? { kind: 'report', report: report([], [], trusted) } : null;
  }
  return { kind: 'report', report: report([], [], trusted) };
}
