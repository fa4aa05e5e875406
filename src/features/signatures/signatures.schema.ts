import { z } from 'zod';

export const SIGNATURE_STATUSES = ['valid', 'invalid', 'unsigned', 'qualification-not-checked'] as const;
export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** Why a signature or a file failed: codes with plain words in the message catalogs (signatures.problem.*). */
export const SIGNATURE_PROBLEMS = [
  'not-a-container',
  'malformed-signature',
  'digest-mismatch',
  'missing-file',
  'unsigned-file',
  'signature-value',
  'signing-certificate-mismatch',
  'no-certificate',
  'certificate-not-valid-at-signing',
  'untrusted-issuer',
  'modified-after-signing',
  'timestamp-invalid',
  'timestamp-untrusted',
  'certificate-revoked',
  'revocation-invalid',
  'revocation-not-checked',
] as const;
export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number];

/**
 * Problems that leave a signature undecided rather than failed (ETSI EN 319 102-1 "indeterminate"): the signature
 * is intact and nothing speaks against it, but a fact needed for "valid" could not be established. The verdict is
 * then at best `qualification-not-checked`, never `valid`, and never `invalid` on their account alone: no usable
 * revocation data, or a time-stamp that verifies but whose TSA is not a granted TSA service of the trusted list (its
 * time is ignored and the claimed signing time used; a forged or mismatched token is `timestamp-invalid`, a failure).
 */
export const INDETERMINATE_PROBLEMS: ReadonlySet<SignatureProblem> = new Set<SignatureProblem>(['revocation-not-checked', 'timestamp-untrusted']);

export const REVOCATION_STATUSES = ['good', 'revoked', 'unknown', 'invalid', 'not-checked'] as const;
export const RevocationSchema = z.object({
  status: z.enum(REVOCATION_STATUSES).describe('The signer certificate status from the revocation data the signature carries (OCSP/CRL); not-checked: it carries none usable'),
  source: z.enum(['OCSP', 'CRL']).nullable(),
  producedAt: z.string().nullable().describe('ISO time the OCSP response was produced (or the CRL issued)'),
  revokedAt: z.string().nullable().describe('ISO revocation time when revoked'),
});
export type Revocation = z.infer<typeof RevocationSchema>;
export const SignatureSchema = z.object({
  format: z.enum(['XAdES', 'PAdES']),
  signer: z.string().describe('The signer as the certificate names them'),
  personalCode: z.string().optional().describe('From the certificate serial number, e.g. PNOLV-010101-12345 → 010101-12345'),
  signedAt: z.string().nullable().describe('ISO time: the verified time-stamp when present, otherwise the claimed signing time'),
  timestampedAt: z.string().nullable().describe('ISO time of the signature time-stamp, only when the token verified (its signature, its imprint of this signature and, with a trusted list, its TSA)'),
  timestampVerified: z
    .boolean()
    .nullable()
    .optional()
    .describe('null: no signature time-stamp; false: the token failed (see problems); absent on files examined before this check existed'),
  issuer: z.string(),
  certificateValidFrom: z.string().nullable(),
  certificateValidTo: z.string().nullable(),
  integrity: z.boolean().describe('Every signed file is unchanged and the signature value matches the certificate'),
  certificateValidAtSigning: z.boolean(),
  trusted: z.boolean().nullable().describe('The chain reaches an issuer of the trusted list; null when no trusted list is configured'),
  revocation: RevocationSchema.optional().describe('Absent on files examined before this check existed'),
  problems: z.array(z.enum(SIGNATURE_PROBLEMS)),
});
export type Signature = z.infer<typeof SignatureSchema>;

export type VerificationReport = { status: SignatureStatus; signatures: Signature[]; problems: SignatureProblem[] };

/** Files refused outright on arrival (the sender gets a 400): never stored. */
export const REJECTIONS = ['zip-bomb', 'unsafe-path', 'not-a-pdf', 'unreadable-container'] as const;
export type Rejection = (typeof REJECTIONS)[number];

export type VerificationOutcome = { kind: 'report'; report: VerificationReport } | { kind: 'rejected'; reason: Rejection };
