// The five attacks the unkeyed chain missed, by someone who can write the register's file but
// has not its key (registry.db.key): each is now found by verify, which names the first bad
// entry or says how many entries were cut off since the last anchor.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "base/error.h"
#include "chain_test_support.h"
#include "registry/audit_chain.h"
#include "registry/sqlite.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;
using testing::query_one;
using testing::tamper;

struct AttackFixture : Fixture {
  Issued a, b, secret;
  explicit AttackFixture(const std::string& name) : Fixture(name) {
    a = receive("ขอเชิญประชุมผู้บริหารสถานศึกษา");
    secret = receive("ขอข้อมูลบุคลากร (ลับ)", Secrecy::Confidential);
    b = receive("ขอความอนุเคราะห์ข้อมูลนักเรียน");
    EXPECT_TRUE(reg->verify(cleared_clerk).ok);
  }
  void close() {
    reg.reset();
    store.reset();
  }
  void reopen() {
    store = SqlRegisterStore::open(db, env);
    reg = std::make_unique<Registry>(*store, env);
  }
  VerifyReport verify_now() {
    close();
    reopen();
    return reg->verify(cleared_clerk);
  }
  long long first_seq_of(const std::string& tbl, std::int64_t id) {
    return std::stoll(query_one(db, "SELECT min(seq) FROM audit_log WHERE tbl = '" + tbl +
                                        "' AND row_id = " + std::to_string(id)));
  }
};

std::string first_problem(const VerifyReport& r) { return r.problems.empty() ? "" : r.problems.front(); }
bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST(ChainAttack, NewestEntryDeletedWithItsLogRowsIsCutOffAndItsNumberNotIssuedAgain) {
  AttackFixture f("cut-newest");
  std::string head_before = query_one(f.db, "SELECT max(seq) FROM audit_log");
  f.close();
  long long from = f.first_seq_of("entries", f.b.id);
  ASSERT_EQ(tamper(f.db, testing::cut_off_sql(f.db, from)), SQLITE_OK);
  ASSERT_EQ(query_one(f.db, "SELECT count(*) FROM entries WHERE id = " + std::to_string(f.b.id)), "0");
  f.reopen();
  auto r = f.reg->verify(f.cleared_clerk);
  ASSERT_FALSE(r.ok);
  long long cut = std::stoll(head_before) - from + 1;
  EXPECT_TRUE(has(first_problem(r), std::to_string(cut) + " audit log entries were cut off since the last anchor"))
      << first_problem(r);
  // The next receive would issue receive 2569/2 again: it is refused, and nothing is written.
  try {
    f.receive("ขอส่งรายงาน");
    ADD_FAILURE() << "a receive extended a history cut short";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::DatabaseError);
    EXPECT_TRUE(has(e.message(), "cut short")) << e.message();
  }
  EXPECT_EQ(query_one(f.db, "SELECT max(number) FROM entries WHERE register = 'receive'"), "1");
}

TEST(ChainAttack, SecretReadDeletedFromTheAccessLogWithNewerRowsIsCutOff) {
  AttackFixture f("cut-access");
  f.reg->show(f.cleared_clerk, f.secret.id);  // logged: a cleared user read a secret entry
  f.receive("ขอเชิญร่วมงานวันครู");
  ASSERT_EQ(query_one(f.db, "SELECT count(*) FROM access_log"), "1");
  f.close();
  long long from = std::stoll(query_one(f.db, "SELECT min(seq) FROM audit_log WHERE tbl = 'access_log'"));
  ASSERT_EQ(tamper(f.db, testing::cut_off_sql(f.db, from)), SQLITE_OK);
  ASSERT_EQ(query_one(f.db, "SELECT count(*) FROM access_log"), "0");
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "audit log entries were cut off since the last anchor")) << first_problem(r);
}

TEST(ChainAttack, EditedSubjectWithTheWholeChainRecomputedNamesTheEntry) {
  AttackFixture f("recompute");
  f.close();
  std::string id = std::to_string(f.a.id);
  long long from = f.first_seq_of("entries", f.a.id);
  ASSERT_EQ(tamper(f.db, testing::unlock_audit_log_sql() +
                         "UPDATE entries SET subject = 'ขอยกเลิกการประชุม' WHERE id = " + id + ";"
                         "UPDATE audit_log SET row_data = replace(row_data, 'ขอเชิญประชุมผู้บริหารสถานศึกษา', "
                         "'ขอยกเลิกการประชุม') WHERE tbl = 'entries' AND row_id = " + id),
            SQLITE_OK);
  ASSERT_EQ(tamper(f.db, testing::rehash_sql(f.db, from)), SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "audit log entry #" + std::to_string(from) + " was altered or forged"))
      << first_problem(r);
  EXPECT_TRUE(has(first_problem(r), "entry " + id + " (receive 2569/1)")) << first_problem(r);
}

