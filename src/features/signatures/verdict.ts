import { INDETERMINATE_PROBLEMS, type Signature, type SignatureProblem, type SignatureStatus, type VerificationReport } from './signatures.schema.ts';

/**
 * The one verdict of a file: unsigned without signatures (a plain file), invalid when the container is
 * broken or any signature fails (a broken or mismatched time-stamp, a revoked certificate, a forged revocation
 * response included), qualification-not-checked when intact but no trusted list was given or a signature is
 * undecided (INDETERMINATE_PROBLEMS: no usable revocation data, a time-stamp by a TSA not on the trusted list), valid only when every signature is intact,
 * its certificate valid and not revoked at signing, and its chain trusted.
 */
export function verdictOf(signatures: readonly Signature[], fileProblems: readonly SignatureProblem[], trustChecked: boolean): SignatureStatus {
  if (fileProblems.length > 0) return 'invalid';
  if (signatures.length === 0) return 'unsigned';
  const failed = (s: Signature) => !s.integrity || !s.certificateValidAtSigning || s.problems.some((p) => !INDETERMINATE_PROBLEMS.has(p));
  if (signatures.some(failed)) return 'invalid';
  if (!trustChecked) return 'qualification-not-checked';
  if (!signatures.every((s) => s.trusted === true)) return 'invalid';
  return signatures.some((s) => s.problems.length > 0) ? 'qualification-not-checked' : 'valid';
}

export function report(signatures: Signature[], fileProblems: SignatureProblem[], trustChecked: boolean): VerificationReport {
  return { status: verdictOf(signatures, fileProblems, trustChecked), signatures, problems: fileProblems };
}

/** Whether the verdict satisfies a channel that requires a secure e-signature. */
export function satisfiesSignatureRequirement(statuses: readonly SignatureStatus[]): boolean {
  return statuses.some((s) => s === 'valid' || s === 'qualification-not-checked');
}
