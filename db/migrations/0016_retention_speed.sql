-- 0015_retention_speed: the retention run walks each table by its expiry column (time, id), in large set-based batches
-- (issue 17's figure: 1,000,000 expired records in under 5 minutes).
-- Indexes on the expiry column and the key of the big tables it walks (appointments (starts_at, id), phone calls and
-- callbacks, opinions and the outbox already have one led by their time or (agency, time)).
CREATE INDEX inquiries_retention_idx ON inquiries (updated_at, id);
--> statement-breakpoint
CREATE INDEX inquiry_messages_retention_idx ON inquiry_messages (at, id);
--> statement-breakpoint
CREATE INDEX inquiry_attachments_retention_idx ON inquiry_attachments (created_at, id);
--> statement-breakpoint
CREATE INDEX feedback_responses_retention_idx ON feedback_responses (submitted_at, id);
--> statement-breakpoint
CREATE INDEX staff_sessions_expires_idx ON staff_sessions (expires_at, id);
--> statement-breakpoint
CREATE INDEX queue_tickets_retention_idx ON queue_tickets (issued_at, id);
--> statement-breakpoint
DROP INDEX queue_tickets_issued_idx;
--> statement-breakpoint
-- The keyed person index is cleared by the anonymising statement itself (person_keys = '{}'): the fill trigger runs only
-- when the row still names someone, or still holds keys (an ordinary edit that removes every identifier still clears them).
DROP TRIGGER inquiries_person_keys_update ON inquiries;
--> statement-breakpoint
CREATE TRIGGER inquiries_person_keys_update BEFORE UPDATE OF requester_personal_code, requester_email, requester_phone ON inquiries
  FOR EACH ROW WHEN (NEW.requester_personal_code IS NOT NULL OR NEW.requester_email IS NOT NULL OR NEW.requester_phone IS NOT NULL OR cardinality(NEW.person_keys) > 0)
  EXECUTE FUNCTION privacy_person_keys_fill('requester_personal_code', 'requester_email', 'requester_phone');
--> statement-breakpoint
DROP TRIGGER appointments_person_keys_update ON appointments;
--> statement-breakpoint
CREATE TRIGGER appointments_person_keys_update BEFORE UPDATE OF client_personal_code, client_email, client_phone ON appointments
  FOR EACH ROW WHEN (NEW.client_personal_code IS NOT NULL OR NEW.client_email IS NOT NULL OR NEW.client_phone IS NOT NULL OR cardinality(NEW.person_keys) > 0)
  EXECUTE FUNCTION privacy_person_keys_fill('client_personal_code', 'client_email', 'client_phone');
--> statement-breakpoint
DROP TRIGGER feedback_opinions_person_keys_update ON feedback_opinions;
--> statement-breakpoint
CREATE TRIGGER feedback_opinions_person_keys_update BEFORE UPDATE OF author_email, author_phone ON feedback_opinions
  FOR EACH ROW WHEN (NEW.author_email IS NOT NULL OR NEW.author_phone IS NOT NULL OR cardinality(NEW.person_keys) > 0)
  EXECUTE FUNCTION privacy_person_keys_fill('', 'author_email', 'author_phone');
