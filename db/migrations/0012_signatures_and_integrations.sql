-- 0012_signatures_and_integrations: each attachment's e-signature verdict (examined once, on arrival);
-- integration keys, deliveries (idempotent by external message id), callbacks and forwardings.
ALTER TABLE "inquiry_attachments" ADD COLUMN "signature_status" text DEFAULT 'unsigned' NOT NULL;
--> statement-breakpoint
ALTER TABLE "inquiry_attachments" ADD COLUMN "signatures" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "inquiry_attachments" ADD COLUMN "signature_problems" jsonb DEFAULT '[]'::jsonb NOT NULL;
--> statement-breakpoint
ALTER TABLE "inquiry_attachments" ADD COLUMN "signature_checked_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "inquiry_attachments" ADD CONSTRAINT "inquiry_attachments_signature_status_check" CHECK ("inquiry_attachments"."signature_status" in ('valid', 'invalid', 'unsigned', 'qualification-not-checked'));
--> statement-breakpoint
CREATE TABLE "integration_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"label" text NOT NULL,
	"key_prefix" text NOT NULL,
	"key_hash" text NOT NULL,
	"channels" jsonb NOT NULL,
	"callback_url" text,
	"callback_secret" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE UNIQUE INDEX "integration_keys_hash_key" ON "integration_keys" USING btree ("key_hash");
--> statement-breakpoint
CREATE INDEX "integration_keys_agency_idx" ON "integration_keys" USING btree ("agency","created_at");
--> statement-breakpoint
CREATE TABLE "integration_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"external_message_id" text NOT NULL,
	"channel" text NOT NULL,
	"key_id" uuid NOT NULL REFERENCES "integration_keys"("id"),
	"inquiry_id" uuid REFERENCES "inquiries"("id") ON DELETE CASCADE,
	"sender_e_address" text,
	"sub_addressee" text,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "integration_deliveries_external_key" ON "integration_deliveries" USING btree ("agency","external_message_id");
--> statement-breakpoint
CREATE INDEX "integration_deliveries_inquiry_idx" ON "integration_deliveries" USING btree ("inquiry_id");
--> statement-breakpoint
CREATE TABLE "integration_callbacks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"key_id" uuid NOT NULL REFERENCES "integration_keys"("id"),
	"inquiry_id" uuid REFERENCES "inquiries"("id") ON DELETE CASCADE,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status" integer,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "integration_callbacks_status_check" CHECK ("integration_callbacks"."status" in ('pending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE INDEX "integration_callbacks_agency_idx" ON "integration_callbacks" USING btree ("agency","created_at");
--> statement-breakpoint
CREATE INDEX "integration_callbacks_due_idx" ON "integration_callbacks" USING btree ("next_attempt_at") WHERE "status" = 'pending';
--> statement-breakpoint
CREATE TABLE "inquiry_forwardings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"inquiry_id" uuid NOT NULL REFERENCES "inquiries"("id") ON DELETE CASCADE,
	"institution" text NOT NULL,
	"route" text NOT NULL,
	"address" text NOT NULL,
	"message_id" text NOT NULL,
	"outbox_id" uuid,
	"callback_id" uuid,
	"sent_at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	CONSTRAINT "inquiry_forwardings_route_check" CHECK ("inquiry_forwardings"."route" in ('integration', 'email'))
);
--> statement-breakpoint
CREATE INDEX "inquiry_forwardings_inquiry_idx" ON "inquiry_forwardings" USING btree ("inquiry_id");
