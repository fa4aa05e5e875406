import type { PersonalCodeError } from './personal-code.ts';

/** User-facing explanations of each validation failure, in Latvian and English. */
export const PERSONAL_CODE_MESSAGES: Readonly<Record<PersonalCodeError, { lv: string; en: string }>> = {
  'empty': {
    lv: 'Lūdzu, ievadiet personas kodu.',
    en: 'Please enter your personal identity code.',
  },
  'bad-length': {
    lv: 'Personas kodā jābūt 11 cipariem (piemēram, 010190-10001).',
    en: 'A personal identity code has 11 digits (for example, 010190-10001).',
  },
  'not-digits': {
    lv: 'Personas kodā var būt tikai cipari un defise pēc sestā cipara (piemēram, 010190-10001).',
    en: 'A personal identity code may contain only digits and a hyphen after the sixth digit (for example, 010190-10001).',
  },
  'bad-century': {
    lv: 'Personas koda septītajam ciparam (aiz defises) jābūt 0, 1 vai 2. Lūdzu, pārbaudiet kodu.',
    en: 'The seventh digit of the personal identity code (after the hyphen) must be 0, 1 or 2. Please check the code.',
  },
  'impossible-date': {
    lv: 'Personas koda pirmie seši cipari neveido derīgu dzimšanas datumu. Lūdzu, pārbaudiet kodu.',
    en: 'The first six digits of the personal identity code are not a valid date of birth. Please check the code.',
  },
  'date-too-late': {
    lv: 'Personas kodi ar dzimšanas datumu tika piešķirti līdz 2017. gada 30. jūnijam. Lūdzu, pārbaudiet kodu.',
    en: 'Personal identity codes containing a date of birth were issued only until 30 June 2017. Please check the code.',
  },
  'bad-check-digit': {
    lv: 'Personas koda pēdējais cipars nesakrīt ar pārējiem — iespējams, kodā ir drukas kļūda. Lūdzu, pārbaudiet kodu.',
    en: 'The last digit of the personal identity code does not match the others — there may be a typo. Please check the code.',
  },
  'bad-new-prefix': {
    lv: 'Personas koda sākumā jābūt dzimšanas datumam (DDMMGG) vai, ja kods ir jaunā formātā, cipariem no 32 līdz 39.',
    en: 'A personal identity code starts with a date of birth (DDMMYY) or, in the new format, with 32 to 39.',
  },
};
