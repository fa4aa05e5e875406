import { z } from 'zod';
import { AgencyProfileSchema, CHANNEL_KINDS, LocalizedTextSchema } from './agency-profile.schema.ts';

export const AgencySlugParamsSchema = z.object({ slug: z.string().min(1).max(40) });

export const AgencySummarySchema = z.object({
  slug: z.string(),
  name: LocalizedTextSchema,
  shortName: LocalizedTextSchema,
  website: z.string(),
  links: z.object({ profile: z.string(), channels: z.string(), standard: z.string() }),
});

export const AgencyListResponseSchema = z.object({ agencies: z.array(AgencySummarySchema) });

/** The profile as published: the schema that validates the YAML also documents the API. */
export const AgencyProfileResponseSchema = AgencyProfileSchema;

const WeekdaySchema = z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']);

export const ChannelStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(CHANNEL_KINDS),
  label: LocalizedTextSchema,
  address: z.string(),
  subAddressee: z.string().nullable(),
  requiresSecureSignature: z.boolean(),
  alwaysAvailable: z.boolean().describe('No hours: the channel takes messages at any time (e-mail, post, forms)'),
  openNow: z.boolean(),
  nextChange: z.string().nullable().describe('ISO 8601 with offset, Europe/Riga: when it next opens or closes'),
  closesAt: z.string().nullable(),
  nextOpening: z.string().nullable(),
  weeklyHours: z.array(
    z.object({ days: z.array(WeekdaySchema), ranges: z.array(z.object({ open: z.string(), close: z.string() })) }),
  ),
});

export const ChannelListResponseSchema = z.object({
  agency: z.string(),
  at: z.string().describe('The moment the statuses were computed'),
  channels: z.array(ChannelStatusSchema),
});

export const ProfileValidationResponseSchema = z.object({
  valid: z.boolean(),
  slug: z.string().nullable(),
  errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
});
