// Every file Saraban writes from the register is created owner-only (0600), or 0640 with the
// office's group: the register, its -wal and -shm, backups, exports, attachments and letters.
// The tests run with umask 0, so a file that is not 0600 is one Saraban failed to protect.
#include <grp.h>
#include <sqlite3.h>

#include "cli_support_identity.h"

namespace saraban::registry {
namespace {

using testing::mode_of;

// umask 0 for the test's children.
struct OpenUmask {
  mode_t saved = ::umask(0);
  ~OpenUmask() { ::umask(saved); }
};

struct FileModes : testing::CliRegister {
  OpenUmask open_umask;
  void SetUp() override {
    testing::CliRegister::SetUp();
    ok({"user", "add", "somchai", "--role", "clerk"}, "admin");
    ok({"user", "add", "boss", "--role", "director"}, "admin");
    ok({"user", "add", "officer", "--role", "officer"}, "admin");
  }
};

// A PDF made by saraban itself stands in for an incoming letter.
std::string incoming_pdf(const std::string& dir) {
  std::string txt = dir + "/incoming.txt", pdf = dir + "/incoming.pdf";
  std::ofstream(txt) << "ขอเชิญประชุมคณะกรรมการ\n";
  return testing::run_saraban({"typeset", txt, "-o", pdf}).status == 0 ? pdf : "";
}

TEST_F(FileModes, TheRegisterAndItsWalAndShmAreOwnerOnly) {
  // A reader held open keeps the -wal and -shm in place after the command's own close.
  sqlite3* reader = nullptr;
  ASSERT_EQ(sqlite3_open_v2(db.c_str(), &reader, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(reader, "SELECT count(*) FROM entries", nullptr, nullptr, nullptr), SQLITE_OK);
  ok({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม"}, "somchai");
  EXPECT_EQ(mode_of(db), 0600u);
  EXPECT_EQ(mode_of(db + "-wal"), 0600u);
  EXPECT_EQ(mode_of(db + "-shm"), 0600u);
  sqlite3_close(reader);
}

TEST_F(FileModes, BackupsExportsAttachmentsAndLettersAreOwnerOnly) {
  std::string pdf = incoming_pdf(dir);
  ASSERT_FALSE(pdf.empty());
  ok({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม", "--file", pdf}, "somchai");
  ok({"backup", dir + "/copy.db"}, "admin");
  EXPECT_EQ(mode_of(dir + "/copy.db"), 0600u);
  ok({"export", "--csv", dir + "/all.csv"}, "somchai");
  EXPECT_EQ(mode_of(dir + "/all.csv"), 0600u);
  // An export over a file anyone could read replaces it with an owner-only one.
  std::string open_file = write_file("open.csv", "old");
  ::chmod(open_file.c_str(), 0666);
  ok({"export", "--csv", open_file}, "somchai");
  EXPECT_EQ(mode_of(open_file), 0600u);
  ok({"attachment", address("receive", 1), "-o", dir + "/orig.pdf"}, "somchai");
  EXPECT_EQ(mode_of(dir + "/orig.pdf"), 0600u);
  ok({"attachment", address("receive", 1), "--stamped", "-o", dir + "/stamped.pdf"}, "somchai");
  EXPECT_EQ(mode_of(dir + "/stamped.pdf"), 0600u);
  ok({"assign", address("receive", 1), "--to", "officer"}, "boss");
  std::string letter = write_file("reply.json", R"({"kind":"memo","ref":"ศธ ๐๔๑๗๕/๑๒",
    "office":{"name":"กลุ่มนโยบายและแผน","address":[]},"date":"2026-11-21","subject":"ตอบรับการประชุม",
    "to":"ผู้อำนวยการ","body":["รับทราบและจะเข้าร่วมประชุม"],
    "signer":{"name":"นางสาวนภา ใจงาม","position":["นักวิเคราะห์นโยบายและแผน"]}})");
  ok({"draft", address("receive", 1), "--letter", letter}, "officer");
  ok({"letter", address("receive", 1), "-o", dir + "/reply.pdf"}, "boss");
  EXPECT_EQ(mode_of(dir + "/reply.pdf"), 0600u);
}

TEST_F(FileModes, AnOfficeGroupMakesThemReadableByThatGroup) {
  group* g = ::getgrnam("users");
  if (!g) GTEST_SKIP() << "no group 'users' on this machine";
  gid_t gid = g->gr_gid;
  ok({"office", "set", "--group", "users"}, "admin");
  struct stat st {};
  ASSERT_EQ(::stat(db.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(st.st_gid, gid);
  ok({"export", "--csv", dir + "/all.csv"}, "admin");
  ASSERT_EQ(::stat((dir + "/all.csv").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(st.st_gid, gid);
  ok({"backup", dir + "/copy.db"}, "admin");
  ASSERT_EQ(::stat((dir + "/copy.db").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 07777, 0640u);
  EXPECT_EQ(st.st_gid, gid);
  // Back to owner only.
  ok({"office", "set", "--group", "none"}, "admin");
  EXPECT_EQ(mode_of(db), 0600u);
  ok({"export", "--csv", dir + "/again.csv"}, "admin");
  EXPECT_EQ(mode_of(dir + "/again.csv"), 0600u);
}

TEST_F(FileModes, AnUnknownGroupOrANonAdminIsRefused) {
  std::string before = testing::content_digest(db);
  auto r = sar({"office", "set", "--group", "no-such-group-x"}, "admin");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("no such OS group"), std::string::npos) << r.err;
  r = sar({"office", "set", "--group", "users"}, "somchai");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("needs a"), std::string::npos) << r.err;
  EXPECT_EQ(testing::content_digest(db), before);
  EXPECT_EQ(mode_of(db), 0600u);
}

}  // namespace
}  // namespace saraban::registry
