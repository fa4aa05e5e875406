DROP INDEX "feedback_opinions_sender_idx";--> statement-breakpoint
ALTER TABLE "feedback_opinions" DROP COLUMN "sender_hash";