DROP INDEX IF EXISTS "inquiries_inbox_idx";--> statement-breakpoint
CREATE INDEX "inquiries_inbox_idx" ON "inquiries" USING btree ("agency","status","deadline","id");--> statement-breakpoint
CREATE INDEX "inquiries_open_deadline_idx" ON "inquiries" USING btree ("agency","deadline","id") WHERE "inquiries"."status" in ('new', 'assigned', 'waiting-for-client');--> statement-breakpoint
CREATE INDEX "inquiries_agency_deadline_idx" ON "inquiries" USING btree ("agency","deadline","id");
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
DROP INDEX IF EXISTS "inquiries_search_trgm_idx";--> statement-breakpoint
CREATE INDEX "inquiries_search_trgm_idx" ON "inquiries" USING gin ("agency","search_text" gin_trgm_ops);
