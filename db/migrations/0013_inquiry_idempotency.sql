-- 0013_inquiry_idempotency: a client's Idempotency-Key (API header or the question form's hidden key) per agency,
-- stored in the filing transaction; the primary key makes two concurrent requests with one key file once.
CREATE TABLE "inquiry_idempotency_keys" (
	"agency" text NOT NULL,
	"key" text NOT NULL,
	"inquiry_id" uuid NOT NULL,
	"fingerprint" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inquiry_idempotency_keys_pkey" PRIMARY KEY("agency","key")
);
--> statement-breakpoint
ALTER TABLE "inquiry_idempotency_keys" ADD CONSTRAINT "inquiry_idempotency_keys_inquiry_id_inquiries_id_fk" FOREIGN KEY ("inquiry_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;
