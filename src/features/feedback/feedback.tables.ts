// Tables of the feedback feature (listed in src/app/schema.ts for drizzle-kit).
import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { OPINION_KINDS, OPINION_SOURCES, OPINION_SUBJECTS } from '../../domain/feedback/opinion.ts';

export const SURVEY_CONTACT_KINDS = ['inquiry', 'appointment', 'ticket', 'phone'] as const;
export type SurveyContactKind = (typeof SURVEY_CONTACT_KINDS)[number];

/** One signed, expiring, single-use survey invitation after a contact with a client. */
export const feedbackInvitations = pgTable(
  'feedback_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    contactKind: text('contact_kind', { enum: SURVEY_CONTACT_KINDS }).notNull(),
    contactRef: text('contact_ref').notNull(),
    centreId: text('centre_id'),
    channelId: text('channel_id'),
    /** The staff member who served; erased when the client answers without agreeing to be seen by them. */
    staffId: uuid('staff_id'),
    /** The client agreed that the staff member who served may see the answer. */
    staffIdentified: boolean('staff_identified').notNull().default(false),
    lang: text('lang').notNull().default('lv'),
    /** First day of the Riga month of the contact: the month the results count it in. */
    month: date('month', { mode: 'string' }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    index('feedback_invitations_contact_idx').on(t.agency, t.contactKind, t.contactRef),
    check('feedback_invitations_kind_check', sql`${t.contactKind} in ('inquiry', 'appointment', 'ticket', 'phone')`),
  ],
);

/** A survey answer: one per invitation (the unique index is the guarantee, not the application). */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    invitationId: uuid('invitation_id')
      .notNull()
      .references(() => feedbackInvitations.id),
    agency: text('agency').notNull(),
    contactKind: text('contact_kind', { enum: SURVEY_CONTACT_KINDS }).notNull(),
    centreId: text('centre_id'),
    channelId: text('channel_id'),
    month: date('month', { mode: 'string' }).notNull(),
    /** Only when the client agreed to be identified to the staff member who served. */
    staffId: uuid('staff_id'),
    ratings: jsonb('ratings').$type<Record<string, number>>().notNull(),
    comments: jsonb('comments').$type<Record<string, string>>().notNull().default({}),
    hasComment: boolean('has_comment').notNull().default(false),
    lang: text('lang').notNull().default('lv'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('feedback_responses_invitation_key').on(t.invitationId),
    index('feedback_responses_comments_idx').on(t.agency, t.submittedAt).where(sql`${t.hasComment}`),
  ],
);

/** Sum and count of ratings per agency, contact month, centre, channel and question, kept with each response. */
export const feedbackScoreMonths = pgTable(
  'feedback_score_months',
  {
    agency: text('agency').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    /** '' when the contact was not at a centre / on a channel (keys of a primary key cannot be null). */
    centreKey: text('centre_key').notNull().default(''),
    channelKey: text('channel_key').notNull().default(''),
    questionId: text('question_id').notNull(),
    answers: integer('answers').notNull().default(0),
    total: integer('total').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agency, t.month, t.centreKey, t.channelKey, t.questionId] })],
);

/** Invitations sent and answered per agency, contact month, centre and channel (the response rate). */
export const feedbackInvitationMonths = pgTable(
  'feedback_invitation_months',
  {
    agency: text('agency').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    centreKey: text('centre_key').notNull().default(''),
    channelKey: text('channel_key').notNull().default(''),
    invited: integer('invited').notNull().default(0),
    responded: integer('responded').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agency, t.month, t.centreKey, t.channelKey] })],
);

/** Praise, complaints and suggestions: from the public form, or recorded by staff (in person, by phone). */
export const feedbackOpinions = pgTable(
  'feedback_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agency: text('agency').notNull(),
    kind: text('kind', { enum: OPINION_KINDS }).notNull(),
    subject: text('subject', { enum: OPINION_SUBJECTS }).notNull().default('general'),
    centreId: text('centre_id'),
    channelId: text('channel_id'),
    /** The staff member the opinion is about, as the client named them. */
    staffName: text('staff_name'),
    anonymous: boolean('anonymous').notNull().default(true),
    authorName: text('author_name'),
    authorEmail: text('author_email'),
    authorPhone: text('author_phone'),
    text: text('text').notNull(),
    source: text('source', { enum: OPINION_SOURCES }).notNull(),
    expectsAnswer: boolean('expects_answer').notNull().default(false),
    /** The inquiry it became (Law on Submissions term), when it did. */
    inquiryReference: text('inquiry_reference'),
    recordedBy: uuid('recorded_by'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('feedback_opinions_agency_idx').on(t.agency, t.receivedAt),
    check('feedback_opinions_kind_check', sql`${t.kind} in ('praise', 'complaint', 'suggestion')`),
    check('feedback_opinions_source_check', sql`${t.source} in ('web', 'in-person', 'phone')`),
    check('feedback_opinions_subject_check', sql`${t.subject} in ('general', 'centre', 'channel', 'staff')`),
  ],
);
