// Texts of the personal-code check (the domain names the reason; the words are here). Keep lv and en keys identical.
import type { PersonalCodeError } from '../../domain/personal-code/index.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';

export const personalCodesMessages = {
  lv: {
    reasons: {
      'empty': 'Lūdzu, ievadiet personas kodu.',
      'bad-length': 'Personas kodā jābūt 11 cipariem (piemēram, 010190-10001).',
      'not-digits': 'Personas kodā var būt tikai cipari un defise pēc sestā cipara (piemēram, 010190-10001).',
      'bad-century': 'Personas koda septītajam ciparam (aiz defises) jābūt 0, 1 vai 2. Lūdzu, pārbaudiet kodu.',
      'impossible-date': 'Personas koda pirmie seši cipari neveido derīgu dzimšanas datumu. Lūdzu, pārbaudiet kodu.',
      'date-too-late': 'Personas kodi ar dzimšanas datumu tika piešķirti līdz 2017. gada 30. jūnijam. Lūdzu, pārbaudiet kodu.',
      'bad-check-digit': 'Personas koda pēdējais cipars nesakrīt ar pārējiem — iespējams, kodā ir drukas kļūda. Lūdzu, pārbaudiet kodu.',
      'bad-new-prefix': 'Personas koda sākumā jābūt dzimšanas datumam (DDMMGG) vai, ja kods ir jaunā formātā, cipariem no 32 līdz 39.',
    },
  },
  en: {
    reasons: {
      'empty': 'Please enter your personal identity code.',
      'bad-length': 'A personal identity code has 11 digits (for example, 010190-10001).',
      'not-digits': 'A personal identity code may contain only digits and a hyphen after the sixth digit (for example, 010190-10001).',
      'bad-century': 'The seventh digit of the personal identity code (after the hyphen) must be 0, 1 or 2. Please check the code.',
      'impossible-date': 'The first six digits of the personal identity code are not a valid date of birth. Please check the code.',
      'date-too-late': 'Personal identity codes containing a date of birth were issued only until 30 June 2017. Please check the code.',
      'bad-check-digit': 'The last digit of the personal identity code does not match the others — there may be a typo. Please check the code.',
      'bad-new-prefix': 'A personal identity code starts with a date of birth (DDMMYY) or, in the new format, with 32 to 39.',
    },
  },
} satisfies Record<'lv' | 'en', { reasons: Record<PersonalCodeError, string> }>;

/** The catalog key of a reason's explanation. */
export function personalCodeReasonKey(reason: PersonalCodeError): MessageKey {
  return `personalCodes.reasons.${reason}`;
}
