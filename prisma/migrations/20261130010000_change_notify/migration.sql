-- Every commit that changes a table a Tiltak instance keeps in memory, or
-- one that can move when a reminder or digest falls due, notifies the
-- channel "tiltak_changes" with "<schema>.<table>". NOTIFY is transactional:
-- it is sent at commit, once per distinct payload, and never for a rollback,
-- so every instance sharing the database (and the writer itself) drops what
-- it cached, whichever code path wrote. "SeenRequest" (written by every
-- request) and "AuditLog" (always written beside a table listed here) are
-- left out on purpose.
CREATE FUNCTION "tiltak_notify_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tiltak_changes', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME);
  RETURN NULL;
END
$$;

CREATE TRIGGER "Plan_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Plan"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "FocusArea_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "FocusArea"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "Agency_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Agency"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "Person_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Person"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "Measure_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Measure"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "MeasureAgency_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "MeasureAgency"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "Update_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Update"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "PeriodWaiver_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "PeriodWaiver"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "ReportingRound_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReportingRound"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "Absence_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Absence"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "Snooze_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "Snooze"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "QuotedMessage_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "QuotedMessage"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "ReminderLedger_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ReminderLedger"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();

CREATE TRIGGER "DigestLedger_notify_change" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "DigestLedger"
  FOR EACH STATEMENT EXECUTE FUNCTION "tiltak_notify_change"();
