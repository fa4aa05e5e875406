import { z } from 'zod';
import { PrivacyProfileSchema } from '../privacy/privacy-profile.schema.ts';
import { PromisesSchema } from '../standard-figures/promise.schema.ts';
import { BrandSchema, StandardContactSectionSchema } from './agency-presentation.schema.ts';
import { IdSchema, LocalizedTextSchema } from './profile-text.schema.ts';

// The client service standard as data. Every text a client reads is given in
// Latvian (as the agency wrote it) and English.

export { IdSchema, LocalizedTextSchema, type LocalizedText } from './profile-text.schema.ts';

const slugPattern = /^[a-z][a-z0-9-]{1,30}$/;
/** First path segments the platform itself uses: an agency with such a slug would never get its pages. */
export const RESERVED_SLUGS = ['api', 'staff', 'static', 'kalendars', 'privatums', 'pieejamiba', 'favicon.ico', 'robots.txt'] as const;
const timeRangePattern = /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/;
const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;


/** "08:30-17:15" in Europe/Riga wall-clock time. */
export const TimeRangeTextSchema = z
  .string()
  .regex(timeRangePattern, 'Use HH:MM-HH:MM, e.g. 08:30-17:15')
  .refine((text) => {
    const [open, close] = text.split('-');
    return (open ?? '') < (close ?? '');
  }, 'Opening time must be before closing time');

const DayRangesSchema = z.array(TimeRangeTextSchema);

export const HoursSchema = z
  .object({
    weekly: z
      .object({
        mon: DayRangesSchema.optional(),
        tue: DayRangesSchema.optional(),
        wed: DayRangesSchema.optional(),
        thu: DayRangesSchema.optional(),
        fri: DayRangesSchema.optional(),
        sat: DayRangesSchema.optional(),
        sun: DayRangesSchema.optional(),
      })
      .strict(),
    /** Explicit hours for a date ("YYYY-MM-DD": [] means closed); wins over everything. */
    dates: z.record(z.string().regex(isoDatePattern, 'Use YYYY-MM-DD'), DayRangesSchema).optional(),
    /** Labour Law s.135: the working day before a public holiday is one hour shorter. */
    shortenBeforeHolidays: z.boolean().default(true),
    openOnNonWorkingDays: z.boolean().default(false),
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type HoursProfile = z.infer<typeof HoursSchema>;

export const CHANNEL_KINDS = [
  'phone',
  'email',
  'e-address',
  'post',
  'web-form',
  'national-portal',
  'e-services',
  'video-consultation',
  'in-person',
] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_PURPOSES = ['information', 'written', 'services', 'feedback', 'appointments'] as const;

export const ChannelSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(CHANNEL_KINDS),
    label: LocalizedTextSchema,
    /** Phone number, e-mail address, postal address, URL or e-address name. */
    address: z.string().trim().min(1),
    /** The address in English where it is words, not a number or an e-mail (e.g. "Any client service centre"). */
    addressEn: z.string().trim().min(1).optional(),
    subAddressee: z.string().trim().min(1).optional(),
    /** Where the channel is served: an http(s) URL, or a page of this portal ("/kase/jautajums"). */
    url: z.union([z.url({ protocol: /^https?$/ }), z.string().regex(/^\/[a-z][a-z0-9-]*(?:\/[a-z0-9-]+)*$/, 'Use an absolute URL or a portal path such as /kase/jautajums')]).optional(),
    hours: HoursSchema.optional(),
    requiresSecureSignature: z.boolean().default(false),
    purposes: z.array(z.enum(CHANNEL_PURPOSES)).min(1),
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type Channel = z.infer<typeof ChannelSchema>;

/** A specialist who receives booked clients at a centre (staff day view per specialist). */
export const SpecialistSchema = z
  .object({
    id: IdSchema,
    name: z.string().trim().min(1),
    /** Services this specialist takes; empty = all the centre's services. */
    services: z.array(IdSchema).default([]),
  })
  .strict();

export const ServiceCentreSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    address: z.string().trim().min(1),
    city: z.string().trim().min(1),
    phone: z.string().trim().min(1).optional(),
    hours: HoursSchema,
    appointments: z.boolean(),
    walkIn: z.boolean(),
    /** A queue kiosk where a booked client types the booking code on arrival; default: the centre serves walk-ins. */
    queueKiosk: z.boolean().optional(),
    counters: z.number().int().min(1).max(100),
    services: z.array(IdSchema).min(1),
    /** How many clients of a service this centre takes at one time (overrides the service's seatsAtOneTime). */
    seats: z.record(IdSchema, z.number().int().min(1).max(50)).default({}),
    specialists: z.array(SpecialistSchema).default([]),
    note: LocalizedTextSchema.optional(),
  })
  .strict();
