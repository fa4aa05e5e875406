import { z } from 'zod';
import { PERSONAL_CODE_ERRORS } from '../../domain/personal-code/index.ts';

/** Longer strings are not codes in any spelling (11 digits, a hyphen, spaces): refused with 400 before validation. */
export const MAX_CODE_INPUT_LENGTH = 64;

export const PersonalCodeParamsSchema = z.object({
  code: z
    .string()
    .max(MAX_CODE_INPUT_LENGTH)
    .describe('The code as typed: DDMMYY-CNNNK, 11 digits, or a new-format code 32…-…; spaces around it are ignored')
    .meta({ example: '010190-10001' }),
});

export const PersonalCodeValidityResponseSchema = z.object({
  valid: z.boolean(),
  format: z.enum(['old', 'new']).nullable().describe('old: DDMMYY-CNNNK with a birth date (to 30 June 2017); new: from 1 July 2017'),
  birthDate: z.string().nullable().optional().describe('YYYY-MM-DD for a valid old-format code, null for the new format'),
  reason: z.enum(PERSONAL_CODE_ERRORS).optional().describe('Why the code is not valid'),
  message: z.object({ lv: z.string(), en: z.string() }).optional().describe('What to tell the person, in Latvian and English'),
});
