// The anchor beside the register: a lost one stops changes until an admin re-anchors a register
// whose only fault it is; verify racing with writers never mistakes a newer anchor for a cut.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>

#include "base/error.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

namespace fs = std::filesystem;
using testing::run_saraban;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

struct AnchorFixture : ::testing::Test {
  std::string dir, db;
  void SetUp() override {
    dir = testing::temp_dir(std::string("anchor-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
    ASSERT_EQ(sar({"init"}).status, 0);
    ASSERT_EQ(sar({"user", "add", "somchai", "--role", "clerk"}, "admin").status, 0);
    ASSERT_EQ(sar({"receive", "--from", "สพฐ.", "--subject", "ขอเชิญประชุม"}, "somchai").status, 0);
  }
  void TearDown() override { fs::remove_all(dir); }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "") {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as);
  }
};

TEST_F(AnchorFixture, ALostAnchorStopsChangesUntilAnAdminReanchors) {
  fs::remove(db + ".anchor");
  std::string before = testing::content_digest(db);
  auto r = sar({"receive", "--from", "สพฐ.", "--subject", "ขอส่งรายงาน"}, "somchai");
  EXPECT_NE(r.status, 0);
  EXPECT_TRUE(has(r.err, "anchor file is missing")) << r.err;
  EXPECT_EQ(testing::content_digest(db), before);
  auto v = sar({"verify"}, "admin");
  EXPECT_NE(v.status, 0);
  EXPECT_TRUE(has(v.err, "anchor file")) << v.err;
  auto clerk = sar({"verify", "--reanchor"}, "somchai");
  EXPECT_NE(clerk.status, 0);
  EXPECT_FALSE(fs::exists(db + ".anchor"));
  auto a = sar({"verify", "--reanchor"}, "admin");
  ASSERT_EQ(a.status, 0) << a.err;
  EXPECT_TRUE(fs::exists(db + ".anchor"));
  EXPECT_EQ(sar({"verify"}, "admin").status, 0);
  EXPECT_EQ(sar({"receive", "--from", "สพฐ.", "--subject", "ขอส่งรายงาน"}, "somchai").status, 0);
}

TEST_F(AnchorFixture, ReanchorIsRefusedWhenMoreThanTheAnchorIsWrong) {
  fs::remove(db + ".anchor");
  ASSERT_EQ(testing::tamper(db, "UPDATE entries SET subject = 'ปลอม' WHERE number = 1"), SQLITE_OK);
  auto a = sar({"verify", "--reanchor"}, "admin");
  EXPECT_NE(a.status, 0);
  EXPECT_TRUE(has(a.err, "more wrong than the anchor")) << a.err;
  EXPECT_FALSE(fs::exists(db + ".anchor"));
}

TEST_F(AnchorFixture, VerifyWhileAnotherProcessWritesNeverReportsACut) {
  pid_t pid = ::fork();
  if (pid == 0) {
    for (int i = 0; i < 40; ++i)
      if (sar({"receive", "--from", "สพฐ.", "--subject", "ขอส่งรายงาน " + std::to_string(i)}, "somchai").status != 0)
        std::_Exit(1);
    std::_Exit(0);
  }
  int checks = 0, st = 0;
  for (; ::waitpid(pid, &st, WNOHANG) == 0; ++checks) {
    auto v = sar({"verify"}, "admin");
    EXPECT_EQ(v.status, 0) << v.err << v.out;
  }
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "the writing process failed";
  EXPECT_GT(checks, 0);
  EXPECT_EQ(sar({"verify"}, "admin").status, 0);
}

}  // namespace
}  // namespace saraban::registry
