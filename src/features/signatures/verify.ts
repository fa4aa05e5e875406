import { isAsicE, looksLikeZip, readContainer } from './container.ts';
import { looksLikePdf, verifyPdfSignatures } from './pades.ts';
import type { VerificationOutcome } from './signatures.schema.ts';
import { report } from './verdict.ts';
import { verifyAsicSignatures } from './xades.ts';

export type VerifyInput = { fileName: string; contentType: string; content: Uint8Array };

const CONTAINER_NAME = /\.(edoc|asice|bdoc|sce)$/i;
const PDF_NAME = /\.pdf$/i;

/**
 * Examines one arriving file by its content, never by its name alone: ASiC-E containers (XAdES) and PDFs
 * (PAdES) are verified; a file named as a container that is not one is invalid; a "PDF" that is not a PDF,
 * a zip bomb or a container with unsafe paths is refused. `anchors` null: no trusted list configured.
 */
export async function verifyDocument(input: VerifyInput, anchors: Uint8Array[] | null, now: Date): Promise<VerificationOutcome> {
  const bytes = input.content;
  const namedContainer = CONTAINER_NAME.test(input.fileName) || input.contentType.toLowerCase() === 'application/vnd.etsi.asic-e+zip';
  if (looksLikeZip(bytes) && (namedContainer || /\.(zip)$/i.test(input.fileName))) {
    const read = readContainer(bytes);
    if (read.kind === 'rejected') return { kind: 'rejected', reason: read.reason };
    if (!isAsicE(read.entries)) return { kind: 'report', report: report([], ['not-a-container'], anchors !== null) };
    const { signatures, problems } = await verifyAsicSignatures(read.entries, anchors, now);
    if (signatures.length === 0 && problems.length === 0) problems.push('not-a-container');
    return { kind: 'report', report: report(signatures, problems, anchors !== null) };
  }
  if (namedContainer) return { kind: 'report', report: report([], ['not-a-container'], anchors !== null) };
  const namedPdf = PDF_NAME.test(input.fileName) || input.contentType.toLowerCase() === 'application/pdf';
  if (namedPdf && !looksLikePdf(bytes)) return { kind: 'rejected', reason: 'not-a-pdf' };
  if (namedPdf) return { kind: 'report', report: report(await verifyPdfSignatures(bytes, anchors, now), [], anchors !== null) };
  return { kind: 'report', report: report([], [], anchors !== null) };
}
