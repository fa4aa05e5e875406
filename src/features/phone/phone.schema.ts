import { z } from 'zod';
import { CALLBACK_LIMITS } from './callback-request.service.ts';

const Slug = z.string().min(1).max(40);
const Id = z.string().min(1).max(63);

export const AgencyParamsSchema = z.object({ slug: Slug });

const HoursGroupSchema = z.object({
  days: z.array(z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'])),
  ranges: z.array(z.object({ open: z.string().describe('HH:MM Riga time'), close: z.string().describe('HH:MM Riga time') })),
});

export const PhoneLinesSchema = z.object({
  lines: z.array(
    z.object({
      id: Id,
      number: z.string().describe('As printed in the profile, e.g. "+371 67094368" or "64507020"'),
      name: z.string().describe("In the request's language"),
      hours: z.array(HoursGroupSchema).describe('The regular week, consecutive days with the same hours grouped (before holiday shortening)'),
      openNow: z.boolean(),
      nextChange: z.string().nullable().describe('ISO 8601 with offset: when open, the closing time (shortened days included); when closed, the next opening'),
      topics: z.array(Id).describe('Ids of the topics (see topics) the line serves'),
      recorded: z.boolean().describe('Calls on this line are recorded'),
    }),
  ),
  topics: z.array(z.object({ id: Id, name: z.string() })),
});

export const CallbackBodySchema = z
  .object({
    name: z.string().max(CALLBACK_LIMITS.name),
    phone: z.string().max(CALLBACK_LIMITS.phone).describe('Latvian numbers may omit +371; premium-rate numbers are refused'),
    topic: z.string().max(63).describe('A topic id from GET /api/v1/agencies/{slug}/phone'),
    window: z
      .object({
        from: z.string().max(40).describe('ISO 8601 with offset, e.g. 2026-11-16T09:00:00+02:00'),
        to: z.string().max(40).describe('ISO 8601 with offset; the same working day, inside the line hours'),
      })
      .strict(),
    description: z.string().max(CALLBACK_LIMITS.description).optional(),
    email: z.string().max(CALLBACK_LIMITS.email).optional(),
    consent: z.boolean().describe('Must be true: the client agrees to be called'),
  })
  .strict();

export const CallbackCreatedSchema = z.object({
  id: z.uuid(),
  callBy: z.string().describe('ISO 8601 with offset: the agency will call by then'),
});
