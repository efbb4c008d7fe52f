-- CreateTable
CREATE TABLE "QuotedMessage" (
    "id" BIGSERIAL NOT NULL,
    "updateId" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "ts" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QuotedMessage_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "QuotedMessage_updateId_idx" ON "QuotedMessage"("updateId");


-- Redaction: the one change the append-only "Update" and "AuditLog" allow.
-- An admin replaces chosen text fields of one update with '[sladdet]'; the
-- same text goes from the audit log's before/after values; and the redaction
-- is audited, without the text. It happens only inside "redact_update", and
-- the trigger checks both who asks (the call stack) and what changes (only
-- text becoming '[sladdet]'), so a plain UPDATE or DELETE is still refused.
-- The tables' owner can always drop a trigger: this guards the records
-- against the application, not against the database's administrator.

-- True when new differs from old only by values that became '[sladdet]' (same keys).
CREATE FUNCTION "only_redacted"(old jsonb, new jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT old IS NOT DISTINCT FROM new OR (
    jsonb_typeof(old) = 'object' AND jsonb_typeof(new) = 'object'
    AND ARRAY(SELECT jsonb_object_keys(old) ORDER BY 1) = ARRAY(SELECT jsonb_object_keys(new) ORDER BY 1)
    AND NOT EXISTS (
      SELECT 1 FROM jsonb_each(old) o JOIN jsonb_each(new) n USING (key)
      WHERE o.value <> n.value AND n.value <> '"[sladdet]"'::jsonb
    )
  )
$$;

CREATE FUNCTION "is_redaction"(tbl text, old jsonb, new jsonb) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE tbl
    WHEN 'Update' THEN
      (old - ARRAY['done', 'challenges', 'nextSteps']) = (new - ARRAY['done', 'challenges', 'nextSteps'])
      AND "only_redacted"(old, new)
    WHEN 'AuditLog' THEN
      (old - ARRAY['before', 'after']) = (new - ARRAY['before', 'after'])
      AND "only_redacted"(old -> 'before', new -> 'before')
      AND "only_redacted"(old -> 'after', new -> 'after')
    ELSE false
  END
$$;

CREATE OR REPLACE FUNCTION "refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  caller text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    GET DIAGNOSTICS caller = PG_CONTEXT;
    IF caller ~ '(^|\n)PL/pgSQL function redact_update\(integer,text\[\],text,text,timestamp without time zone\) line \d+ at SQL statement($|\n)'
       AND "is_redaction"(TG_TABLE_NAME, to_jsonb(OLD), to_jsonb(NEW)) THEN
      RETURN NEW;
    END IF;
  END IF;
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
END;
$$;

-- A JSON object with every top-level value that is exactly the text replaced.
CREATE FUNCTION "without_text"(j jsonb, original text) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN jsonb_typeof(j) = 'object' THEN (
    SELECT jsonb_object_agg(key, CASE WHEN value = to_jsonb(original) THEN '"[sladdet]"'::jsonb ELSE value END)
    FROM jsonb_each(j)
  ) ELSE j END
$$;

-- Whether an audit value should lose the text: an update's snapshot only when it is this update's
-- (another update may hold the same words and keeps them), any other entity's whenever it holds it.
CREATE FUNCTION "holds_text_of"(entity text, j jsonb, original text, update_id integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_typeof(j) = 'object'
    AND (entity <> 'Update' OR j ->> 'id' = update_id::text)
    AND EXISTS (SELECT 1 FROM jsonb_each(j) WHERE value = to_jsonb(original))
$$;

-- Redacts the named text fields of one update and their copies in the audit log, and audits that
-- it did, naming the fields and the reason but not the text. Returns the removed text by field,
-- for the caller to find the bot's Slack messages that quoted it; it is stored nowhere.
CREATE FUNCTION "redact_update"(p_update_id integer, p_fields text[], p_actor text, p_reason text, p_at timestamp)
RETURNS jsonb LANGUAGE plpgsql AS $$
DECLARE
  old_row jsonb;
  field text;
  original text;
  removed jsonb := '{}'::jsonb;
  entries integer := 0;
  n integer;
BEGIN
  IF coalesce(cardinality(p_fields), 0) = 0 OR NOT (p_fields <@ ARRAY['done', 'challenges', 'nextSteps']) THEN
    RAISE EXCEPTION 'redact_update: the fields must be among done, challenges and nextSteps' USING ERRCODE = '22023';
  END IF;
  SELECT to_jsonb(u) INTO old_row FROM "Update" u WHERE u."id" = p_update_id FOR UPDATE;
  IF old_row IS NULL THEN
    RAISE EXCEPTION 'redact_update: no update %', p_update_id USING ERRCODE = 'P0002';
  END IF;
  FOREACH field IN ARRAY p_fields LOOP
    original := old_row ->> field;
    IF original IS NOT NULL AND original <> '[sladdet]' THEN
      removed := removed || jsonb_build_object(field, original);
    END IF;
  END LOOP;
  UPDATE "Update" SET
    "done" = CASE WHEN removed ? 'done' THEN '[sladdet]' ELSE "done" END,
    "challenges" = CASE WHEN removed ? 'challenges' THEN '[sladdet]' ELSE "challenges" END,
    "nextSteps" = CASE WHEN removed ? 'nextSteps' THEN '[sladdet]' ELSE "nextSteps" END
  WHERE "id" = p_update_id AND removed <> '{}'::jsonb;
  FOR field, original IN SELECT key, value FROM jsonb_each_text(removed) LOOP
    UPDATE "AuditLog" a SET
      "before" = CASE WHEN "holds_text_of"(a."entity", a."before", original, p_update_id)
                      THEN "without_text"(a."before", original) ELSE a."before" END,
      "after" = CASE WHEN "holds_text_of"(a."entity", a."after", original, p_update_id)
                     THEN "without_text"(a."after", original) ELSE a."after" END
    WHERE "holds_text_of"(a."entity", a."before", original, p_update_id)
       OR "holds_text_of"(a."entity", a."after", original, p_update_id);
    GET DIAGNOSTICS n = ROW_COUNT;
    entries := entries + n;
  END LOOP;
  INSERT INTO "AuditLog" ("actor", "action", "entity", "entityId", "before", "after", "createdAt")
  VALUES (p_actor, 'update.redact', 'Update', p_update_id::text, NULL,
          jsonb_build_object('fields', to_jsonb(p_fields), 'reason', p_reason, 'auditEntriesRedacted', entries), p_at);
  RETURN removed;
END;
$$;
