import { z } from 'zod';

/** Every text a client reads: in Latvian (as the agency wrote it) and English. */
export const LocalizedTextSchema = z
  .object({
    lv: z.string().trim().min(1, 'Latvian text is required'),
    en: z.string().trim().min(1, 'English text is required'),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Ids of a profile's channels, centres, services, …: lower-case letters, digits and hyphens. */
export const IdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use lower-case letters, digits and hyphens');
