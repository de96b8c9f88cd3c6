// The register's files on disk: no output path may be the register or one of its companions
// (-wal, -shm, -journal, .key, .anchor); after every command the .db file alone is the whole
// register; init is atomic (a register appears complete or not at all).
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <ctime>
#include <filesystem>
#include <fstream>

#include "base/error.h"
#include "registry/register_files.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

namespace fs = std::filesystem;
using testing::content_digest;
using testing::run_saraban;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

void write_text(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

struct FilesFixture : ::testing::Test {
  std::string dir, db;
  std::string first = first_receive();  // the first letter received, as REGISTER/YEAR/NUMBER
  static std::string first_receive() {
    std::time_t t = std::time(nullptr);
    std::tm local{};
    ::localtime_r(&t, &local);
    return "receive/" + std::to_string(local.tm_year + 1900 + 543) + "/1";
  }
  void SetUp() override {
    dir = testing::temp_dir(std::string("files-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
    ASSERT_EQ(sar({"init"}).status, 0);
    ASSERT_EQ(sar({"user", "add", "somchai", "--role", "clerk"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "officer", "--role", "officer"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "boss", "--role", "director"}, "admin").status, 0);
    write_text(dir + "/incoming.txt", "หนังสือเข้า");
    auto r = sar({"receive", "--from", "โรงเรียนบ้านหนองบัว", "--subject", "ขอรายงานผล", "--file", dir + "/incoming.txt"},
                 "somchai");
    ASSERT_EQ(r.status, 0) << r.err;
  }
  void TearDown() override { fs::remove_all(dir); }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "") {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as);
  }
  // The command must be refused naming the path, and the register stay whole and verified.
  void refused_output(std::vector<std::string> args, const std::string& as) {
    std::string before = content_digest(db);
    std::string key = testing::slurp(db + ".key"), anchor = testing::slurp(db + ".anchor");
    auto r = sar(args, as);
    EXPECT_NE(r.status, 0) << "accepted: " << args.front();
    EXPECT_TRUE(has(r.err, "register")) << r.err;
    EXPECT_EQ(content_digest(db), before) << "the register changed";
    EXPECT_EQ(testing::slurp(db + ".key"), key);
    EXPECT_EQ(testing::slurp(db + ".anchor"), anchor);
    auto v = sar({"verify"}, "admin");
    EXPECT_EQ(v.status, 0) << v.err << v.out;
  }
};

// ------------------------------------------------------------------ outputs

TEST_F(FilesFixture, ExportOntoTheRegisterIsRefused) {
  refused_output({"export", "--csv", db}, "somchai");
}

TEST_F(FilesFixture, ExportOntoTheRegisterByAnotherSpellingIsRefused) {
  refused_output({"export", "--csv", dir + "/./sub/../registry.db"}, "somchai");
  fs::create_directories(dir + "/sub");
  refused_output({"export", "--csv", dir + "/sub/../registry.db"}, "somchai");
}

TEST_F(FilesFixture, ExportOntoAHardLinkOrSymlinkOfTheRegisterIsRefused) {
  ASSERT_EQ(::link(db.c_str(), (dir + "/hard.csv").c_str()), 0);
  refused_output({"export", "--csv", dir + "/hard.csv"}, "somchai");
  fs::create_symlink(db, dir + "/soft.csv");
  refused_output({"export", "--csv", dir + "/soft.csv"}, "somchai");
}

TEST_F(FilesFixture, ExportOntoACompanionThatDoesNotExistYetIsRefused) {
  ASSERT_FALSE(fs::exists(db + "-wal"));
  refused_output({"export", "--csv", db + "-wal"}, "somchai");
  refused_output({"export", "--csv", db + "-journal"}, "somchai");
}

TEST_F(FilesFixture, AttachmentOntoTheRegisterIsRefused) {
  refused_output({"attachment", first, "-o", db}, "somchai");
}

TEST_F(FilesFixture, AttachmentOntoTheKeyOrTheAnchorIsRefused) {
  refused_output({"attachment", first, "-o", db + ".key"}, "somchai");
  refused_output({"attachment", first, "-o", db + ".anchor"}, "somchai");
}

TEST_F(FilesFixture, LetterOntoTheRegisterIsRefused) {
  ASSERT_EQ(sar({"assign", first, "--to", "officer"}, "boss").status, 0);
  write_text(dir + "/reply.json", R"({"kind":"memo","ref":"ศธ ๐๔๑๗๕/๑๒","office":{"name":"กลุ่มนโยบายและแผน","address":[]},
    "date":"2026-11-21","subject":"รายงานผล","to":"ผู้อำนวยการ","body":["ได้ตรวจสอบแล้ว"],
    "signer":{"name":"นางสาวนภา ใจงาม","position":["นักวิเคราะห์นโยบายและแผน"]}})");
  auto d = sar({"draft", first, "--letter", dir + "/reply.json"}, "officer");
  ASSERT_EQ(d.status, 0) << d.err;
  refused_output({"letter", first, "-o", db}, "boss");
  refused_output({"letter", first, "-o", db + "-shm"}, "boss");
}

