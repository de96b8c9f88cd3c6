-- Version 4: the audit chain is keyed (keyed BLAKE2b with a key in registry.db.key) and
-- anchored (registry.db.anchor). This file adds the key's record; the migration step in
-- src/registry/maintenance.cpp (run for the migration whose name holds "keyed_chain") then
-- makes the key and records it, keying the chain from the next entry on. Older entries stay
-- plain SHA-256; verify reports them as unkeyed, from before the migration's date. A register
-- that already has its key record (one set back to an older version) is left keyed as it is.
CREATE TABLE IF NOT EXISTS audit_key(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  keyed_from INTEGER NOT NULL,
  since INTEGER NOT NULL,
  key_id TEXT NOT NULL
);
