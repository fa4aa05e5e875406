-- 0010_registers: incidents, service errors (steps, apology template), gifts and benefits, identity-document checks.
CREATE TABLE "register_incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"centre_id" text,
	"channel_id" text,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"actions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"staff_involved" text,
	"client" text,
	"appointment_id" uuid,
	"ticket_id" uuid,
	"call_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"review_note" text,
	"recorded_by" uuid NOT NULL,
	"closed_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_incidents_kind_check" CHECK ("register_incidents"."kind" in ('unauthorised-recording', 'intoxication', 'aggressive-behaviour', 'offensive-behaviour', 'public-order', 'other')),
	CONSTRAINT "register_incidents_status_check" CHECK ("register_incidents"."status" in ('open', 'closed'))
);
--> statement-breakpoint
CREATE INDEX "register_incidents_list_idx" ON "register_incidents" USING btree ("agency","occurred_at","id");
--> statement-breakpoint
CREATE INDEX "register_incidents_recorder_idx" ON "register_incidents" USING btree ("agency","recorded_by","occurred_at");
--> statement-breakpoint
CREATE INDEX "register_incidents_kind_idx" ON "register_incidents" USING btree ("agency","kind","occurred_at");
--> statement-breakpoint
CREATE INDEX "register_incidents_centre_idx" ON "register_incidents" USING btree ("agency","centre_id","occurred_at");
--> statement-breakpoint
CREATE TABLE "register_service_errors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"concerns_kind" text,
	"concerns_id" uuid,
	"opinion_id" uuid,
	"centre_id" text,
	"description" text NOT NULL,
	"came_to_light" text NOT NULL,
	"consequences" text,
	"status" text DEFAULT 'open' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "register_service_errors_link_check" CHECK (("register_service_errors"."concerns_kind" is null) = ("register_service_errors"."concerns_id" is null) and ("register_service_errors"."concerns_kind" is not null or "register_service_errors"."opinion_id" is not null))
);
--> statement-breakpoint
CREATE INDEX "register_service_errors_list_idx" ON "register_service_errors" USING btree ("agency","created_at","id");
--> statement-breakpoint
CREATE INDEX "register_service_errors_open_idx" ON "register_service_errors" USING btree ("agency","created_at") WHERE "register_service_errors"."status" <> 'closed';
--> statement-breakpoint
CREATE INDEX "register_service_errors_status_idx" ON "register_service_errors" USING btree ("agency","status","created_at");
--> statement-breakpoint
CREATE INDEX "register_service_errors_centre_idx" ON "register_service_errors" USING btree ("agency","centre_id","created_at");
--> statement-breakpoint
CREATE TABLE "register_service_error_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"error_id" uuid NOT NULL REFERENCES "register_service_errors"("id"),
	"agency" text NOT NULL,
	"step" text NOT NULL,
	"text" text,
	"letter" jsonb,
	"taken_by" uuid NOT NULL,
	"taken_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "register_service_error_steps_error_idx" ON "register_service_error_steps" USING btree ("error_id","taken_at");
--> statement-breakpoint
CREATE UNIQUE INDEX "register_service_error_steps_once_key" ON "register_service_error_steps" USING btree ("error_id","step");
--> statement-breakpoint
CREATE TABLE "register_apology_templates" (
	"agency" text NOT NULL,
	"lang" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "register_apology_templates_agency_lang_pk" PRIMARY KEY("agency","lang")
);
--> statement-breakpoint
CREATE TABLE "register_gifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"offered_on" date NOT NULL,
	"offered_by" text,
	"what" text NOT NULL,
	"kind" text NOT NULL,
	"estimated_value_cents" integer,
	"declined" boolean NOT NULL,
	"reason" text,
	"declared_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "register_gifts_value_check" CHECK ("register_gifts"."estimated_value_cents" is null or "register_gifts"."estimated_value_cents" between 0 and 10000000),
	CONSTRAINT "register_gifts_reason_check" CHECK ("register_gifts"."declined" or "register_gifts"."reason" is not null)
);
--> statement-breakpoint
CREATE INDEX "register_gifts_list_idx" ON "register_gifts" USING btree ("agency","offered_on","id");
--> statement-breakpoint
CREATE INDEX "register_gifts_kind_idx" ON "register_gifts" USING btree ("agency","kind","offered_on");
--> statement-breakpoint
CREATE TABLE "identity_checks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"record_kind" text NOT NULL,
	"record_id" uuid NOT NULL,
	"point" text NOT NULL,
	"document_kind" text NOT NULL,
	"checked_by" uuid NOT NULL,
	"checked_at" timestamp with time zone NOT NULL,
	CONSTRAINT "identity_checks_kind_check" CHECK ("identity_checks"."document_kind" in ('passport', 'id-card', 'residence-permit', 'other'))
);
--> statement-breakpoint
CREATE INDEX "identity_checks_record_idx" ON "identity_checks" USING btree ("agency","record_kind","record_id");
