CREATE TABLE "queue_number_counters" (
	"agency" text NOT NULL,
	"centre_id" text NOT NULL,
	"service_id" text NOT NULL,
	"day" date NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "queue_number_counters_agency_centre_id_service_id_day_pk" PRIMARY KEY("agency","centre_id","service_id","day")
);
--> statement-breakpoint
CREATE TABLE "queue_tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"centre_id" text NOT NULL,
	"service_id" text NOT NULL,
	"day" date NOT NULL,
	"running_number" integer NOT NULL,
	"number" text NOT NULL,
	"status" text DEFAULT 'waiting' NOT NULL,
	"channel" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"called_at" timestamp with time zone,
	"first_called_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"counter_no" integer,
	"target_counter_no" integer,
	"recalls" integer DEFAULT 0 NOT NULL,
	"appointment_id" uuid,
	"appointment_start" timestamp with time zone,
	"appointment_end" timestamp with time zone,
	"issued_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queue_tickets_status_check" CHECK ("queue_tickets"."status" in ('waiting', 'called', 'served', 'no-show')),
	CONSTRAINT "queue_tickets_channel_check" CHECK ("queue_tickets"."channel" in ('kiosk', 'api', 'staff', 'check-in'))
);
--> statement-breakpoint
CREATE TABLE "queue_counters" (
	"agency" text NOT NULL,
	"centre_id" text NOT NULL,
	"counter_no" integer NOT NULL,
	"open" boolean DEFAULT false NOT NULL,
	"services" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opened_day" date,
	"opened_by" uuid,
	"current_ticket_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "queue_counters_agency_centre_id_counter_no_pk" PRIMARY KEY("agency","centre_id","counter_no")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_number_key" ON "queue_tickets" USING btree ("agency","centre_id","service_id","day","running_number");--> statement-breakpoint
CREATE UNIQUE INDEX "queue_tickets_appointment_key" ON "queue_tickets" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "queue_tickets_waiting_idx" ON "queue_tickets" USING btree ("agency","centre_id","day","status","issued_at");
