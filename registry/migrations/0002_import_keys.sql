-- Version 1 -> 2: import keys, so re-running an interrupted CSV import skips what it brought in.
CREATE TABLE import_keys(
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  entry_id INTEGER NOT NULL REFERENCES entries(id)
);
