// Latvian personal identity code (personas kods); rules in /work/shared/LEGAL.md, "Personal identity code".
// Pure: no I/O, no clock.

export const PERSONAL_CODE_ERRORS = [
  'empty',
  'bad-length',
  'not-digits',
  'bad-century',
  'impossible-date',
  'date-too-late',
  'bad-check-digit',
  'bad-new-prefix',
] as const;

export type PersonalCodeError = (typeof PERSONAL_CODE_ERRORS)[number];
export type PersonalCodeFormat = 'old' | 'new';

export type PersonalCodeResult =
  | {
      valid: true;
      format: PersonalCodeFormat;
      /** Always 'DDMMYY-CNNNK' (11 digits with a hyphen after the sixth). */
      normalized: string;
      /** 'YYYY-MM-DD' for the old format, null for the new format (it holds no date). */
      birthDate: string | null;
    }
  | { valid: false; reason: PersonalCodeError; format: PersonalCodeFormat | null };

/** Last birth date encoded in an old-format code: such codes were issued up to 30 June 2017. */
export const LAST_OLD_FORMAT_DATE = '2017-06-30';

const CHECK_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURIES: Readonly<Record<string, number>> = { '0': 1800, '1': 1900, '2': 2000 };
const SHAPE = /^(?:\d{6}-?\d{5})$/;

/**
 * Check digit of an old-format code from its first ten digits:
 * K = ((1101 − Σ dᵢ·wᵢ) mod 11) mod 10, weights 1,6,3,7,9,10,5,8,4,2.
 * Design choice (LEGAL.md): a remainder of 10 gives 0, as python-stdnum does.
 */
export function personalCodeCheckDigit(firstTen: string): number {
  if (!/^\d{10}$/.test(firstTen)) throw new RangeError(`Expected exactly 10 digits, got "${firstTen}"`);
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += Number(firstTen[i]) * (CHECK_WEIGHTS[i] ?? 0);
  return (((1101 - sum) % 11) + 11) % 11 % 10;
}

/**
 * Validates a personal identity code.
 *
 * Input handling: surrounding whitespace is trimmed; a single hyphen is allowed after the sixth digit.
 * Any other character (inner spaces, a hyphen elsewhere, non-ASCII digits) gives 'not-digits'; a string of
 * only digits (plus that optional hyphen) that is not 11 digits long gives 'bad-length'.
 *
 * Format: a code starting with 3 and a second digit 2–9 is the new format (from 1 July 2017: no date,
 * no check digit). Anything else starting with 0–3 is read as the old format DDMMYY-CNNNK (so 30xxxx and
 * 31xxxx are dates). A code starting with 4–9 is neither a day of month nor a new-format prefix:
 * 'bad-new-prefix' with format null.
 *
 * Old-format checks, in order: century digit, date exists, date not after 2017-06-30, check digit.
 */
export function validatePersonalCode(input: string): PersonalCodeResult {
  const trimmed = input.trim();
  if (trimmed === '') return { valid: false, reason: 'empty', format: null };

  const digits = trimmed.length > 6 && trimmed[6] === '-' ? trimmed.slice(0, 6) + trimmed.slice(7) : trimmed;
  if (!/^[0-9]+$/.test(digits)) return { valid: false, reason: 'not-digits', format: null };
  if (digits.length !== 11) return { valid: false, reason: 'bad-length', format: null };

  const normalized = `${digits.slice(0, 6)}-${digits.slice(6)}`;
  const first = Number(digits[0]);
  const second = Number(digits[1]);

  if (first === 3 && second >= 2) return { valid: true, format: 'new', normalized, birthDate: null };
  if (first > 3) return { valid: false, reason: 'bad-new-prefix', format: null };

  const century = CENTURIES[digits[6] ?? ''];
  if (century === undefined) return { valid: false, reason: 'bad-century', format: 'old' };

  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = century + Number(digits.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { valid: false, reason: 'impossible-date', format: 'old' };
  }
  const birthDate = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  if (birthDate > LAST_OLD_FORMAT_DATE) return { valid: false, reason: 'date-too-late', format: 'old' };

  if (personalCodeCheckDigit(digits.slice(0, 10)) !== Number(digits[10])) {
    return { valid: false, reason: 'bad-check-digit', format: 'old' };
  }
  return { valid: true, format: 'old', normalized, birthDate };
}

/**
 * Masks a personal code for logs and display.
 * - Old format (starts 0–3, not 32–39): the birth-date part stays, the rest is hidden: '010190-*****'.
 * - New format (32–39): its digits carry no date, so only the two-digit prefix stays: '32****-*****'.
 * - Anything that is not shaped like a code (wrong length, letters): '******-*****', so that a mistyped
 *   code never leaks into logs. The check digit, century and date are not validated here.
 */
export function maskPersonalCode(code: string): string {
  const trimmed = code.trim();
  if (!SHAPE.test(trimmed)) return '******-*****';
  const first = Number(trimmed[0]);
  const second = Number(trimmed[1]);
  if (first === 3 && second >= 2) return `${trimmed.slice(0, 2)}****-*****`;
  if (first > 3) return '******-*****';
  return `${trimmed.slice(0, 6)}-*****`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
