-- Privacy by design (issue 17): keyed person index, legal holds, retention runs, the audit log's purge of whole
-- expired months, and the clients' one-time sign-in links and sessions.

-- ── Keyed hash index of persons ────────────────────────────────────────────────────────────────────────────
-- A personal code, e-mail or phone is found through a keyed SHA-256 of its normalised form, never by scanning.
-- The GIN indexes have no pending list (fastupdate = off): a search never walks unmerged entries after a burst of inserts.
-- The key is random per database and never leaves it (a copied column alone cannot be brute-forced offline).
CREATE TABLE privacy_keys (
  id integer PRIMARY KEY CHECK (id = 1),
  secret text NOT NULL
);
--> statement-breakpoint
INSERT INTO privacy_keys (id, secret) VALUES (1, replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
--> statement-breakpoint
CREATE FUNCTION privacy_normalise(kind text, value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE kind
    WHEN 'email' THEN lower(btrim(value))
    WHEN 'code' THEN regexp_replace(value, '\D', '', 'g')
    WHEN 'phone' THEN (
      SELECT CASE
        WHEN d LIKE '00371%' THEN substr(d, 6)
        WHEN d LIKE '371%' AND length(d) = 11 THEN substr(d, 4)
        ELSE d END
      FROM (SELECT regexp_replace(value, '\D', '', 'g') AS d) digits)
    ELSE btrim(value) END
$$;
--> statement-breakpoint
CREATE FUNCTION privacy_person_key(kind text, value text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN value IS NULL OR privacy_normalise(kind, value) = '' THEN NULL
    ELSE encode(sha256(convert_to(k.secret || chr(10) || kind || chr(10) || privacy_normalise(kind, value) || chr(10) || k.secret, 'UTF8')), 'hex') END
  FROM privacy_keys k WHERE k.id = 1
$$;
--> statement-breakpoint
-- Fills NEW.person_keys from the columns named by the trigger's arguments (personal code, e-mail, phone; '' = none).
CREATE FUNCTION privacy_person_keys_fill() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r jsonb := to_jsonb(NEW);
BEGIN
  NEW.person_keys := array_remove(ARRAY[
    privacy_person_key('code', r ->> TG_ARGV[0]),
    privacy_person_key('email', r ->> TG_ARGV[1]),
    privacy_person_key('phone', r ->> TG_ARGV[2])
  ], NULL);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
ALTER TABLE inquiries ADD COLUMN person_keys text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
CREATE TRIGGER inquiries_person_keys_insert BEFORE INSERT ON inquiries
  FOR EACH ROW EXECUTE FUNCTION privacy_person_keys_fill('requester_personal_code', 'requester_email', 'requester_phone');
--> statement-breakpoint
CREATE TRIGGER inquiries_person_keys_update BEFORE UPDATE OF requester_personal_code, requester_email, requester_phone ON inquiries
  FOR EACH ROW EXECUTE FUNCTION privacy_person_keys_fill('requester_personal_code', 'requester_email', 'requester_phone');
--> statement-breakpoint
UPDATE inquiries SET requester_email = requester_email;
--> statement-breakpoint
CREATE INDEX inquiries_person_keys_idx ON inquiries USING gin (person_keys) WITH (fastupdate = off);
--> statement-breakpoint
ALTER TABLE appointments ADD COLUMN person_keys text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
CREATE TRIGGER appointments_person_keys_insert BEFORE INSERT ON appointments
  FOR EACH ROW EXECUTE FUNCTION privacy_person_keys_fill('client_personal_code', 'client_email', 'client_phone');
--> statement-breakpoint
CREATE TRIGGER appointments_person_keys_update BEFORE UPDATE OF client_personal_code, client_email, client_phone ON appointments
  FOR EACH ROW EXECUTE FUNCTION privacy_person_keys_fill('client_personal_code', 'client_email', 'client_phone');
--> statement-breakpoint
UPDATE appointments SET client_email = client_email;
--> statement-breakpoint
CREATE INDEX appointments_person_keys_idx ON appointments USING gin (person_keys) WITH (fastupdate = off);
--> statement-breakpoint
ALTER TABLE feedback_opinions ADD COLUMN person_keys text[] NOT NULL DEFAULT '{}';
--> statement-breakpoint
CREATE TRIGGER feedback_opinions_person_keys_insert BEFORE INSERT ON feedback_opinions
  FOR EACH ROW EXECUTE FUNCTION privacy_person_keys_fill('', 'author_email', 'author_phone');
--> statement-breakpoint
CREATE TRIGGER feedback_opinions_person_keys_update BEFORE UPDATE OF author_email, author_phone ON feedback_opinions
  FOR EACH ROW EXECUTE FUNCTION privacy_person_keys_fill('', 'author_email', 'author_phone');
--> statement-breakpoint
UPDATE feedback_opinions SET author_email = author_email;
--> statement-breakpoint
CREATE INDEX feedback_opinions_person_keys_idx ON feedback_opinions USING gin (person_keys) WITH (fastupdate = off);
--> statement-breakpoint
-- The subject-access report reads who viewed or changed each record.
CREATE INDEX audit_log_record_idx ON audit_log (record_id, at) WHERE record_id IS NOT NULL;
--> statement-breakpoint
-- Retention sweeps by time, in primary-key order.
CREATE INDEX queue_tickets_issued_idx ON queue_tickets (issued_at);
--> statement-breakpoint
CREATE INDEX appointments_starts_idx ON appointments (starts_at, id);
--> statement-breakpoint

-- ── Legal holds and retention runs ─────────────────────────────────────────────────────────────────────────
CREATE TABLE legal_holds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency text NOT NULL,
  record_kind text NOT NULL,
  record_id text NOT NULL,
  reason text NOT NULL CHECK (length(btrim(reason)) > 0),
  set_by uuid,
  set_at timestamptz NOT NULL,
  lifted_at timestamptz,
  lifted_by uuid,
  lift_reason text,
  CHECK ((lifted_at IS NULL) = (lift_reason IS NULL))
);
--> statement-breakpoint
CREATE UNIQUE INDEX legal_holds_active_key ON legal_holds (agency, record_kind, record_id) WHERE lifted_at IS NULL;
--> statement-breakpoint
CREATE TABLE retention_runs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  origin text NOT NULL,
  dry_run boolean NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  summary jsonb NOT NULL DEFAULT '[]',
  error text
);
--> statement-breakpoint
CREATE INDEX retention_runs_started_idx ON retention_runs (started_at);
--> statement-breakpoint

-- ── The audit log's own retention: whole expired months, enforced by the database ─────────────────────────
-- Rows are never edited. A DELETE passes the row trigger only inside audit_log_purge_before() (which names the
-- month boundary in a transaction-local setting), only for rows before that boundary; the boundary must be the
-- first instant of a UTC month at least 24 months ago; and after the statement no row before it may remain —
-- so a purge always removes whole months, never single rows. UPDATE and TRUNCATE stay refused.
CREATE TABLE audit_log_purges (
  id bigserial PRIMARY KEY,
  before timestamptz NOT NULL,
  purged_at timestamptz NOT NULL,
  rows_removed bigint
);
--> statement-breakpoint
CREATE FUNCTION audit_log_purge_allowed(boundary timestamptz) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT boundary IS NOT NULL
    AND boundary = date_trunc('month', boundary AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'
    AND boundary <= (date_trunc('month', now() AT TIME ZONE 'UTC') - interval '24 months') AT TIME ZONE 'UTC'
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_purge_boundary() RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(current_setting('apkalpe.audit_purge_before', true), '') = '' THEN NULL
    ELSE to_timestamp(current_setting('apkalpe.audit_purge_before', true)::double precision) END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  boundary timestamptz;
BEGIN
  IF TG_OP = 'DELETE' THEN
    boundary := audit_log_purge_boundary();
    IF audit_log_purge_allowed(boundary) AND OLD.at < boundary THEN
      RETURN OLD;
    END IF;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE FUNCTION audit_log_purge_whole() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM audit_log WHERE at < audit_log_purge_boundary()) THEN
    RAISE EXCEPTION 'audit_log purge must remove whole months' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_purge_whole_months AFTER DELETE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_purge_whole();
--> statement-breakpoint
CREATE INDEX audit_log_at_idx ON audit_log (at);
--> statement-breakpoint
CREATE FUNCTION audit_log_purge_before(boundary timestamptz) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = public, pg_temp AS $$
DECLARE
  purged bigint;
BEGIN
  IF NOT audit_log_purge_allowed(boundary) THEN
    RAISE EXCEPTION 'audit_log purge: % is not the start of a month at least 24 months ago', boundary USING ERRCODE = 'check_violation';
  END IF;
  PERFORM set_config('apkalpe.audit_purge_before', extract(epoch FROM boundary)::text, true);
  DELETE FROM audit_log WHERE at < boundary;
  GET DIAGNOSTICS purged = ROW_COUNT;
  PERFORM set_config('apkalpe.audit_purge_before', '', true);
  INSERT INTO audit_log_purges (before, purged_at, rows_removed) VALUES (boundary, now(), purged);
  RETURN purged;
END;
$$;
--> statement-breakpoint

-- ── Clients' own matters: one-time sign-in links and short sessions ───────────────────────────────────────
CREATE TABLE client_sign_in_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  agency text NOT NULL,
  email_key text NOT NULL,
  email text,
  token_hash text NOT NULL,
  ip text,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
--> statement-breakpoint
CREATE UNIQUE INDEX client_sign_in_links_token_key ON client_sign_in_links (token_hash);
--> statement-breakpoint
CREATE INDEX client_sign_in_links_email_idx ON client_sign_in_links (email_key, created_at);
--> statement-breakpoint
CREATE INDEX client_sign_in_links_ip_idx ON client_sign_in_links (ip, created_at);
--> statement-breakpoint
CREATE TABLE client_sessions (
  id text PRIMARY KEY,
  agency text NOT NULL,
  email text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz
);
--> statement-breakpoint
CREATE INDEX client_sessions_created_idx ON client_sessions (created_at);
