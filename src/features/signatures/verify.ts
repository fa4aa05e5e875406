import { isAsicE, looksLikeZip, readContainer } from './container.ts';
import { verifyPdf } from './pades.ts';
import { namedContainer, quickVerdict } from './quick-verdict.ts';
import type { VerificationOutcome } from './signatures.schema.ts';
import { toAnchors, type TrustAnchors } from './trust.ts';
import { report } from './verdict.ts';
import { verifyAsicSignatures } from './xades.ts';

export type VerifyInput = { fileName: string; contentType: string; content: Uint8Array };

/**
 * Examines one arriving file by its content, never by its name alone: ASiC-E containers (XAdES) and PDFs
 * (PAdES) are verified; a file named as a container that is not one is invalid; a "PDF" that is not a PDF,
 * a zip bomb or a container with unsafe paths is refused. `trust` null: no trusted list configured (a plain list of
 * certificates stands for CA services approved at all times).
 */
export async function verifyDocument(input: VerifyInput, trust: TrustAnchors | readonly Uint8Array[] | null, now: Date): Promise<VerificationOutcome> {
  const anchors = toAnchors(trust);
  const quick = quickVerdict(input, anchors !== null);
  if (quick) return quick;
  const bytes = input.content;
  if (looksLikeZip(bytes) && (namedContainer(input) || /\.(zip)$/i.test(input.fileName))) {
    const read = readContainer(bytes);
    if (read.kind === 'rejected') return { kind: 'rejected', reason: read.reason };
    if (!isAsicE(read.entries)) return { kind: 'report', report: report([], ['not-a-container'], anchors !== null) };
    const { signatures, problems } = await verifyAsicSignatures(read.entries, anchors, now);
    if (signatures.length === 0 && problems.length === 0) problems.push('not-a-container');
    return { kind: 'report', report: report(signatures, problems, anchors !== null) };
  }
  // What is left is a real PDF that may carry signatures.
  const { signatures, modified } = await verifyPdf(bytes, anchors, now);
  return { kind: 'report', report: report(signatures, modified ? ['modified-after-signing'] : [], anchors !== null) };
}
