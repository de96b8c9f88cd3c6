// The command line end to end: JSON output, and bad input -> a clear message, a non-zero exit,
// and the register exactly as it was.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::content_digest;
using testing::run_saraban;

struct CliFixture : ::testing::Test {
  std::string dir, db;
  std::string first;  // the first entry's address, receive/YEAR/1
  int year = 0;
  void SetUp() override {
    dir = testing::temp_dir(std::string("cli-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/var/registry.db";
    ASSERT_EQ(sar({"init"}).status, 0);
    ASSERT_EQ(sar({"user", "add", "somchai", "--role", "clerk"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "officer", "--role", "officer"}, "admin").status, 0);
    ASSERT_EQ(sar({"user", "add", "boss", "--role", "director"}, "admin").status, 0);
    auto r = sar({"--json", "receive", "--from", "โรงเรียนบ้านหนองบัว", "--subject", "ขอรายงานผลการใช้จ่ายงบประมาณ",
                  "--dated", "2569-02-14"},
                 "somchai");
    ASSERT_EQ(r.status, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    first = j["address"].get<std::string>();
    year = j["year"].get<int>();
  }
  void TearDown() override {
    ::chmod(db.c_str(), 0644);
    ::chmod((dir + "/var").c_str(), 0755);
    std::filesystem::remove_all(dir);
  }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "", bool unprivileged = false) {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as, unprivileged);
  }
  // Runs a command that must be refused: non-zero exit, `expect` in the message, nothing changed.
  void refused(std::vector<std::string> args, const std::string& as, const std::string& expect,
               bool unprivileged = false) {
    std::string before = content_digest(db);
    auto r = sar(args, as, unprivileged);
    EXPECT_NE(r.status, 0) << "accepted: " << args.front();
    EXPECT_NE(r.err.find(expect), std::string::npos) << "message was: " << r.err;
    EXPECT_EQ(content_digest(db), before) << "the register changed";
  }
};

TEST_F(CliFixture, ReceivePrintsJsonWithTheNewNumber) {
  auto r = sar({"--json", "receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม", "--urgency", "ด่วน"}, "somchai");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("\"register\": \"receive\""), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"year\": 2569"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"number\": 2"), std::string::npos) << r.out;
  auto v = sar({"verify"}, "somchai");
  EXPECT_EQ(v.status, 0) << v.err;
  auto s = sar({"search", "งบประมาณ"}, "somchai");
  EXPECT_NE(s.out.find("ขอรายงานผลการใช้จ่ายงบประมาณ"), std::string::npos) << s.out;
  auto l = sar({"--json", "list", "--register", "receive", "--year", "2026"}, "somchai");
  EXPECT_NE(l.out.find("\"count\": 2"), std::string::npos) << l.out;
  EXPECT_NE(l.out.find("\"dated\": \"2569-02-14\""), std::string::npos) << l.out;
}

TEST_F(CliFixture, BadInputIsRefusedAndChangesNothing) {
  refused({"receive", "--from", "ก", "--subject", "ข"}, "ghost", "unknown user");
  refused({"receive", "--from", "ก", "--subject", "ข"}, "", "no acting user: pass --as USER");
  refused({"assign", first, "--to", "officer"}, "somchai", "needs a director");
  refused({"sign", first}, "somchai", "needs a signer");
  refused({"dispatch", first}, "somchai", "is at stage 'received'");
  refused({"receive", "--from", "ก", "--subject", "ข", "--dated", "2569-02-30"}, "somchai", "no such day");
  refused({"receive", "--from", "ก", "--subject", "ข", "--dated", "14/02/2569"}, "somchai", "malformed date");
  refused({"assign", first, "--to", "officer", "--due", "next week"}, "boss", "malformed date");
  refused({"receive", "--from", "ก", "--subject", "ข", "--file", dir + "/nope.pdf"}, "somchai", "nope.pdf");
  refused({"receive", "--from", "ก", "--subject", "ข", "--file", dir}, "somchai", "is a directory");
  refused({"show", "42"}, "somchai", "no such entry");
  refused({"receive", "--subject", "ข"}, "somchai", "needs --from");
  refused({"list", "--year", "twenty"}, "somchai", "malformed year");
  refused({"import", "--csv", dir + "/missing.csv"}, "somchai", "missing.csv");
  EXPECT_EQ(sar({"--db", dir + "/none.db", "list"}, "somchai").status, 66);
}

TEST_F(CliFixture, UnreadableLetterFileIsRefused) {
  std::string letter = dir + "/letter.json";
  std::ofstream(letter) << R"({"subject":"ตอบ"})";
  ::chmod(letter.c_str(), 0);
  refused({"draft", first, "--letter", letter}, "officer", "cannot open file", /*unprivileged=*/true);
}

