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
] as const;
export type SignatureProblem = (typeof SIGNATURE_PROBLEMS)[number];

export const SignatureSchema = z.object({
  format: z.enum(['XAdES', 'PAdES']),
  signer: z.string().describe('The signer as the certificate names them'),
  personalCode: z.string().optional().describe('From the certificate serial number, e.g. PNOLV-010101-12345 → 010101-12345'),
  signedAt: z.string().nullable().describe('ISO time: the time-stamp when present, otherwise the claimed signing time'),
  timestampedAt: z.string().nullable().describe('ISO time of the signature time-stamp, when the signature carries one'),
  issuer: z.string(),
  certificateValidFrom: z.string().nullable(),
  certificateValidTo: z.string().nullable(),
  integrity: z.boolean().describe('Every signed file is unchanged and the signature value matches the certificate'),
  certificateValidAtSigning: z.boolean(),
  trusted: z.boolean().nullable().describe('The chain reaches an issuer of the trusted list; null when no trusted list is configured'),
  problems: z.array(z.enum(SIGNATURE_PROBLEMS)),
});
export type Signature = z.infer<typeof SignatureSchema>;

export type VerificationReport = { status: SignatureStatus; signatures: Signature[]; problems: SignatureProblem[] };

/** Files refused outright on arrival (the sender gets a 400): never stored. */
export const REJECTIONS = ['zip-bomb', 'unsafe-path', 'not-a-pdf', 'unreadable-container'] as const;
export type Rejection = (typeof REJECTIONS)[number];

export type VerificationOutcome = { kind: 'report'; report: VerificationReport } | { kind: 'rejected'; reason: Rejection };
