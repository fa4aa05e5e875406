export {
  LAST_OLD_FORMAT_DATE,
  PERSONAL_CODE_ERRORS,
  maskPersonalCode,
  personalCodeCheckDigit,
  validatePersonalCode,
} from './personal-code.ts';
export type { PersonalCodeError, PersonalCodeFormat, PersonalCodeResult } from './personal-code.ts';
