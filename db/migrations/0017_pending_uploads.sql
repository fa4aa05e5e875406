-- 0017_pending_uploads: files chosen on the public question form before it was filed (a form shown again with its
-- errors, the FAQ-suggestion step), kept a few hours under the SHA-256 of the form's random token and of the
-- browser's visitor cookie; filing moves them to inquiry_attachments, the inquiries.pending-uploads job deletes
-- the expired ones.
CREATE TABLE "inquiry_pending_uploads" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency" text NOT NULL,
	"token_hash" text NOT NULL,
	"visitor_hash" text NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "inquiry_pending_uploads_token_idx" ON "inquiry_pending_uploads" USING btree ("token_hash","visitor_hash");
--> statement-breakpoint
CREATE INDEX "inquiry_pending_uploads_expires_idx" ON "inquiry_pending_uploads" USING btree ("expires_at");
