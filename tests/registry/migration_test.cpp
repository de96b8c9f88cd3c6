// Registers made by an older Saraban: a version 1 register (schema kept as a fixture, chain
// unkeyed) is keyed from its head on and verifies; another application's file and a newer
// version's file are refused with a clear message.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "base/error.h"
#include "chain_test_support.h"
#include "registry/schema.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

namespace fs = std::filesystem;
using testing::query_one;
using testing::tamper;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Exactly what version 1 recorded for a row: JSON by column name, text through U+FFFD
// replacement, blobs as "sha256:...".
std::string v1_row_data(sqlite3_stmt* s) {
  nlohmann::json o = nlohmann::json::object();
  for (int i = 0; i < sqlite3_column_count(s); ++i) {
    const char* name = sqlite3_column_name(s, i);
    switch (sqlite3_column_type(s, i)) {
      case SQLITE_NULL: o[name] = nullptr; break;
      case SQLITE_INTEGER: o[name] = sqlite3_column_int64(s, i); break;
      case SQLITE_BLOB: {
        auto p = static_cast<const std::uint8_t*>(sqlite3_column_blob(s, i));
        o[name] = "sha256:" + sha256_hex(std::span<const std::uint8_t>(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i))));
        break;
      }
      default:
        o[name] = std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, i)),
                              static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
    }
  }
  return o.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// A version 1 register as the version 1 code left it: the v1 schema, two users, two entries