export type ServiceCentre = z.infer<typeof ServiceCentreSchema>;

export const ServiceSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    durationMinutes: z.number().int().min(5).max(240),
    bufferMinutes: z.number().int().min(0).max(60).default(0),
    /** How many clients of this service a centre takes at one time, unless the centre says otherwise. */
    seatsAtOneTime: z.number().int().min(1).max(50).default(1),
    /** The client shows an identity document at the counter (the console reminds the specialist). */
    identityDocument: z.boolean().default(false),
    /** Letter of this service's queue tickets (e.g. "P" gives P-042); the queue derives one when absent. */
    queueLetter: z
      .string()
      .regex(/^[A-Z]$/, 'Use one capital letter A–Z')
      .optional(),
    /** The client shows an identity document: the counter cannot mark the service served without the check. */
    requiresIdentification: z.boolean().optional(),
  })
  .strict();

export const VideoLocationSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    address: z.string().trim().min(1),
    city: z.string().trim().min(1),
    hours: HoursSchema,
    /** Video consultations at this location at one time (rooms with a camera). */
    seats: z.number().int().min(1).max(20).default(1),
  })
  .strict();

export const CompetentInstitutionSchema = z
  .object({
    id: IdSchema,
    name: LocalizedTextSchema,
    topics: LocalizedTextSchema,
    email: z.email().optional(),
    /** The institution's official e-address: forwarding goes there through the agency's integration. */
    eAddress: z.string().trim().min(1).optional(),
    phone: z.string().optional(),
    website: z.url().optional(),
  })
  .strict();

export const SURVEY_QUESTION_KINDS = ['rating', 'comment'] as const;

/** One survey question: a rating 1–5 or a free comment. */
export const SurveyQuestionSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(SURVEY_QUESTION_KINDS),
    label: LocalizedTextSchema,
    required: z.boolean().default(false),
  })
  .strict();
export type SurveyQuestion = z.infer<typeof SurveyQuestionSchema>;

/** The short survey a client may get after a contact (inquiry answered, appointment served, ticket served, phone call). */
export const SurveyProfileSchema = z
  .object({
    intro: LocalizedTextSchema,
    /** How long an invitation link stays valid. */
    validDays: z.number().int().min(1).max(90).default(14),
    questions: z.array(SurveyQuestionSchema).min(1),
  })
  .strict()
  .superRefine((survey, ctx) => {
    const seen = new Set<string>();
    survey.questions.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `Duplicate question id "${q.id}"` });
      seen.add(q.id);
    });
  });
export type SurveyProfile = z.infer<typeof SurveyProfileSchema>;

const PhoneTopicSchema = z.object({ id: IdSchema, name: LocalizedTextSchema }).strict();

