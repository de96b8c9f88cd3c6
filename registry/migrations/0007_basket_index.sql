-- The web application's baskets (a stage, newest first) as an index, so a basket's page and
-- count read only its own letters. An index only: no audited row changes.
CREATE INDEX IF NOT EXISTS entries_stage_registered ON entries(stage, registered_at);
