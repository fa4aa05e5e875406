-- 0018_person_keys_speed: the keyed person index's functions in PL/pgSQL, same results (issue 18).
-- As SQL functions they were parsed and planned again in every transaction that called them from the fill trigger
-- (a SQL function that cannot be inlined keeps its plan only as long as the calling expression's state, and
-- PL/pgSQL's simple expressions get a new state per transaction): about half of PostgreSQL's CPU per booking.
-- PL/pgSQL functions keep their compiled body and plans for the session.
CREATE OR REPLACE FUNCTION privacy_normalise(kind text, value text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  digits text;
BEGIN
  CASE kind
    WHEN 'email' THEN RETURN lower(btrim(value));
    WHEN 'code' THEN RETURN regexp_replace(value, '\D', '', 'g');
    WHEN 'phone' THEN
      digits := regexp_replace(value, '\D', '', 'g');
      IF digits LIKE '00371%' THEN RETURN substr(digits, 6); END IF;
      IF digits LIKE '371%' AND length(digits) = 11 THEN RETURN substr(digits, 4); END IF;
      RETURN digits;
    ELSE RETURN btrim(value);
  END CASE;
END;
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION privacy_person_key(kind text, value text) RETURNS text LANGUAGE plpgsql STABLE AS $$
DECLARE
  normalised text;
BEGIN
  IF value IS NULL THEN RETURN NULL; END IF;
  normalised := privacy_normalise(kind, value);
  IF normalised = '' THEN RETURN NULL; END IF;
  RETURN (SELECT encode(sha256(convert_to(k.secret || chr(10) || kind || chr(10) || normalised || chr(10) || k.secret, 'UTF8')), 'hex')
    FROM privacy_keys k WHERE k.id = 1);
END;
$$;
