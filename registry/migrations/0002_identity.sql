-- Version 2: proving who acts (user_credentials) and the office's file group (office_files).
-- New tables only, so no row an older register already audited changes.
CREATE TABLE user_credentials(
  id INTEGER PRIMARY KEY REFERENCES users(id),
  login TEXT UNIQUE,
  password_hash TEXT
);
CREATE TABLE office_files(
  id INTEGER PRIMARY KEY REFERENCES offices(id),
  file_group TEXT
);