/** The phone as a channel (SPEC 7): default line hours, consultation topics, recording, the callback promise. */
export const PhoneProfileSchema = z
  .object({
    /** Hours of the phone lines that give none of their own (a channel's or a centre's hours win). */
    hours: HoursSchema.optional(),
    /** Topics served by phone; empty = the profile's phoneTopics (or the question form's topics). */
    topics: z.array(PhoneTopicSchema).default([]),
    /** Calls are recorded: the public phone page shows the recording notice. */
    recorded: z.boolean().default(false),
    /** The agency calls back within this many working days of the request. */
    callbackWithinWorkingDays: z.number().int().min(0).max(10).default(1),
    /** The line whose hours bound the callback window (default: the first phone channel). */
    callbackLine: IdSchema.optional(),
  })
  .strict();
export type PhoneProfile = z.infer<typeof PhoneProfileSchema>;

export const NOTICE_KINDS = ['call-recording', 'video-surveillance', 'pre-holiday-hours', 'privacy', 'other'] as const;

export const AgencyProfileSchema = z
  .object({
    slug: z
      .string()
      .regex(slugPattern, 'Use 2–31 lower-case letters, digits or hyphens, starting with a letter')
      .refine((slug) => !(RESERVED_SLUGS as readonly string[]).includes(slug), { message: `Reserved by the platform (${RESERVED_SLUGS.filter((s) => !s.includes('.')).join(', ')}): choose another slug` }),
    profileVersion: z.number().int().min(1),
    validFrom: z.string().regex(isoDatePattern, 'Use YYYY-MM-DD'),
    name: LocalizedTextSchema,
    /**
     * The Latvian name in the cases a sentence needs ("nav Valsts kases kompetencē", "sazinājāties ar Valsts kasi").
     * Without it, sentences use the declined word "iestāde" with the name in quotes, which is always correct.
     */
    nameForms: z
      .object({ genitive: z.string().trim().min(1), dative: z.string().trim().min(1), accusative: z.string().trim().min(1), locative: z.string().trim().min(1) })
      .strict()
      .optional(),
    shortName: LocalizedTextSchema,
    legalAddress: z.string().trim().min(1),
    website: z.url(),
    /** Where the text of the standard comes from (file, date adopted). */
    source: z.string().trim().min(1),
    description: LocalizedTextSchema,
    mission: LocalizedTextSchema,
    principles: z.array(LocalizedTextSchema).default([]),
    values: z.array(z.object({ name: LocalizedTextSchema, description: LocalizedTextSchema }).strict()).default([]),
    clientMayExpect: z.array(LocalizedTextSchema).min(1),
    agencyExpects: z.array(LocalizedTextSchema).min(1),
    premisesRules: z
      .object({
        intro: LocalizedTextSchema.optional(),
        rules: z.array(LocalizedTextSchema),
        consequences: z.array(LocalizedTextSchema).default([]),
      })
      .strict()
      .optional(),
    notices: z.array(z.object({ kind: z.enum(NOTICE_KINDS), text: LocalizedTextSchema }).strict()).default([]),
    serviceDelivery: z.array(LocalizedTextSchema).default([]),
    /** The standard's contact section as published, each contact linked to what serves it (rendered at /{agency}/standarts). */
    contactSections: z.array(StandardContactSectionSchema).default([]),
    brand: BrandSchema.optional(),
    channels: z.array(ChannelSchema).min(1),
    services: z.array(ServiceSchema).default([]),
    serviceCentres: z.array(ServiceCentreSchema).default([]),
    videoConsultation: z
      .object({ description: LocalizedTextSchema, serviceId: IdSchema, locations: z.array(VideoLocationSchema) })
      .strict()
      .optional(),
    phoneTopics: z.array(PhoneTopicSchema).default([]),
    phone: PhoneProfileSchema.prefault({}),
    booking: z
      .object({
        minNoticeWorkingDays: z.number().int().min(0).max(30),
        horizonDays: z.number().int().min(1).max(365),
        requiresElectronicImpossibleReason: z.boolean(),
        anyCentreRegardlessOfResidence: z.boolean(),
        bookingChannels: z.array(IdSchema).default([]),
        description: LocalizedTextSchema,
      })
      .strict(),
    feedback: z
      .object({
        intro: LocalizedTextSchema,
        invitations: z.array(LocalizedTextSchema).min(1),
        channels: z.array(IdSchema).default([]),
        answerPromise: LocalizedTextSchema,
        survey: SurveyProfileSchema,
      })
      .strict(),
    /** Law on Submissions s.2(4): how e-mails without a secure e-signature are handled. */
    unsignedEmailPolicy: z
      .object({ answer: z.enum(['answer-by-email', 'ask-for-signed', 'inform-only']), text: LocalizedTextSchema })
      .strict(),
    competentInstitutions: z.array(CompetentInstitutionSchema).default([]),
    /** Privacy notice, retention per record kind (legal minimum and unit checked) and the accessibility statement. */
    privacy: PrivacyProfileSchema.optional(),
    /** The standard's promises, each set against the indicator that measures it (src/features/standard-figures). */
    promises: PromisesSchema,
  })
  .strict()
  .superRefine((profile, ctx) => {
    const channelIds = new Set<string>();
    profile.channels.forEach((channel, i) => {
      if (channelIds.has(channel.id)) {
        ctx.addIssue({ code: 'custom', path: ['channels', i, 'id'], message: `Duplicate channel id "${channel.id}"` });
      }
      channelIds.add(channel.id);
    });
    const serviceIds = new Set(profile.services.map((s) => s.id));
    profile.serviceCentres.forEach((centre, i) => {
      Object.keys(centre.seats).forEach((serviceId) => {
        if (!centre.services.includes(serviceId)) {
          ctx.addIssue({ code: 'custom', path: ['serviceCentres', i, 'seats', serviceId], message: `Seats for "${serviceId}", which this centre does not offer` });
        }
      });
      centre.specialists.forEach((specialist, j) => {
        specialist.services.forEach((serviceId, k) => {
          if (!centre.services.includes(serviceId)) {
            ctx.addIssue({ code: 'custom', path: ['serviceCentres', i, 'specialists', j, 'services', k], message: `Service "${serviceId}" is not offered at this centre` });
          }
        });
      });
      centre.services.forEach((serviceId, j) => {
        if (!serviceIds.has(serviceId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['serviceCentres', i, 'services', j],
            message: `Unknown service "${serviceId}" (declare it under services)`,
          });
        }
      });
    });
    const hasWalkIn = profile.serviceCentres.some((c) => c.walkIn);
    const hasBooking = profile.serviceCentres.some((c) => c.appointments) || Boolean(profile.videoConsultation);
    profile.contactSections.forEach((section, i) => {
      section.contacts.forEach((contact, j) => {
        contact.channels.forEach((id, k) => {
          if (!channelIds.has(id)) ctx.addIssue({ code: 'custom', path: ['contactSections', i, 'contacts', j, 'channels', k], message: `Unknown channel "${id}"` });
        });
        contact.pages.forEach((page, k) => {
          if ((page === 'queue' && !hasWalkIn) || (page === 'booking' && !hasBooking)) {
            ctx.addIssue({ code: 'custom', path: ['contactSections', i, 'contacts', j, 'pages', k], message: `No ${page} page: no service centre offers it` });
          }
        });
      });
    });
    const referenced: Array<[string[], (string | number)[]]> = [
      [profile.feedback.channels, ['feedback', 'channels']],
      [profile.booking.bookingChannels, ['booking', 'bookingChannels']],
    ];
    for (const [ids, path] of referenced) {
      ids.forEach((id, i) => {
        if (!channelIds.has(id)) ctx.addIssue({ code: 'custom', path: [...path, i], message: `Unknown channel "${id}"` });
      });
    }
  });

export type AgencyProfile = z.infer<typeof AgencyProfileSchema>;
export type AgencyProfileInput = z.input<typeof AgencyProfileSchema>;
