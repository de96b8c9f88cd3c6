#pragma once
// Which store the registry tests run against. The same tests run twice (tests/CMakeLists.txt):
// on SQLite files, and with SARABAN_TEST_STORE=postgres on a fresh database per test on the
// throw-away server whose maintenance database SARABAN_TEST_PG names (scripts/test.sh).
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "base/environment.h"
#include "registry/postgres.h"
#include "registry/register_files.h"
#include "registry/sha256.h"
#include "registry/sql.h"
#include "registry/sql_store.h"

namespace saraban::registry::testing {

inline bool testing_postgres() {
  const char* s = std::getenv("SARABAN_TEST_STORE");
  return s && std::string(s) == "postgres";
}
inline std::string test_postgres_server() {
  const char* s = std::getenv("SARABAN_TEST_PG");
  return s ? s : "";
}

// A connection to any register location (SQLite path or PostgreSQL URL), outside the store:
// what tests read back or tamper with.
inline sql::Connection raw_connection(const std::string& location) {
  if (is_postgres_url(location)) return sql::Connection(sql::open_postgres(location));
  return sql::Connection(location, false);
}

// Where a test's register lives: `dir`/registry.db, or a new empty database on the test
// server (its chain key then in `dir`, as SARABAN_KEY_DIR tells the store and the CLI).
inline std::string test_register_location(const std::string& dir, const std::string& name) {
  if (!testing_postgres()) return dir + "/registry.db";
  std::string db = "t_";
  for (char c : name) db += (std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_');
  db = db.substr(0, 40) + "_" + std::to_string(::getpid());
  const std::string server = test_postgres_server();
  auto admin = raw_connection(server);
  admin.exec("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
  admin.exec("CREATE DATABASE " + db + " TEMPLATE template0 ENCODING 'UTF8'");
  ::setenv("SARABAN_KEY_DIR", dir.c_str(), 1);
  return server.substr(0, server.rfind('/') + 1) + db;
}

inline void drop_test_register(const std::string& location) {
  if (!is_postgres_url(location)) return;
  try {
    auto admin = raw_connection(test_postgres_server());
    admin.exec("DROP DATABASE IF EXISTS " + location.substr(location.rfind('/') + 1) + " WITH (FORCE)");
  } catch (...) {  // a leftover database dies with the throw-away server
  }
}

// SQL that lifts the audit log's append-only guard, as someone with the database's own rights
// (the SQLite file's writer, PostgreSQL's owner) can.
inline std::string unlock_audit_log_sql() {
  return testing_postgres() ? "ALTER TABLE audit_log DISABLE TRIGGER USER;"
                            : "DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;";
}

// SQL that stops foreign keys from being checked, as a plain SQLite connection does not check
// them and PostgreSQL's owner can switch them off (which also silences the audit log's guard).
inline std::string foreign_keys_off_sql() {
  return testing_postgres() ? "SET session_replication_role = replica;" : "PRAGMA foreign_keys = OFF;";
}

// An expression: `column`'s bytes with byte 21 replaced by 'X' (a flipped byte in a stored file).
inline std::string byte_21_replaced(const std::string& column) {
  return testing_postgres() ? "overlay(" + column + " placing CAST('X' AS bytea) from 21 for 1)"
                            : "CAST(substr(" + column + ", 1, 20) || 'X' || substr(" + column + ", 22) AS BLOB)";
}

// Whether another connection could take the register's write lock at once (SQLite BEGIN
// IMMEDIATE without waiting; PostgreSQL the writers' advisory lock, sql.h).
inline bool write_lock_free(const std::string& db) {
  if (is_postgres_url(db)) {
    auto c = raw_connection(db);
    auto s = c.prepare("SELECT CASE WHEN pg_try_advisory_xact_lock(CAST(:key AS BIGINT)) THEN 1 ELSE 0 END");
    s.bind(":key", sql::kWriteLockKey);
    return s.step() && s.integer(0) == 1;
  }
  sqlite3* raw = nullptr;
  bool free = sqlite3_open(db.c_str(), &raw) == SQLITE_OK;
  sqlite3_busy_timeout(raw, 0);
  free = free && sqlite3_exec(raw, "BEGIN IMMEDIATE; ROLLBACK;", nullptr, nullptr, nullptr) == SQLITE_OK;
  sqlite3_close(raw);
  return free;
}

// A disk that fills up when a file of more than `bytes` is stored (and, with bytes < 0, has room
// again): SQLite's page limit, on PostgreSQL a trigger failing as the server does (53100).
inline void disk_full_beyond(sql::Connection& c, std::int64_t bytes) {
  if (!c.postgres()) {
    c.exec("PRAGMA max_page_count = " +
           std::to_string(bytes < 0 ? 1073741823 : c.pragma_int("page_count") + bytes / c.pragma_int("page_size")));
    return;
  }
  if (bytes < 0) return c.exec("DROP TRIGGER IF EXISTS test_disk_full ON attachment_blobs");
  c.exec("CREATE OR REPLACE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
         "IF octet_length(NEW.bytes) > " + std::to_string(bytes) + " THEN "
         "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = 'disk_full'; END IF; "
         "RETURN NEW; END $$; DROP TRIGGER IF EXISTS test_disk_full ON attachment_blobs; "
         "CREATE TRIGGER test_disk_full BEFORE INSERT OR UPDATE ON attachment_blobs FOR EACH ROW EXECUTE FUNCTION test_disk_full()");
}

// The register's chain key and anchor: beside an SQLite file, in SARABAN_KEY_DIR for PostgreSQL.
inline RegisterFiles local_files(const std::string& db) {
  return is_postgres_url(db) ? postgres_local_files(db, system_environment()) : RegisterFiles(db);
}

// Every row of every table (in name order) as text, read through a plain connection; its
// SHA-256: equal digests mean the register's content is exactly as it was. Either engine.
inline std::string content_text(const std::string& db) {
  std::string all;
  try {
    auto c = raw_connection(db);
    std::vector<std::string> tables;
    auto list = c.prepare(c.postgres() ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                                         "AND table_type = 'BASE TABLE' ORDER BY table_name"
                                       : "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'entries_fts%' "
                                         "AND name NOT LIKE 'sqlite_%' ORDER BY name");
    while (list.step()) tables.push_back(list.text(0));
    for (const auto& t : tables) {
      all += "#" + t + "\n";
      auto rows = c.prepare("SELECT * FROM " + t + " ORDER BY " + c.row_key(t));
      while (rows.step()) {
        for (int i = 0; i < rows.columns(); ++i) {
          if (rows.is_null(i)) all += "<null>";
          else if (rows.kind(i) == sql::ColumnKind::Blob) {
            auto b = rows.blob(i);
            all.append(b.begin(), b.end());
          } else all += rows.text(i);
          all += '|';
        }
        all += '\n';
      }
    }
  } catch (const std::exception& e) {
    return std::string("cannot-open: ") + e.what();
  }
  return all;
}
inline std::string content_digest(const std::string& db) { return sha256_hex(content_text(db)); }

// The PostgreSQL run needs a server: without one (SARABAN_TEST_PG unset, as when the tests run
// outside scripts/test.sh) every test of that run is skipped, visibly. An inline variable, so
// the environment is added once however many test files include this header.
class PostgresServerEnvironment final : public ::testing::Environment {
 public:
  void SetUp() override {
    if (testing_postgres() && test_postgres_server().empty())
      GTEST_SKIP() << "SARABAN_TEST_STORE=postgres but SARABAN_TEST_PG names no server";
  }
};
inline ::testing::Environment* const postgres_server_environment =
    ::testing::AddGlobalTestEnvironment(new PostgresServerEnvironment);

// The PostgreSQL run skips what only an SQLite file has (its file, pragmas, online backup).
#define SARABAN_SQLITE_ONLY(why)                                              \
  do {                                                                        \
    if (::saraban::registry::testing::testing_postgres()) GTEST_SKIP() << why; \
  } while (0)

}  // namespace saraban::registry::testing
