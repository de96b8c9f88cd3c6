-- Version 1 -> 2: CSV import is idempotent. Each imported entry's 'import' stage event names the
-- row it came from; this index finds them, so a re-run skips rows already brought in.
CREATE INDEX stage_events_import ON stage_events(comment) WHERE action = 'import';