TEST(ChainAttack, ForgedBackdatedEntryWithAChainedRowIsNamed) {
  AttackFixture f("forged");
  f.close();
  // An entry dated last year, with an audit row chained to the head exactly as the code would.
  ASSERT_EQ(tamper(f.db, "INSERT INTO entries(id, register, year, number, registered_at, sender, subject, stage, created_by) "
                         "VALUES (999, 'receive', 2568, 77, 1740000000, 'ผู้อื่น', 'หนังสือย้อนหลัง', 'received', 2)"),
            SQLITE_OK);
  std::string id = query_one(f.db, "SELECT id FROM entries WHERE number = 77");
  std::string data;
  {
    auto c = testing::raw_connection(f.db);
    auto s = c.prepare("SELECT * FROM entries WHERE id = :id");
    s.bind(":id", static_cast<std::int64_t>(std::stoll(id)));
    ASSERT_TRUE(s.step());
    data = canonical_row(s);
  }
  auto head = testing::query_rows(f.db, "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").at(0);
  std::string seq = std::to_string(std::stoll(head[0]) + 1), at = "1740000000";
  std::string h = sha256_hex(testing::chain_message(head[1], seq, at, "2", "insert", "entries", id, data));
  ASSERT_EQ(tamper(f.db, "INSERT INTO audit_log(seq, at, actor, action, tbl, row_id, row_data, prev_hash, hash) VALUES (" +
                             seq + ", " + at + ", 2, 'insert', 'entries', " + id + ", '" + data + "', '" + head[1] +
                             "', '" + h + "')"),
            SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "audit log entry #" + seq + " was altered or forged")) << first_problem(r);
  EXPECT_TRUE(has(first_problem(r), "entry " + id + " (receive 2568/77)")) << first_problem(r);
}

TEST(ChainAttack, ChangedInvalidUtf8BytesOfAStoredSubjectAreNamed) {
  SARABAN_SQLITE_ONLY("PostgreSQL text cannot hold bytes that are not UTF-8");
  AttackFixture f("utf8");
  // A subject whose bytes are not UTF-8 (from before input was checked): the chain records
  // the exact bytes, not their U+FFFD replacement.
  Entry e;
  f.store->write(f.clerk.id, [&] {
    e.register_code = "receive";
    e.year = 2569;
    e.registered_at = f.env.now();
    e.sender = "โรงเรียนบ้านหนองบัว";
    e.subject = "ขอเชิญประชุม \xff\xfe";
    e.created_by = f.clerk.id;
    e = f.store->insert_entry(e);
  });
  ASSERT_TRUE(f.reg->verify(f.cleared_clerk).ok);
  f.close();
  ASSERT_EQ(tamper(f.db, "UPDATE entries SET subject = CAST(replace(CAST(subject AS BLOB), x'fffe', x'fdfc') AS TEXT) "
                         "WHERE id = " + std::to_string(e.id)),
            SQLITE_OK);
  ASSERT_EQ(query_one(f.db, "SELECT hex(subject) LIKE '%FDFC' FROM entries WHERE id = " + std::to_string(e.id)), "1");
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "entry " + std::to_string(e.id) + " (receive 2569/3) was changed outside Saraban"))
      << first_problem(r);
  EXPECT_TRUE(has(first_problem(r), "subject")) << first_problem(r);
}

// Declaring the whole chain unkeyed, then recomputing it with plain SHA-256: the key file says
// where keying began, so the first entry's MAC is still demanded.
TEST(ChainAttack, ChainDeclaredUnkeyedAndRecomputedIsFound) {
  AttackFixture f("unkeyed");
  f.close();
  ASSERT_EQ(tamper(f.db, testing::unlock_audit_log_sql() + "UPDATE entries SET subject = 'ปลอม' WHERE id = 1;"
                         "UPDATE audit_log SET row_data = replace(row_data, 'ขอเชิญประชุมผู้บริหารสถานศึกษา', 'ปลอม') "
                         "WHERE tbl = 'entries' AND row_id = 1;"
                         "UPDATE audit_key SET keyed_from = 1000000;"),
            SQLITE_OK);
  ASSERT_EQ(tamper(f.db, "UPDATE audit_log SET row_data = replace(row_data, '\"keyed_from\":1,', "
                         "'\"keyed_from\":1000000,') WHERE tbl = 'audit_key'"),
            SQLITE_OK);
  ASSERT_EQ(tamper(f.db, testing::rehash_sql(f.db, 1)), SQLITE_OK);
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "keyed from audit log entry #1000000, its key file says #1")) << first_problem(r);
  bool named = false;
  for (const auto& p : r.problems) named |= has(p, "audit log entry #1 was altered or forged");
  EXPECT_TRUE(named) << r.problems.size();
}

