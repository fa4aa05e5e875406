import type { Signature, SignatureProblem, SignatureStatus, VerificationReport } from './signatures.schema.ts';

/**
 * The one verdict of a file: unsigned without signatures (a plain file), invalid when the container is
 * broken or any signature fails, qualification-not-checked when intact but no trusted list was given,
 * valid only when every signature is intact, its certificate valid at signing and its chain trusted.
 */
export function verdictOf(signatures: readonly Signature[], fileProblems: readonly SignatureProblem[], trustChecked: boolean): SignatureStatus {
  if (fileProblems.length > 0) return 'invalid';
  if (signatures.length === 0) return 'unsigned';
  if (signatures.some((s) => !s.integrity || !s.certificateValidAtSigning || s.problems.length > 0)) return 'invalid';
  if (!trustChecked) return 'qualification-not-checked';
  return signatures.every((s) => s.trusted === true) ? 'valid' : 'invalid';
}

export function report(signatures: Signature[], fileProblems: SignatureProblem[], trustChecked: boolean): VerificationReport {
  return { status: verdictOf(signatures, fileProblems, trustChecked), signatures, problems: fileProblems };
}

/** Whether the verdict satisfies a channel that requires a secure e-signature. */
export function satisfiesSignatureRequirement(statuses: readonly SignatureStatus[]): boolean {
  return statuses.some((s) => s === 'valid' || s === 'qualification-not-checked');
}
