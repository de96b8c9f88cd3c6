-- Version 5: what intake found about an attachment ("empty file", "no stamped copy: <reason>")
-- is kept in a new table, so that no attachments row an older register already audited changes
-- and `verify` still passes after the migration.
CREATE TABLE IF NOT EXISTS attachment_notes(
  id INTEGER PRIMARY KEY,
  attachment_id INTEGER NOT NULL UNIQUE REFERENCES attachments(id),
  note TEXT NOT NULL
);
