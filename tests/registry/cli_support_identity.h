#pragma once
// A register made through the real binary, for the identity and file-mode tests.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <ctime>
#include <fstream>

#include "registry_test_support.h"

namespace saraban::registry::testing {

struct CliRegister : ::testing::Test {
  std::string dir, db;
  void SetUp() override {
    dir = temp_dir(std::string("cli-id-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
    // No terminal for the children: a command needing a password must refuse, never wait.
    ASSERT_NE(std::freopen("/dev/null", "r", stdin), nullptr);
    ASSERT_EQ(sar({"init"}).status, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  RunResult sar(std::vector<std::string> args, const std::string& as = "", bool unprivileged = false) {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as, unprivileged);
  }
  void ok(std::vector<std::string> args, const std::string& as = "", bool unprivileged = false) {
    auto r = sar(args, as, unprivileged);
    ASSERT_EQ(r.status, 0) << args.front() << ": " << r.err;
  }
  static std::string address(const std::string& register_code, int number) {
    return testing::address(register_code, number);
  }
  std::string write_file(const std::string& name, const std::string& text) {
    std::string p = dir + "/" + name;
    std::ofstream(p) << text;
    ::chmod(p.c_str(), 0644);
    return p;
  }
};

inline unsigned mode_of(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return 0xFFFF;  // absent
  return st.st_mode & 07777;
}

}  // namespace saraban::registry::testing
