-- 0009_phone: the phone as its own feature: logged calls (with hourly and duration aggregates), callbacks and
-- their attempts. The phone consultations logged in the feedback feature move here with their ids (survey
-- invitations refer to them), topics, notes, staff, invitations and times; they have no outcome or duration.
CREATE TABLE "phone_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"line_id" text,
	"topic" text NOT NULL,
	"outcome" text,
	"institution_id" text,
	"started_at" timestamp with time zone NOT NULL,
	"duration_seconds" integer,
	"staff_id" uuid,
	"personal_code_hash" text,
	"note" text DEFAULT '' NOT NULL,
	"invitation_id" uuid,
	"callback_id" uuid,
	CONSTRAINT "phone_calls_outcome_check" CHECK ("phone_calls"."outcome" in ('answered', 'callback-arranged', 'written-inquiry-needed', 'forwarded', 'appointment-booked')),
	CONSTRAINT "phone_calls_duration_check" CHECK ("phone_calls"."duration_seconds" between 0 and 14400)
);
--> statement-breakpoint
CREATE INDEX "phone_calls_agency_started_idx" ON "phone_calls" USING btree ("agency","started_at");
--> statement-breakpoint
CREATE INDEX "phone_calls_person_idx" ON "phone_calls" USING btree ("agency","personal_code_hash") WHERE "phone_calls"."personal_code_hash" is not null;
--> statement-breakpoint
CREATE TABLE "phone_call_hours" (
	"agency" text NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"topic" text NOT NULL,
	"outcome" text NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	"seconds" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "phone_call_hours_agency_hour_topic_outcome_pk" PRIMARY KEY("agency","hour","topic","outcome")
);
--> statement-breakpoint
CREATE TABLE "phone_call_durations" (
	"agency" text NOT NULL,
	"day" date NOT NULL,
	"duration_seconds" integer NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "phone_call_durations_agency_day_duration_seconds_pk" PRIMARY KEY("agency","day","duration_seconds")
);
--> statement-breakpoint
CREATE TABLE "phone_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"line_id" text,
	"topic" text NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"email" text,
	"description" text DEFAULT '' NOT NULL,
	"lang" text DEFAULT 'lv' NOT NULL,
	"window_from" timestamp with time zone NOT NULL,
	"window_to" timestamp with time zone NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"call_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"taken_by" uuid,
	"taken_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "phone_callbacks_status_check" CHECK ("phone_callbacks"."status" in ('open', 'taken', 'reached', 'unreachable'))
);
--> statement-breakpoint
CREATE INDEX "phone_callbacks_work_idx" ON "phone_callbacks" USING btree ("agency","call_by") WHERE "phone_callbacks"."status" in ('open', 'taken');
--> statement-breakpoint
CREATE INDEX "phone_callbacks_requested_idx" ON "phone_callbacks" USING btree ("agency","requested_at");
--> statement-breakpoint
CREATE INDEX "phone_callbacks_phone_idx" ON "phone_callbacks" USING btree ("phone","requested_at");
--> statement-breakpoint
CREATE TABLE "phone_callback_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"callback_id" uuid NOT NULL,
	"agency" text NOT NULL,
	"result" text NOT NULL,
	"staff_id" uuid,
	"note" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "phone_callback_attempts_callback_id_phone_callbacks_id_fk" FOREIGN KEY ("callback_id") REFERENCES "phone_callbacks"("id"),
	CONSTRAINT "phone_callback_attempts_result_check" CHECK ("phone_callback_attempts"."result" in ('reached', 'no-answer', 'wrong-number'))
);
--> statement-breakpoint
CREATE INDEX "phone_callback_attempts_callback_idx" ON "phone_callback_attempts" USING btree ("callback_id","at");
--> statement-breakpoint
INSERT INTO "phone_calls" ("id", "agency", "line_id", "topic", "outcome", "started_at", "duration_seconds", "staff_id", "note", "invitation_id")
SELECT "id", "agency", "channel_id", "topic", NULL, "at", NULL, "staff_id", "note", "invitation_id" FROM "feedback_phone_consultations";
--> statement-breakpoint
INSERT INTO "phone_call_hours" ("agency", "hour", "topic", "outcome", "calls", "seconds")
SELECT "agency", date_trunc('hour', "at"), "topic", '', count(*), 0 FROM "feedback_phone_consultations" GROUP BY 1, 2, 3;
--> statement-breakpoint
DROP TABLE "feedback_phone_consultations";