TEST_F(FilesFixture, BackupOntoTheRegisterOrItsCompanionsIsRefused) {
  refused_output({"backup", db}, "admin");
  refused_output({"backup", db + "-wal"}, "admin");
  refused_output({"backup", db + ".anchor"}, "admin");
}

TEST(RegisterPaths, EveryCompanionIsRefusedAndOtherFilesPass) {
  std::string dir = testing::temp_dir("paths"), db = dir + "/registry.db";
  write_text(db, "x");
  for (const char* suffix : {"", "-wal", "-shm", "-journal", ".key", ".anchor"})
    EXPECT_THROW(refuse_register_path(db + suffix, db), Error) << suffix;
  EXPECT_NO_THROW(refuse_register_path(dir + "/registry.csv", db));
  EXPECT_NO_THROW(refuse_register_path(db + ".csv", db));
  EXPECT_NO_THROW(refuse_register_path(dir + "/other/registry.db", db));
  fs::remove_all(dir);
}

// ------------------------------------------------------------------ the .db file alone

TEST_F(FilesFixture, AfterACommandTheDbFileAloneHoldsEverything) {
  ASSERT_EQ(sar({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุมครั้งที่สอง"}, "somchai").status, 0);
  // The WAL was checkpointed into the file and removed when the command's connection closed.
  EXPECT_FALSE(fs::exists(db + "-wal") && fs::file_size(db + "-wal") > 0);
  fs::create_directories(dir + "/copy");
  fs::copy_file(db, dir + "/copy/registry.db");  // the file alone: no -wal, no key
  auto l = run_saraban({"--db", dir + "/copy/registry.db", "--json", "list", "--register", "receive"}, "somchai");
  ASSERT_EQ(l.status, 0) << l.err;
  EXPECT_TRUE(has(l.out, "ขอเชิญประชุมครั้งที่สอง")) << l.out;
  EXPECT_TRUE(has(l.out, "ขอรายงานผล")) << l.out;
}

TEST_F(FilesFixture, DeletingTheWalAfterACommandLosesNothing) {
  ASSERT_EQ(sar({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุมครั้งที่สาม"}, "somchai").status, 0);
  fs::remove(db + "-wal");
  fs::remove(db + "-shm");
  auto l = sar({"--json", "list", "--register", "receive"}, "somchai");
  ASSERT_EQ(l.status, 0) << l.err;
  EXPECT_TRUE(has(l.out, "ขอเชิญประชุมครั้งที่สาม")) << l.out;
  auto v = sar({"verify"}, "admin");
  EXPECT_EQ(v.status, 0) << v.err << v.out;
}

TEST_F(FilesFixture, BackupIsARegisterWithItsKeyAndAnchor) {
  auto b = sar({"backup", dir + "/copy.db"}, "admin");
  ASSERT_EQ(b.status, 0) << b.err;
  for (const char* suffix : {"", ".key", ".anchor"}) EXPECT_TRUE(fs::exists(dir + "/copy.db" + suffix)) << suffix;
  EXPECT_EQ(testing::slurp(dir + "/copy.db.key"), testing::slurp(db + ".key"));
  auto v = run_saraban({"--db", dir + "/copy.db", "verify"}, "admin");
  EXPECT_EQ(v.status, 0) << v.err << v.out;
  auto r = run_saraban({"--db", dir + "/copy.db", "receive", "--from", "ก", "--subject", "ข"}, "somchai");
  EXPECT_EQ(r.status, 0) << r.err;
}

// ------------------------------------------------------------------ atomic init

struct InitFixture : ::testing::Test {
  std::string dir, db;
  void SetUp() override {
    dir = testing::temp_dir(std::string("init-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
  }
  void TearDown() override { fs::remove_all(dir); }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "") {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as);
  }
  void expect_working_register() {
    auto v = sar({"verify"}, "admin");
    EXPECT_EQ(v.status, 0) << v.err << v.out;
    auto u = sar({"user", "add", "somchai", "--role", "clerk"}, "admin");
    EXPECT_EQ(u.status, 0) << u.err;
  }
};

TEST_F(InitFixture, ALeftoverTemporaryFileDoesNotStopInit) {
  write_text(db + ".partial", "half a register from an init that was killed");
  write_text(db + ".partial-wal", "junk");
  auto r = sar({"init"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_FALSE(fs::exists(db + ".partial"));
  expect_working_register();
}

TEST_F(InitFixture, AZeroLengthFileBecomesARegister) {
  write_text(db, "");
  auto r = sar({"init"});
  ASSERT_EQ(r.status, 0) << r.err;
  expect_working_register();
}

// What an older init left when killed between setting WAL mode and committing the schema.
TEST_F(InitFixture, AnEmptyDatabaseFromAKilledInitIsNamedAndReplaced) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(raw, "PRAGMA journal_mode = WAL; BEGIN; CREATE TABLE offices(id INTEGER PRIMARY KEY); ROLLBACK;",
                         nullptr, nullptr, nullptr),
            SQLITE_OK);
  sqlite3_close(raw);
  ASSERT_GT(fs::file_size(db), 0u);
  auto l = sar({"list"}, "admin");
  EXPECT_NE(l.status, 0);
  EXPECT_TRUE(has(l.err, "interrupted init")) << l.err;
  EXPECT_TRUE(has(l.err, "init")) << l.err;
  auto r = sar({"init"});
  ASSERT_EQ(r.status, 0) << r.err;
  expect_working_register();
}

TEST_F(InitFixture, AHalfFileIsRefusedSayingWhatToDo) {
  // The first bytes of a real register: not an empty database, not a register, possibly data.
  std::string other = dir + "/other.db";
  ASSERT_EQ(run_saraban({"--db", other, "init"}).status, 0);
  write_text(db, testing::slurp(other).substr(0, 1500));
  auto r = sar({"init"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(has(r.err, "move it away")) << r.err;
  EXPECT_EQ(fs::file_size(db), 1500u);  // never overwritten
}

TEST_F(InitFixture, AnotherApplicationsDatabaseIsNeverOverwritten) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &raw), SQLITE_OK);
  sqlite3_exec(raw, "PRAGMA application_id = 1234; CREATE TABLE t(x); INSERT INTO t VALUES (1);", nullptr, nullptr, nullptr);
  sqlite3_close(raw);
  std::string before = content_digest(db);
  auto r = sar({"init"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(has(r.err, "another application")) << r.err;
  EXPECT_EQ(content_digest(db), before);
}

TEST_F(InitFixture, InitOverARegisterIsRefused) {
  ASSERT_EQ(sar({"init"}).status, 0);
  std::string key = testing::slurp(db + ".key");
  auto r = sar({"init"});
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(has(r.err, "already")) << r.err;
  EXPECT_EQ(testing::slurp(db + ".key"), key);
  expect_working_register();
}

TEST_F(InitFixture, TwoInitsAtOnceMakeOneRegisterWithItsOwnKey) {
  for (int round = 0; round < 5; ++round) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::vector<pid_t> pids;
    for (int i = 0; i < 2; ++i) {
      pid_t pid = ::fork();
      if (pid == 0) std::_Exit(sar({"init"}).status == 0 ? 0 : 1);
      pids.push_back(pid);
    }
    int ok = 0;
    for (pid_t p : pids) {
      int st = 0;
      ::waitpid(p, &st, 0);
      ok += WIFEXITED(st) && WEXITSTATUS(st) == 0;
    }
    EXPECT_EQ(ok, 1) << "round " << round;
    auto v = sar({"verify"}, "admin");
    EXPECT_EQ(v.status, 0) << "round " << round << ": " << v.err;
  }
}

// SIGKILL at many moments of init: afterwards there is either no register file at all, or a
// whole one; and init run again either makes one or says a register is already there.
TEST_F(InitFixture, KilledAtAnyMomentInitLeavesNothingOrAWholeRegister) {
  for (int delay_us = 0; delay_us <= 24000; delay_us += 1500) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    pid_t pid = ::fork();
    if (pid == 0) {
      std::freopen("/dev/null", "w", stdout);
      std::freopen("/dev/null", "w", stderr);
      std::string bin = SARABAN_BINARY, a1 = "--db", a3 = "init";
      char* argv[] = {bin.data(), a1.data(), db.data(), a3.data(), nullptr};
      ::execv(bin.c_str(), argv);
      std::_Exit(127);
    }
    ::usleep(static_cast<useconds_t>(delay_us));
    ::kill(pid, SIGKILL);
    int st = 0;
    ::waitpid(pid, &st, 0);
    if (fs::exists(db)) {
      auto v = sar({"verify"}, "admin");
      EXPECT_EQ(v.status, 0) << "after a kill at " << delay_us << "us: " << v.err;
    }
    auto again = sar({"init"});
    EXPECT_TRUE(again.status == 0 || has(again.err, "a register is already there"))
        << "after a kill at " << delay_us << "us: " << again.err;
    auto v = sar({"verify"}, "admin");
    EXPECT_EQ(v.status, 0) << "after a kill at " << delay_us << "us and init again: " << v.err;
  }
}

}  // namespace
}  // namespace saraban::registry
