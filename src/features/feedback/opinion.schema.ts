import { z } from 'zod';
import { OPINION_KINDS, OPINION_SOURCES, OPINION_SUBJECTS, OPINION_TEXT_MAX, type OpinionKind } from '../../domain/feedback/index.ts';
import type { MessageKey } from '../../platform/i18n/index.ts';

/** Issues carry the message key of our catalog; the service translates them with the field's values. */
const key = (name: string) => ({ message: `feedback.opinion.errors.${name}` });

const flag = z.preprocess((v) => v === 'yes' || v === true, z.boolean());
const optionalText = (max: number, tooLong?: string) => z.string().trim().max(max, tooLong ? key(tooLong) : undefined).default('');

/** The opinion form (public and staff): one schema for the fields and the rules between them. */
export const OpinionFormSchema = z
  .object({
    kind: z.enum(OPINION_KINDS, key('kind')),
    subject: z.enum(OPINION_SUBJECTS, key('subject')),
    centre: optionalText(60),
    channel: optionalText(60),
    staffName: optionalText(200, 'staffNameTooLong'),
    text: z.string(key('textRequired')).trim().min(1, key('textRequired')).max(OPINION_TEXT_MAX, key('textTooLong')),
    anonymous: flag,
    expectsAnswer: flag,
    name: optionalText(200, 'nameTooLong'),
    email: optionalText(254).refine((e) => e === '' || z.email().safeParse(e).success, key('emailInvalid')),
    phone: optionalText(40).refine((p) => p === '' || /^\+?[0-9 ()-]{6,}$/.test(p), key('phoneInvalid')),
    source: z.enum(OPINION_SOURCES, key('source')).default('web'),
  })
  .superRefine((v, ctx) => {
    const issue = (path: string, name: string) => ctx.addIssue({ code: 'custom', path: [path], ...key(name) });
    if (v.subject === 'centre' && !v.centre) issue('centre', 'centre');
    if (v.subject === 'channel' && !v.channel) issue('channel', 'channel');
    if (v.subject === 'staff' && !v.staffName) issue('staffName', 'staffName');
    if (v.expectsAnswer && v.anonymous) issue('anonymous', 'anonymousAnswer');
    if (v.expectsAnswer && !v.anonymous) {
      if (!v.name) issue('name', 'nameRequired');
      if (!v.email && !v.phone) issue('email', 'contactRequired');
    }
  });
export type OpinionForm = z.infer<typeof OpinionFormSchema>;

export const OPINION_FIELDS = ['kind', 'subject', 'centre', 'channel', 'staffName', 'text', 'anonymous', 'name', 'email', 'phone', 'expectsAnswer', 'source'] as const;

/** Sender floods: at most this many opinions from one address per window. */
export const OPINION_FLOOD_LIMIT = 5;
export const OPINION_FLOOD_WINDOW_MINUTES = 60;

/** The label of each kind of opinion in the catalog. */
export const OPINION_KIND_LABEL: Record<OpinionKind, MessageKey> = {
  praise: 'feedback.opinion.kindPraise',
  complaint: 'feedback.opinion.kindComplaint',
  suggestion: 'feedback.opinion.kindSuggestion',
};
