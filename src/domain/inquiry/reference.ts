import { createHash, randomInt } from 'node:crypto';

/** "VSAA-2026-000123": agency, year of receipt, running number in that year. */
export function formatReference(agency: string, year: number, number: number): string {
  return `${agency.toUpperCase()}-${year}-${String(number).padStart(6, '0')}`;
}

const REFERENCE_PATTERN = /^([A-Z][A-Z0-9-]{1,30})-(\d{4})-(\d{6,})$/;

export function parseReference(reference: string): { agency: string; year: number; number: number } | null {
  const match = REFERENCE_PATTERN.exec(reference.trim().toUpperCase());
  if (!match) return null;
  return { agency: (match[1] ?? '').toLowerCase(), year: Number(match[2]), number: Number(match[3]) };
}

/** Finds a reference in an e-mail subject such as "Re: Jūsu jautājums VSAA-2026-000123". */
export function findReferenceIn(text: string): string | null {
  const match = /\b([A-Z][A-Z0-9]{1,30}-\d{4}-\d{6,})\b/i.exec(text);
  return match?.[1] ? match[1].toUpperCase() : null;
}

// No 0/O, 1/I/L: the client may have to read it from paper.
const ACCESS_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ACCESS_CODE_LENGTH = 10;

export function generateAccessCode(): string {
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return code;
}

export function normalizeAccessCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

export function hashAccessCode(code: string): string {
  return createHash('sha256').update(normalizeAccessCode(code)).digest('hex');
}
