DROP INDEX IF EXISTS "inquiries_inbox_idx";--> statement-breakpoint
CREATE INDEX "inquiries_inbox_idx" ON "inquiries" USING btree ("agency","status","deadline","id");--> statement-breakpoint
CREATE INDEX "inquiries_open_deadline_idx" ON "inquiries" USING btree ("agency","deadline","id") WHERE "inquiries"."status" in ('new', 'assigned', 'waiting-for-client');--> statement-breakpoint
CREATE INDEX "inquiries_agency_deadline_idx" ON "inquiries" USING btree ("agency","deadline","id");
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX IF EXISTS "inquiries_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "inquiries_search_trgm_idx" ON "inquiries" USING gin ("agency","search_text" gin_trgm_ops);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_outbox_message_id_idx" ON "mail_outbox" USING btree (("headers"->>'Message-ID'));
