-- 0014_standard_figures: aggregates behind "Is the standard kept?" (issue 19) and the flow counters.
CREATE TABLE "standard_figure_days" (
	"agency" text NOT NULL,
	"day" date NOT NULL,
	"metric" text NOT NULL,
	"centre_key" text DEFAULT '' NOT NULL,
	"channel_key" text DEFAULT '' NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "standard_figure_days_pkey" PRIMARY KEY("agency","day","metric","centre_key","channel_key","bucket")
);
--> statement-breakpoint
CREATE TABLE "standard_figure_months" (
	"agency" text NOT NULL,
	"month" date NOT NULL,
	"metric" text NOT NULL,
	"centre_key" text DEFAULT '' NOT NULL,
	"channel_key" text DEFAULT '' NOT NULL,
	"bucket" integer DEFAULT 0 NOT NULL,
	"n" bigint NOT NULL,
	CONSTRAINT "standard_figure_months_pkey" PRIMARY KEY("agency","month","metric","centre_key","channel_key","bucket")
);
--> statement-breakpoint
CREATE TABLE "standard_flow_counts" (
	"agency" text NOT NULL,
	"day" date NOT NULL,
	"flow" text NOT NULL,
	"step" text NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "standard_flow_counts_pkey" PRIMARY KEY("agency","day","flow","step")
);
--> statement-breakpoint
CREATE TABLE "standard_figure_refreshes" (
	"agency" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	"rebuilt_at" timestamp with time zone
);
--> statement-breakpoint
-- The refresh reads the records of a few Riga days at a time: these let it do so without scanning a year.
CREATE INDEX "inquiry_events_status_at_idx" ON "inquiry_events" USING btree ("to_status","at") WHERE "to_status" IS NOT NULL;
--> statement-breakpoint
CREATE INDEX "inquiry_events_kind_at_idx" ON "inquiry_events" USING btree ("kind","at");
--> statement-breakpoint
CREATE INDEX "inquiries_agency_received_idx" ON "inquiries" USING btree ("agency","received_on");
--> statement-breakpoint
CREATE INDEX "queue_tickets_agency_day_idx" ON "queue_tickets" USING btree ("agency","day");
--> statement-breakpoint
CREATE INDEX "appointments_agency_starts_idx" ON "appointments" USING btree ("agency","starts_at");
--> statement-breakpoint
CREATE INDEX "appointments_agency_cancelled_idx" ON "appointments" USING btree ("agency","cancelled_at") WHERE "status" = 'cancelled';
--> statement-breakpoint
CREATE INDEX "feedback_responses_agency_submitted_idx" ON "feedback_responses" USING btree ("agency","submitted_at");
--> statement-breakpoint
CREATE INDEX "feedback_invitations_agency_created_idx" ON "feedback_invitations" USING btree ("agency","created_at");
--> statement-breakpoint
-- One metric over many days (snapshots such as "open now", a from–to range) without reading every metric of those days.
CREATE INDEX "standard_figure_days_metric_idx" ON "standard_figure_days" USING btree ("agency","metric","day");