TEST(ChainKeyFile, KeyIsBesideTheRegisterOwnerOnlyAndNeverInTheDatabase) {
  AttackFixture f("keyfile");
  f.close();
  const auto files = testing::local_files(f.db);
  for (const auto& p : {files.key, files.anchor}) {
    struct stat st {};
    ASSERT_EQ(::stat(p.c_str(), &st), 0) << p;
    EXPECT_EQ(st.st_mode & 0777, 0600u) << p;
  }
  std::string key_file = testing::slurp(files.key);
  std::string key_hex = key_file.substr(key_file.find('\n') + 1, 64);
  ASSERT_EQ(key_hex.size(), 64u);
  std::string db_bytes = testing::testing_postgres() ? testing::content_text(f.db)
                                                     : testing::slurp(f.db) + testing::slurp(f.db + "-wal");
  ASSERT_GT(db_bytes.size(), 1000u);
  EXPECT_EQ(db_bytes.find(key_hex), std::string::npos);
  std::string raw;
  for (std::size_t i = 0; i < 64; i += 2) raw += static_cast<char>(std::stoi(key_hex.substr(i, 2), nullptr, 16));
  EXPECT_EQ(db_bytes.find(raw), std::string::npos);
}

TEST(ChainKeyFile, WithoutTheKeyTheRegisterReadsButRefusesChangesAndVerifySaysWhy) {
  AttackFixture f("nokey");
  f.close();
  const std::string key = testing::local_files(f.db).key;
  std::filesystem::rename(key, f.dir + "/elsewhere.key");
  f.reopen();
  EXPECT_EQ(f.reg->list(f.clerk, {}).size(), 2u);
  try {
    f.receive("ขอส่งรายงาน");
    ADD_FAILURE() << "a change was written without the key";
  } catch (const Error& e) {
    EXPECT_TRUE(has(e.context(), std::filesystem::path(key).filename().string())) << e.context();
    EXPECT_TRUE(has(e.message(), "key file is missing")) << e.message();
  }
  auto r = f.reg->verify(f.cleared_clerk);
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "key file")) << first_problem(r);
  // The key put back, all is as it was.
  f.close();
  std::filesystem::rename(f.dir + "/elsewhere.key", key);
  f.reopen();
  EXPECT_TRUE(f.reg->verify(f.cleared_clerk).ok);
  EXPECT_EQ(f.receive("ขอส่งรายงาน").number, 3);
}

TEST(ChainKeyFile, ADamagedKeyIsAFindingOfVerifyAndStopsChanges) {
  AttackFixture f("badkey");
  f.close();
  { std::ofstream(testing::local_files(f.db).key, std::ios::binary | std::ios::trunc) << "not a key\n"; }
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "key file is damaged")) << first_problem(r);
  EXPECT_TRUE(has(first_problem(r), "cannot be checked")) << first_problem(r);
  EXPECT_THROW(f.receive("ขอส่งรายงาน"), Error);
}

TEST(ChainKeyFile, AnAlteredAnchorIsNamedAndStopsChanges) {
  AttackFixture f("anchor");
  f.close();
  const std::string anchor_file = testing::local_files(f.db).anchor;
  std::string anchor = testing::slurp(anchor_file);
  auto at = anchor.find("seq ");
  anchor.replace(at, anchor.find('\n', at) - at, "seq 2");
  { std::ofstream(anchor_file, std::ios::binary | std::ios::trunc) << anchor; }
  auto r = f.verify_now();
  ASSERT_FALSE(r.ok);
  EXPECT_TRUE(has(first_problem(r), "anchor file was altered")) << first_problem(r);
  EXPECT_THROW(f.receive("ขอส่งรายงาน"), Error);
}

}  // namespace
}  // namespace saraban::registry
