-- The correspondence register (ทะเบียนหนังสือ), schema version 4.
-- This file is the one place the schema lives; it is compiled into the binary
-- (src/registry/CMakeLists.txt embeds it), so `saraban init` never reads the source tree.
-- Canonical tables hold the record; every row of them is covered by the audit_log hash chain.
-- Rebuildable tables (entries_fts) can be dropped and rebuilt by `saraban reindex`.
-- Every table has an INTEGER PRIMARY KEY so row ids survive VACUUM (the audit log names rows by id).

PRAGMA application_id = 1397899586;  -- 0x53524142 'SRAB'

-- ---------------------------------------------------------------- canonical
CREATE TABLE offices(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',      -- reference prefix, e.g. 'ศธ ๐๔๒๙๐'
  year_start_month INTEGER NOT NULL DEFAULT 1 CHECK (year_start_month BETWEEN 1 AND 12)
);

CREATE TABLE units(
  id INTEGER PRIMARY KEY,
  office_id INTEGER NOT NULL REFERENCES offices(id),
  name TEXT NOT NULL,
  prefix TEXT NOT NULL DEFAULT '',
  UNIQUE (office_id, name)
);

CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  role TEXT NOT NULL CHECK (role IN ('clerk', 'director', 'officer', 'signer', 'admin')),
  clearance INTEGER NOT NULL DEFAULT 0 CHECK (clearance BETWEEN 0 AND 3),  -- 0 none, 1 ลับ, 2 ลับมาก, 3 ลับที่สุด
  unit_id INTEGER REFERENCES units(id),
  created_at INTEGER NOT NULL
);

-- How an OS account other than the register file's owner proves it acts as a user: the login
-- mapped to the user, and/or the Argon2id hash of the user's password (libsodium
-- crypto_pwhash_str; never the password). id = users.id. Apart from users so that adding it
-- changed no audited row of an older register.
CREATE TABLE user_credentials(
  id INTEGER PRIMARY KEY REFERENCES users(id),
  login TEXT UNIQUE,                 -- OS account name (getpwuid), NULL = none
  password_hash TEXT                 -- NULL = no password set
);

-- The OS group given read access (0640) to the files Saraban writes; NULL = owner only (0600).
CREATE TABLE office_files(
  id INTEGER PRIMARY KEY REFERENCES offices(id),
  file_group TEXT
);

-- The office's limit on one attachment's size (`office set --max-attachment-mb`); no row: 100 MB.
CREATE TABLE office_limits(
  id INTEGER PRIMARY KEY REFERENCES offices(id),
  max_attachment_mb INTEGER NOT NULL CHECK (max_attachment_mb BETWEEN 1 AND 1048576)
);

