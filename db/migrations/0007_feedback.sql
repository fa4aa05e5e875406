-- 0007_feedback: survey invitations and responses, monthly aggregates, opinions, phone consultations.
CREATE TABLE "feedback_invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"contact_kind" text NOT NULL,
	"contact_ref" text NOT NULL,
	"centre_id" text,
	"channel_id" text,
	"staff_id" uuid,
	"staff_identified" boolean DEFAULT false NOT NULL,
	"lang" text DEFAULT 'lv' NOT NULL,
	"month" date NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	CONSTRAINT "feedback_invitations_kind_check" CHECK ("feedback_invitations"."contact_kind" in ('inquiry', 'appointment', 'ticket', 'phone'))
);
--> statement-breakpoint
CREATE INDEX "feedback_invitations_contact_idx" ON "feedback_invitations" USING btree ("agency","contact_kind","contact_ref");
--> statement-breakpoint
CREATE TABLE "feedback_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"invitation_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"contact_kind" text NOT NULL,
	"centre_id" text,
	"channel_id" text,
	"month" date NOT NULL,
	"staff_id" uuid,
	"ratings" jsonb NOT NULL,
	"comments" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"has_comment" boolean DEFAULT false NOT NULL,
	"lang" text DEFAULT 'lv' NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_responses_invitation_id_feedback_invitations_id_fk" FOREIGN KEY ("invitation_id") REFERENCES "feedback_invitations"("id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_responses_invitation_key" ON "feedback_responses" USING btree ("invitation_id");
--> statement-breakpoint
CREATE INDEX "feedback_responses_comments_idx" ON "feedback_responses" USING btree ("agency","submitted_at") WHERE "feedback_responses"."has_comment";
--> statement-breakpoint
CREATE TABLE "feedback_score_months" (
	"agency" text NOT NULL,
	"month" date NOT NULL,
	"centre_key" text DEFAULT '' NOT NULL,
	"channel_key" text DEFAULT '' NOT NULL,
	"question_id" text NOT NULL,
	"answers" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_score_months_agency_month_centre_key_channel_key_question_id_pk" PRIMARY KEY("agency","month","centre_key","channel_key","question_id")
);
--> statement-breakpoint
CREATE TABLE "feedback_invitation_months" (
	"agency" text NOT NULL,
	"month" date NOT NULL,
	"centre_key" text DEFAULT '' NOT NULL,
	"channel_key" text DEFAULT '' NOT NULL,
	"invited" integer DEFAULT 0 NOT NULL,
	"responded" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "feedback_invitation_months_agency_month_centre_key_channel_key_pk" PRIMARY KEY("agency","month","centre_key","channel_key")
);
--> statement-breakpoint
CREATE TABLE "feedback_opinions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"kind" text NOT NULL,
	"subject" text DEFAULT 'general' NOT NULL,
	"centre_id" text,
	"channel_id" text,
	"staff_name" text,
	"anonymous" boolean DEFAULT true NOT NULL,
	"author_name" text,
	"author_email" text,
	"author_phone" text,
	"text" text NOT NULL,
	"source" text NOT NULL,
	"expects_answer" boolean DEFAULT false NOT NULL,
	"inquiry_reference" text,
	"recorded_by" uuid,
	"sender_hash" text,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "feedback_opinions_kind_check" CHECK ("feedback_opinions"."kind" in ('praise', 'complaint', 'suggestion')),
	CONSTRAINT "feedback_opinions_source_check" CHECK ("feedback_opinions"."source" in ('web', 'in-person', 'phone')),
	CONSTRAINT "feedback_opinions_subject_check" CHECK ("feedback_opinions"."subject" in ('general', 'centre', 'channel', 'staff'))
);
--> statement-breakpoint
CREATE INDEX "feedback_opinions_agency_idx" ON "feedback_opinions" USING btree ("agency","received_at");
--> statement-breakpoint
CREATE INDEX "feedback_opinions_sender_idx" ON "feedback_opinions" USING btree ("sender_hash","received_at");
--> statement-breakpoint
CREATE TABLE "feedback_phone_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"channel_id" text,
	"topic" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"staff_id" uuid,
	"invitation_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "feedback_phone_consultations_agency_idx" ON "feedback_phone_consultations" USING btree ("agency","at");
