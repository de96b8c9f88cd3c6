-- Version 6: a stamped copy that begins with its original's bytes (the stamp added as an
-- incremental update) is stored as only the bytes after the original. The link is a new table,
-- so that no row an older register already audited changes and `verify` still passes after the
-- migration. attachment_blobs keeps the whole copy's sha256 and size; its bytes are the suffix.
CREATE TABLE IF NOT EXISTS attachment_blob_bases(
  blob_id INTEGER PRIMARY KEY REFERENCES attachment_blobs(id),
  base_sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256)
);
