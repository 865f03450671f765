-- Published versions are frozen: no UPDATE, DELETE or TRUNCATE, whoever asks (the app has no such path either).
CREATE OR REPLACE FUNCTION publications_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'publications are immutable (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER publications_no_update BEFORE UPDATE OR DELETE ON publications
  FOR EACH ROW EXECUTE FUNCTION publications_refuse_change();
--> statement-breakpoint
CREATE TRIGGER publications_no_truncate BEFORE TRUNCATE ON publications
  FOR EACH STATEMENT EXECUTE FUNCTION publications_refuse_change();
