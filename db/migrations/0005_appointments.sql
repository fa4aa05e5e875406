CREATE TABLE "appointment_slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"centre_id" text NOT NULL,
	"service_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "appointment_slots_seats_check" CHECK ("appointment_slots"."taken" >= 0 and "appointment_slots"."taken" <= "appointment_slots"."capacity")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "appointment_slots_key" ON "appointment_slots" USING btree ("agency","centre_id","service_id","starts_at");
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"centre_id" text NOT NULL,
	"service_id" text NOT NULL,
	"slot_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'booked' NOT NULL,
	"booking_code" text NOT NULL,
	"manage_token_hash" text NOT NULL,
	"idempotency_key" text,
	"channel" text NOT NULL,
	"client_name" text NOT NULL,
	"client_email" text,
	"client_phone" text,
	"client_personal_code" text,
	"reason" text,
	"companion" text DEFAULT 'none' NOT NULL,
	"language" text DEFAULT 'lv' NOT NULL,
	"specialist_id" text,
	"notes" text DEFAULT '' NOT NULL,
	"late_minutes" integer,
	"arrived_at" timestamp with time zone,
	"identity_document" text,
	"outcome_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	"reminder_sent_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointments_status_check" CHECK ("appointments"."status" in ('booked', 'arrived', 'served', 'no-show', 'cancelled')),
	CONSTRAINT "appointments_channel_check" CHECK ("appointments"."channel" in ('web', 'api', 'staff')),
	CONSTRAINT "appointments_companion_check" CHECK ("appointments"."companion" in ('none', 'assistant', 'interpreter'))
);
--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_slot_id_appointment_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."appointment_slots"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_booking_code_key" ON "appointments" USING btree ("agency","booking_code");
--> statement-breakpoint
CREATE UNIQUE INDEX "appointments_idempotency_key" ON "appointments" USING btree ("agency","idempotency_key");
--> statement-breakpoint
CREATE INDEX "appointments_day_idx" ON "appointments" USING btree ("agency","centre_id","starts_at");
--> statement-breakpoint
CREATE INDEX "appointments_reminder_idx" ON "appointments" USING btree ("starts_at") WHERE "appointments"."status" = 'booked' and "appointments"."reminder_sent_at" is null;
--> statement-breakpoint
CREATE TABLE "appointment_capacity_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"centre_id" text NOT NULL,
	"service_id" text,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"capacity" integer NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "appointment_capacity_changes_check" CHECK ("appointment_capacity_changes"."capacity" >= 0 and "appointment_capacity_changes"."from_date" <= "appointment_capacity_changes"."to_date")
);
--> statement-breakpoint
CREATE INDEX "appointment_capacity_changes_idx" ON "appointment_capacity_changes" USING btree ("agency","centre_id","from_date");