TEST_F(CliFixture, ReadOnlyRegisterIsRefusedUntouched) {
  // nobody does not own the register: it acts as somchai through its mapped login.
  ASSERT_EQ(sar({"user", "login", "somchai", "nobody"}, "admin").status, 0);
  // Checkpoint so the whole register is in the main file, then make file and folder read-only.
  ASSERT_EQ(testing::tamper(db, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
  ::chmod(db.c_str(), 0444);
  ::chmod((dir + "/var").c_str(), 0555);
  std::string before = content_digest(db);
  auto r = sar({"receive", "--from", "ก", "--subject", "ข"}, "somchai", /*unprivileged=*/true);
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(r.err.empty());
  EXPECT_EQ(r.err.find("internal error"), std::string::npos) << r.err;
  EXPECT_EQ(content_digest(db), before);
}

TEST_F(CliFixture, ReadOnlyFileInWritableFolderIsRefusedUntouched) {
  // nobody does not own the register: it acts as somchai through its mapped login.
  ASSERT_EQ(sar({"user", "login", "somchai", "nobody"}, "admin").status, 0);
  ASSERT_EQ(testing::tamper(db, "PRAGMA wal_checkpoint(TRUNCATE)"), SQLITE_OK);
  ::chmod(db.c_str(), 0444);
  ::chmod((dir + "/var").c_str(), 0777);  // the folder stays writable: SQLite can make its -shm
  std::string before = content_digest(db);
  auto r = sar({"receive", "--from", "ก", "--subject", "ข"}, "somchai", /*unprivileged=*/true);
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
  EXPECT_EQ(content_digest(db), before);
}

TEST_F(CliFixture, TamperedFieldMakesVerifyFailNamingTheEntry) {
  ASSERT_EQ(testing::tamper(db, "UPDATE entries SET sender = 'ผู้อื่น' WHERE number = 1"), SQLITE_OK);
  auto r = sar({"verify"}, "somchai");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("(receive " + std::to_string(year) + "/1)"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace saraban::registry

namespace saraban::registry {
namespace {

// A letter PDF made by Saraban itself stands in for an incoming one.
std::string make_incoming_pdf(const std::string& dir) {
  const std::string txt = dir + "/incoming.txt", pdf = dir + "/incoming.pdf";
  std::FILE* f = std::fopen(txt.c_str(), "w");
  std::fputs("ขอเชิญประชุมคณะกรรมการบริหารงบประมาณ\n", f);
  std::fclose(f);
  auto r = run_saraban({"typeset", txt, "-o", pdf});
  return r.status == 0 ? pdf : std::string();
}

using testing::slurp;

TEST_F(CliFixture, AttachmentGivesBackTheOriginalAndTheStampedCopy) {
  const std::string pdf = make_incoming_pdf(dir);
  ASSERT_FALSE(pdf.empty());
  auto r = sar({"--json", "receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม", "--file", pdf}, "somchai");
  ASSERT_EQ(r.status, 0) << r.err;
  const std::string second = nlohmann::json::parse(r.out)["address"].get<std::string>();
  ASSERT_EQ(sar({"attachment", second, "-o", dir + "/orig.pdf"}, "somchai").status, 0);
  EXPECT_EQ(slurp(dir + "/orig.pdf"), slurp(pdf));
  auto st = sar({"attachment", second, "--stamped", "-o", dir + "/stamped.pdf"}, "somchai");
  ASSERT_EQ(st.status, 0) << st.err;
  FILE* p = popen(("pdftotext -enc UTF-8 " + dir + "/stamped.pdf -").c_str(), "r");
  std::string text;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) text.append(buf, n);
  pclose(p);
  EXPECT_NE(text.find("เลขรับ ๒"), std::string::npos) << text;
  EXPECT_NE(text.find("ขอเชิญประชุมคณะกรรมการบริหารงบประมาณ"), std::string::npos) << text;
  // Entry 1 has no file: a clear refusal, and nothing written.
  auto none = sar({"attachment", first, "-o", dir + "/none.pdf"}, "somchai");
  EXPECT_NE(none.status, 0);
  EXPECT_NE(none.err.find("no original attachment"), std::string::npos) << none.err;
  EXPECT_FALSE(std::filesystem::exists(dir + "/none.pdf"));
}

TEST_F(CliFixture, LetterRendersTheStoredDraft) {
  refused({"letter", first, "-o", dir + "/d.pdf"}, "boss", "no reply draft");
  ASSERT_EQ(sar({"assign", first, "--to", "officer"}, "boss").status, 0);
  const std::string json = dir + "/reply.json";
  std::FILE* f = std::fopen(json.c_str(), "w");
  std::fputs(R"({"kind":"memo","ref":"ศธ ๐๔๑๗๕/๑๒","office":{"name":"กลุ่มนโยบายและแผน","address":[]},
    "date":"2026-11-21","subject":"รายงานผลการใช้จ่ายงบประมาณ","to":"ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษา",
    "body":["ตามที่โรงเรียนบ้านหนองบัวได้รายงานผลการใช้จ่ายงบประมาณ บัดนี้กลุ่มนโยบายและแผนได้ตรวจสอบแล้ว"],
    "signer":{"name":"นางสาวนภา ใจงาม","position":["นักวิเคราะห์นโยบายและแผน"]}})", f);
  std::fclose(f);
  auto d = sar({"draft", first, "--letter", json}, "officer");
  ASSERT_EQ(d.status, 0) << d.err;
  auto r = sar({"letter", first, "-o", dir + "/d.pdf"}, "boss");
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(slurp(dir + "/d.pdf").rfind("%PDF-", 0), 0u);
}

}  // namespace
}  // namespace saraban::registry
