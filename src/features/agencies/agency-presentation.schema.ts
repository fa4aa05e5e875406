// How the standard page presents the agency: its contact sections (each contact linked to the portal page that
// serves it) and its identity (name mark and colour).
import { z } from 'zod';
import { IdSchema, LocalizedTextSchema } from './profile-text.schema.ts';

/** Pages of this portal a contact of the standard links to: the page that serves it (paths under /{agency}/). */
export const PORTAL_PAGES = ['contacts', 'phone', 'question', 'faq', 'booking', 'queue', 'feedback'] as const;
export type PortalPage = (typeof PORTAL_PAGES)[number];
export const PORTAL_PAGE_PATHS: Record<PortalPage, string> = {
  contacts: 'kontakti',
  phone: 'talrunis',
  question: 'jautajums',
  faq: 'buj',
  booking: 'pieraksts',
  queue: 'rinda',
  feedback: 'atsauksme',
};

/** One contact of the standard's contact section, worded as the agency published it. */
export const StandardContactSchema = z
  .object({
    text: LocalizedTextSchema,
    /** The channels it names: their addresses are shown as links (phone, e-mail, the channel on the contacts page). */
    channels: z.array(IdSchema).default([]),
    /** The portal pages that serve it (the question form, booking, the queue…). */
    pages: z.array(z.enum(PORTAL_PAGES)).default([]),
    /** Show the named channels' weekly hours (from their `hours`) under the text. */
    showHours: z.boolean().default(false),
  })
  .strict();

/** A part of the standard's contact section ("Klienti neklātienes saziņai ar aģentūru var:", "Klātienē"…). */
export const StandardContactSectionSchema = z
  .object({
    heading: LocalizedTextSchema,
    intro: LocalizedTextSchema.optional(),
    /** `list`: the contacts are items of one list, as the standard's bullets; `paragraphs`: each its own paragraph. */
    layout: z.enum(['list', 'paragraphs']).default('list'),
    contacts: z.array(StandardContactSchema).min(1),
  })
  .strict();
export type StandardContactSection = z.infer<typeof StandardContactSectionSchema>;

/** "#0b5394": six hex digits (the colour is written into a stylesheet: nothing else gets through). */
const hexColourPattern = /^#[0-9a-fA-F]{6}$/;

/** WCAG 2 contrast ratio of a #rrggbb colour against white. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

/** The agency's own look: a name mark in the header and a colour (white text is written on it: WCAG AA, 4.5:1). */
export const BrandSchema = z
  .object({
    /** Short name or abbreviation shown in the header ("VSAA"); the profile's shortName when absent. */
    mark: LocalizedTextSchema.optional(),
    colour: z
      .string()
      .regex(hexColourPattern, 'Use a hex colour #rrggbb, e.g. #0b5394')
      .refine((hex) => !hexColourPattern.test(hex) || contrastWithWhite(hex) >= 4.5, {
        message: 'White text on this colour is below the 4.5:1 contrast of WCAG AA: choose a darker colour',
      }),
  })
  .strict();
export type Brand = z.infer<typeof BrandSchema>;