// (one subject with bytes that are not UTF-8), every row in an unkeyed SHA-256 chain.
void make_v1_register(const std::string& db, std::int64_t now) {
  std::string schema = testing::slurp(std::string(SARABAN_SOURCE_DIR) + "/tests/registry/fixtures/schema_v1.sql");
  ASSERT_FALSE(schema.empty());
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sql::ConnectionPtr c(raw);
  // The v1 FTS table needs the 'thai' tokenizer, which a plain connection lacks: the fixture's
  // schema is run with a stand-in (the index is rebuildable and not audited).
  auto at = schema.find("tokenize = 'thai'");
  ASSERT_NE(at, std::string::npos);
  schema.replace(at, 17, "tokenize = 'unicode61'");
  std::string n = std::to_string(now);
  std::string sql = "PRAGMA journal_mode = WAL; BEGIN;" + schema + "PRAGMA user_version = 1;" +
                    "INSERT INTO users(name, role, clearance, created_at) VALUES ('admin', 'admin', 0, " + n + "), "
                    "('somchai', 'clerk', 0, " + n + ");"
                    "INSERT INTO entries(register, year, number, registered_at, sender, subject, stage, created_by) VALUES "
                    "('receive', 2569, 1, " + n + ", 'โรงเรียนบ้านหนองบัว', 'ขอเชิญประชุมผู้บริหาร', 'received', 2), "
                    "('receive', 2569, 2, " + n + ", 'สพฐ.', CAST(x'e0b882e0b8ad20ff' AS TEXT), 'received', 2);";
  ASSERT_EQ(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(raw);
  std::string prev;
  long long seq = 0;
  for (const char* t : {"offices", "units", "users", "registers", "urgencies", "entries", "letters", "stage_events",
                        "attachment_blobs", "attachments", "access_log"}) {
    sqlite3_stmt* s = nullptr;
    sqlite3_prepare_v2(raw, (std::string("SELECT * FROM ") + t + " ORDER BY id").c_str(), -1, &s, nullptr);
    sql::StatementPtr guard(s);
    std::vector<std::pair<std::string, std::string>> rows;
    while (sqlite3_step(s) == SQLITE_ROW) rows.emplace_back(std::to_string(sqlite3_column_int64(s, 0)), v1_row_data(s));
    for (const auto& [id, data] : rows) {
      std::string sq = std::to_string(++seq);
      std::string h = sha256_hex(testing::chain_message(prev, sq, n, "", "insert", t, id, data));
      sqlite3_stmt* ins = nullptr;
      sqlite3_prepare_v2(raw,
                         "INSERT INTO audit_log(seq, at, actor, action, tbl, row_id, row_data, prev_hash, hash) "
                         "VALUES (?1, ?2, NULL, 'insert', ?3, ?4, ?5, ?6, ?7)",
                         -1, &ins, nullptr);
      sql::StatementPtr g2(ins);
      sqlite3_bind_int64(ins, 1, seq);
      sqlite3_bind_int64(ins, 2, now);
      sqlite3_bind_text(ins, 3, t, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64(ins, 4, std::stoll(id));
      sqlite3_bind_text(ins, 5, data.c_str(), static_cast<int>(data.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 6, prev.c_str(), static_cast<int>(prev.size()), SQLITE_TRANSIENT);
      sqlite3_bind_text(ins, 7, h.c_str(), static_cast<int>(h.size()), SQLITE_TRANSIENT);
      ASSERT_EQ(sqlite3_step(ins), SQLITE_DONE) << sqlite3_errmsg(raw);
      prev = h;
    }
  }
  ASSERT_EQ(sqlite3_exec(raw, "COMMIT; INSERT INTO entries_fts(entries_fts) VALUES ('rebuild');", nullptr, nullptr, nullptr),
            SQLITE_OK);
}

struct MigrationFixture : ::testing::Test {
  std::string dir, db;
  testing::TestEnvironment env{testing::kMarch2026};
  void SetUp() override {
    SARABAN_SQLITE_ONLY("migrations of SQLite register files");
    dir = testing::temp_dir(std::string("migrate-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
  }
  void TearDown() override {
    if (!dir.empty()) fs::remove_all(dir);
  }
};

TEST_F(MigrationFixture, V1RegisterIsKeyedFromItsHeadOnAndVerifies) {
  make_v1_register(db, testing::kMarch2026 - 86400);
  long long old_head = std::stoll(query_one(db, "SELECT max(seq) FROM audit_log"));
  ASSERT_EQ(query_one(db, "PRAGMA user_version"), "1");
  ASSERT_FALSE(fs::exists(db + ".key"));
  {
    auto store = SqlRegisterStore::open(db, env);
    Registry reg(*store, env);
    auto admin = reg.acting_user("admin");
    auto r = reg.verify(admin);
    EXPECT_TRUE(r.ok) << (r.problems.empty() ? "" : r.problems.front());
    ASSERT_FALSE(r.notes.empty());
    EXPECT_TRUE(has(r.notes.front(), "#1-#" + std::to_string(old_head) + " are unkeyed, from before 2026-03-05"))
        << r.notes.front();
    ReceiveRequest q;
    q.sender = "สพฐ.";
    q.subject = "ขอรายงานผล";
    EXPECT_EQ(reg.receive(reg.acting_user("somchai"), q).number, 3);
    EXPECT_TRUE(reg.verify(admin).ok);
  }
  EXPECT_EQ(query_one(db, "PRAGMA user_version"), std::to_string(kSchemaVersion));
  EXPECT_EQ(query_one(db, "SELECT keyed_from FROM audit_key"), std::to_string(old_head + 1));
  struct stat st {};
  ASSERT_EQ(::stat((db + ".key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  EXPECT_TRUE(fs::exists(db + ".anchor"));
}

TEST_F(MigrationFixture, RewritingTheUnkeyedPartIsCaughtByTheFirstKeyedEntry) {
  make_v1_register(db, testing::kMarch2026 - 86400);
  { auto store = SqlRegisterStore::open(db, env); }
  long long keyed_from = std::stoll(query_one(db, "SELECT keyed_from FROM audit_key"));
  ASSERT_EQ(tamper(db, "DROP TRIGGER audit_log_no_update; UPDATE entries SET subject = 'ขอยกเลิกประชุม' WHERE id = 1;"
                       "UPDATE audit_log SET row_data = replace(row_data, 'ขอเชิญประชุมผู้บริหาร', 'ขอยกเลิกประชุม') "
                       "WHERE tbl = 'entries' AND row_id = 1"),
            SQLITE_OK);
  ASSERT_EQ(tamper(db, testing::rehash_sql(db, 1)), SQLITE_OK);
  auto store = SqlRegisterStore::open(db, env);
  Registry reg(*store, env);
  auto r = reg.verify(reg.acting_user("admin"));
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(r.problems.front(), "audit log entry #" + std::to_string(keyed_from) + " was altered or forged"))
      << r.problems.front();
}

TEST_F(MigrationFixture, AnUnusedKeyFromAnInterruptedMigrationIsSetAsideNotReused) {
  make_v1_register(db, testing::kMarch2026 - 86400);
  { std::ofstream(db + ".key") << "left by a migration that never committed\n"; }
  auto store = SqlRegisterStore::open(db, env);
  Registry reg(*store, env);
  EXPECT_TRUE(reg.verify(reg.acting_user("admin")).ok);
  EXPECT_TRUE(fs::exists(db + ".key.unused-" + std::to_string(testing::kMarch2026)));
}

TEST_F(MigrationFixture, AV1FileBesideAnAnchorIsRefused) {
  // A keyed register whose key record was stripped and version set back would otherwise be
  // keyed afresh, its history before that unprovable.
  make_v1_register(db, testing::kMarch2026 - 86400);
  { std::ofstream(db + ".anchor") << "saraban anchor 1\n"; }
  try {
    SqlRegisterStore::open(db, env);
    ADD_FAILURE() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::DatabaseError);
    EXPECT_TRUE(has(e.message(), "no record of its key")) << e.message();
  }
  EXPECT_EQ(query_one(db, "PRAGMA user_version"), "1");  // nothing was changed
}

TEST_F(MigrationFixture, AnotherApplicationsFileIsRefused) {
  ASSERT_EQ(tamper(db, "PRAGMA application_id = 1234; CREATE TABLE t(x); INSERT INTO t VALUES (1);"), SQLITE_OK);
  try {
    SqlRegisterStore::open(db, env);
    ADD_FAILURE() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::DatabaseError);
    EXPECT_EQ(e.message(), "not a Saraban register (application_id differs)");
    EXPECT_EQ(e.context(), db);
  }
  EXPECT_EQ(query_one(db, "SELECT x FROM t"), "1");
}

TEST_F(MigrationFixture, ANewerVersionsFileIsRefused) {
  { auto store = SqlRegisterStore::create(db, env); }
  ASSERT_EQ(tamper(db, "PRAGMA user_version = " + std::to_string(kSchemaVersion + 1)), SQLITE_OK);
  try {
    SqlRegisterStore::open(db, env);
    ADD_FAILURE() << "opened";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::DatabaseError);
    EXPECT_TRUE(has(e.message(), "schema version " + std::to_string(kSchemaVersion + 1) + ", newer than this saraban"))
        << e.message();
  }
}

}  // namespace
}  // namespace saraban::registry
