/** Letters and digits a client cannot confuse when typing at a kiosk (no 0/O, 1/I/L, 2/Z, 5/S, 8/B). */
export const BOOKING_CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
export const BOOKING_CODE_LENGTH = 6;

/** A booking code from random bytes (one byte per character). */
export function bookingCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < BOOKING_CODE_LENGTH) throw new RangeError(`need ${BOOKING_CODE_LENGTH} random bytes`);
  let code = '';
  for (let i = 0; i < BOOKING_CODE_LENGTH; i++) code += BOOKING_CODE_ALPHABET[(bytes[i] ?? 0) % BOOKING_CODE_ALPHABET.length];
  return code;
}

/** What a client typed, made comparable: upper case, spaces and dashes removed; undefined if it cannot be a code. */
export function normalizeBookingCode(typed: string): string | undefined {
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== BOOKING_CODE_LENGTH) return undefined;
  return [...code].every((c) => BOOKING_CODE_ALPHABET.includes(c)) ? code : undefined;
}