-- One row per register; numbers run per (register, year). year_start_month 1 = calendar
-- year, 10 = fiscal year (1 October starts the next Buddhist-era year's numbering).
CREATE TABLE registers(
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE CHECK (code IN ('receive', 'send', 'order', 'announcement', 'certificate', 'secret')),
  name_th TEXT NOT NULL,
  year_start_month INTEGER NOT NULL DEFAULT 1 CHECK (year_start_month BETWEEN 1 AND 12)
);

CREATE TABLE urgencies(
  id INTEGER PRIMARY KEY,            -- 0 ปกติ .. 3 ด่วนที่สุด
  name_th TEXT NOT NULL UNIQUE,
  due_days INTEGER NOT NULL          -- default deadline after receipt (practice; configurable)
);

CREATE TABLE entries(
  id INTEGER PRIMARY KEY,
  register TEXT NOT NULL REFERENCES registers(code),
  year INTEGER NOT NULL,             -- Buddhist era
  number INTEGER NOT NULL CHECK (number > 0),
  registered_at INTEGER NOT NULL,    -- unix seconds when the number was issued
  ref TEXT NOT NULL DEFAULT '',      -- ที่: the sender's reference (receive) or ours (send)
  dated TEXT,                        -- ลงวันที่, ISO 8601 date, always CE (BE only at the edges: typed, shown)
  sender TEXT NOT NULL DEFAULT '',   -- จาก
  recipient TEXT NOT NULL DEFAULT '',-- ถึง
  subject TEXT NOT NULL,             -- เรื่อง
  urgency INTEGER NOT NULL DEFAULT 0 REFERENCES urgencies(id),
  secrecy INTEGER NOT NULL DEFAULT 0 CHECK (secrecy BETWEEN 0 AND 3),
  stage TEXT NOT NULL,
  assignee INTEGER REFERENCES users(id),
  due TEXT,                          -- ISO date (CE)
  via TEXT NOT NULL DEFAULT '',      -- how it was sent (send register)
  remarks TEXT NOT NULL DEFAULT '',  -- หมายเหตุ
  cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  origin_id INTEGER REFERENCES entries(id),  -- a send entry: the received letter it answers
  reply_id INTEGER REFERENCES entries(id),   -- a received letter: its dispatched reply
  keep_until INTEGER,                -- Buddhist-era year the retention ends
  created_by INTEGER NOT NULL REFERENCES users(id),
  UNIQUE (register, year, number)    -- backstop: numbers never repeat
);
CREATE INDEX entries_stage ON entries(register, year, stage);
-- Counts of what a reader may see read only this index (no row visits).
CREATE INDEX entries_visible ON entries(register, year, number, secrecy);
CREATE INDEX entries_assignee ON entries(assignee);
CREATE INDEX entries_registered ON entries(registered_at);
-- The web application's baskets: one stage (or a few), newest first.
CREATE INDEX entries_stage_registered ON entries(stage, registered_at);

-- The reply drafts: letter JSON (the letters issue's format), one row per version.
CREATE TABLE letters(
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  version INTEGER NOT NULL,
  body TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at INTEGER NOT NULL,
  UNIQUE (entry_id, version)
);

CREATE TABLE stage_events(
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  action TEXT NOT NULL,
  stage_from TEXT,
  stage_to TEXT NOT NULL,
  actor INTEGER NOT NULL REFERENCES users(id),
  at INTEGER NOT NULL,
  comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_events_entry ON stage_events(entry_id);

-- Attachment bytes live in the database, addressed by SHA-256: one file to back up, written
-- in the same transaction as the entry (no orphan files after a crash), rehashed by verify.
CREATE TABLE attachment_blobs(
  id INTEGER PRIMARY KEY,
  sha256 TEXT NOT NULL UNIQUE,
  size INTEGER NOT NULL,
  bytes BLOB NOT NULL
);

-- A blob whose bytes are only what follows another blob (a stamped copy stored as the suffix
-- of its original): the whole content is the base's whole content, then these bytes.
-- attachment_blobs.sha256 and size are the whole content's.
CREATE TABLE attachment_blob_bases(
  blob_id INTEGER PRIMARY KEY REFERENCES attachment_blobs(id),
  base_sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256)
);

CREATE TABLE attachments(
  id INTEGER PRIMARY KEY,
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  sha256 TEXT NOT NULL REFERENCES attachment_blobs(sha256),
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('original', 'stamped')),
  pdf_status TEXT NOT NULL CHECK (pdf_status IN ('ok', 'corrupt', 'encrypted', 'not-pdf')),
  added_by INTEGER NOT NULL REFERENCES users(id),
  added_at INTEGER NOT NULL
);
CREATE INDEX attachments_entry ON attachments(entry_id);

-- What intake found about an attachment: "empty file", "no stamped copy: <reason>".
CREATE TABLE attachment_notes(
  id INTEGER PRIMARY KEY,
  attachment_id INTEGER NOT NULL UNIQUE REFERENCES attachments(id),
  note TEXT NOT NULL
);

-- Every read of a secret entry by a cleared user.
CREATE TABLE access_log(
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL REFERENCES users(id),
  entry_id INTEGER NOT NULL REFERENCES entries(id),
  command TEXT NOT NULL
);
CREATE INDEX access_log_entry ON access_log(entry_id);

-- Append-only history. row_data is the canonical serialization of the row after the change
-- (exact bytes: text that is not UTF-8 is kept as hex); hash = keyed BLAKE2b-256 (key in the
-- file registry.db.key, never here) of prev_hash, seq, at, actor, action, tbl, row_id, row_data,
-- from audit_key.keyed_from on; plain SHA-256 for the entries of a register made before keying.
CREATE TABLE audit_log(
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor INTEGER,
  action TEXT NOT NULL CHECK (action IN ('insert', 'update')),
  tbl TEXT NOT NULL,
  row_id INTEGER NOT NULL,
  row_data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_row ON audit_log(tbl, row_id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- The audit chain's key, by reference only (the key itself is in registry.db.key): entries from
-- keyed_from on are keyed; key_id names the key, so a wrong key file is told from tampering.
-- Canonical like the tables above, so it is itself in the chain.
CREATE TABLE audit_key(
  id INTEGER PRIMARY KEY CHECK (id = 1),
  keyed_from INTEGER NOT NULL,
  since INTEGER NOT NULL,
  key_id TEXT NOT NULL
);

-- ---------------------------------------------------------------- configuration (seed)
-- Register configuration lives in these rows; `saraban office set` changes them (audited).
INSERT INTO offices(id, name, prefix, year_start_month) VALUES (1, 'สำนักงาน', '', 1);
INSERT INTO registers(code, name_th) VALUES
  ('receive', 'ทะเบียนหนังสือรับ'), ('send', 'ทะเบียนหนังสือส่ง'), ('order', 'ทะเบียนคำสั่ง'),
  ('announcement', 'ทะเบียนประกาศ'), ('certificate', 'ทะเบียนหนังสือรับรอง'), ('secret', 'ทะเบียนหนังสือลับ');
-- Default deadlines after receipt by urgency (practice, not regulation; 0 = none).
INSERT INTO urgencies(id, name_th, due_days) VALUES
  (0, 'ปกติ', 0), (1, 'ด่วน', 3), (2, 'ด่วนมาก', 2), (3, 'ด่วนที่สุด', 1);

-- ---------------------------------------------------------------- rebuildable
-- Thai-segmenting full-text index over the entries (tokenizer 'thai' is registered by Saraban
-- on every connection). External content: the text itself stays in entries.
CREATE VIRTUAL TABLE entries_fts USING fts5(
  subject, sender, recipient, ref,
  content = 'entries', content_rowid = 'id', tokenize = 'thai'
);
