-- Version 5: the office's attachment size limit, and what intake found about an attachment
-- ("empty file", "no stamped copy: <reason>"), are kept in new tables, so that no row an older
-- register already audited changes and `verify` still passes after the migration.
CREATE TABLE IF NOT EXISTS attachment_notes(
  id INTEGER PRIMARY KEY,
  attachment_id INTEGER NOT NULL UNIQUE REFERENCES attachments(id),
  note TEXT NOT NULL
);

-- The office's limit on one attachment's size (`office set --max-attachment-mb`); no row: 100 MB.
CREATE TABLE IF NOT EXISTS office_limits(
  id INTEGER PRIMARY KEY REFERENCES offices(id),
  max_attachment_mb INTEGER NOT NULL CHECK (max_attachment_mb BETWEEN 1 AND 1048576)
);
