// End to end: `saraban demo` fills a year through the register's own steps. The same seed
// gives the same register, the chain verifies, every register numbers 1..N without a gap,
// the stages and secrets a real year has are there, and refused input leaves nothing.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "cli_support.h"

namespace saraban::testing {
namespace {

using nlohmann::json;

class DemoCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(temp_dir());
    db_ = new std::string(*dir_ + "/first.db");
    const auto r = demo(*db_, "--year 2569 --letters 300");
    ASSERT_EQ(r.status, 0) << r.output;
  }
  static void TearDownTestSuite() { run("rm -rf " + quote(*dir_)); }

  static CommandResult demo(const std::string& db, const std::string& args) {
    return run(saraban("--db " + quote(db) + " demo " + args));
  }
  static CommandResult as(const std::string& db, const std::string& user, const std::string& args) {
    return run(saraban("--db " + quote(db) + " --as " + user + " " + args));
  }
  // `list` as `user`: stdout only, so the output can be compared byte for byte.
  static std::string list_json(const std::string& db, const std::string& user, const std::string& filters = "") {
    return run(saraban("--db " + quote(db) + " --as " + user + " --json list --year 2569 " + filters) + " 2>/dev/null")
        .output;
  }
  static json entries(const std::string& db, const std::string& user, const std::string& filters = "") {
    const json j = json::parse(list_json(db, user, filters), nullptr, false);
    return j.is_object() && j.contains("entries") ? j["entries"] : json::array();
  }
  void expect_refused_without_file(const std::string& args, const std::string& says) {
    const std::string db = *dir_ + "/refused.db";
    const auto r = demo(db, args);
    EXPECT_NE(r.status, 0) << args << ": " << r.output;
    EXPECT_NE(r.output.find(says), std::string::npos) << args << " says " << says << ": " << r.output;
    EXPECT_FALSE(exists(db)) << args << " leaves no register";
    EXPECT_FALSE(exists(db + ".key")) << args << " leaves no key";
  }

  static std::string* dir_;
  static std::string* db_;
};
std::string* DemoCommand::dir_ = nullptr;
std::string* DemoCommand::db_ = nullptr;

TEST_F(DemoCommand, TheSameSeedGivesTheSameListAndAnotherSeedAnother) {
  const std::string same = *dir_ + "/same.db", other = *dir_ + "/other.db";
  ASSERT_EQ(demo(same, "--year 2569 --letters 300 --seed 1").status, 0);
  ASSERT_EQ(demo(other, "--year 2569 --letters 300 --seed 2").status, 0);
  const std::string first = list_json(*db_, "admin");
  ASSERT_NE(first.find("\"entries\""), std::string::npos) << first.substr(0, 300);
  EXPECT_EQ(difference(list_json(same, "admin"), first), "");
  EXPECT_NE(list_json(other, "admin"), first);
}

TEST_F(DemoCommand, TheRegisterVerifies) {
  const auto r = as(*db_, "admin", "verify");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("verified"), std::string::npos) << r.output;
}

TEST_F(DemoCommand, EveryRegisterNumbersOneToNWithoutAGap) {
  std::map<std::string, std::set<long long>> numbers;
  // kanya keeps the secret register (cleared for ลับที่สุด): she sees every entry.
  for (const auto& e : entries(*db_, "kanya"))
    numbers[e["register"].get<std::string>()].insert(e["number"].get<long long>());
  int received = 0;
  for (const auto& e : entries(*db_, "kanya"))
    if (!e.contains("origin_id")) ++received;
  EXPECT_EQ(received, 300);
  for (const char* r : {"receive", "send", "secret"}) {
    const auto& n = numbers[r];
    ASSERT_FALSE(n.empty()) << r;
    EXPECT_EQ(*n.begin(), 1) << r;
    EXPECT_EQ(*n.rbegin(), static_cast<long long>(n.size())) << r << " has a gap";
  }
}

TEST_F(DemoCommand, AYearHasClosedFiledCancelledAndReturnedLetters) {
  std::map<std::string, int> stages;
  std::vector<long long> drafted;
  for (const auto& e : entries(*db_, "kanya")) {
    ++stages[e["stage"].get<std::string>()];
    if (e.contains("reply_id")) drafted.push_back(e["id"].get<long long>());
  }
  for (const char* s : {"closed", "filed", "cancelled", "issued"}) EXPECT_GT(stages[s], 0) << s;
  bool returned = false;
  for (std::size_t i = 0; i < drafted.size() && !returned; ++i)
    returned =
        as(*db_, "kanya", "history " + std::to_string(drafted[i])).output.find("-> returned") != std::string::npos;
  EXPECT_TRUE(returned) << "some draft was returned once and drafted again";
}

TEST_F(DemoCommand, SecretLettersExistAndTheUnclearedDoNotSeeThem) {
  int secret = 0, seen_by_napa = 0;
  for (const auto& e : entries(*db_, "kanya"))
    if (e["secrecy"] != "none") ++secret;
  const json napa = entries(*db_, "napa");
  for (const auto& e : napa)
    if (e["secrecy"] != "none" || e["register"] == "secret") ++seen_by_napa;
  EXPECT_GT(secret, 0);
  EXPECT_GT(napa.size(), 0u);
  EXPECT_EQ(seen_by_napa, 0);
}

TEST_F(DemoCommand, BadInputIsRefusedAndLeavesNoFile) {
  expect_refused_without_file("--year 2569 --letters 0", "--letters");
  expect_refused_without_file("--year 2569 --letters 12abc", "--letters");
  expect_refused_without_file("--year 2569 --letters 1000001", "--letters");
  expect_refused_without_file("--year 2800 --letters 10", "--year");
  expect_refused_without_file("--year 2026 --letters 10", "--year");
  expect_refused_without_file("--letters 10", "--year");
  // A register that cannot be written: its folder is a file.
  write_file(*dir_ + "/plain", "not a folder");
  const auto r = demo(*dir_ + "/plain/r.db", "--year 2569 --letters 10");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_FALSE(exists(*dir_ + "/plain/r.db"));
}

TEST_F(DemoCommand, ASecondDemoIntoTheSameYearIsRefusedAndChangesNothing) {
  const std::string before = list_json(*db_, "admin"), bytes = read_file(*db_);
  const auto r = demo(*db_, "--year 2569 --letters 10 --seed 9");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("already has"), std::string::npos) << r.output;
  EXPECT_EQ(list_json(*db_, "admin"), before);
  EXPECT_TRUE(read_file(*db_) == bytes) << "the register file is unchanged";
}

TEST_F(DemoCommand, AnExistingRegisterGetsOnlyTheMissingUsers) {
  const std::string db = *dir_ + "/existing.db";
  ASSERT_EQ(run(saraban("--db " + quote(db) + " init")).status, 0);
  ASSERT_EQ(as(db, "admin", "user add somsri --role clerk --clearance ลับ").status, 0);
  const auto r = run(saraban("--db " + quote(db) + " --json demo --year 2570 --letters 50"));
  ASSERT_EQ(r.status, 0) << r.output;
  const json summary = json::parse(r.output, nullptr, false);
  EXPECT_EQ(summary.value("received", 0), 50) << r.output;
  EXPECT_EQ(entries(db, "admin", "").size(), 0u) << "nothing in 2569";
  const auto list = run(saraban("--db " + quote(db) + " --as wichai --json list --year 2570"));
  EXPECT_EQ(list.status, 0) << "the demo's users were added: " << list.output;
}

TEST_F(DemoCommand, AUserItCannotActAsIsRefusedBeforeAnythingIsWritten) {
  const std::string db = *dir_ + "/conflict.db";
  ASSERT_EQ(run(saraban("--db " + quote(db) + " init")).status, 0);
  ASSERT_EQ(as(db, "admin", "user add napa --role clerk").status, 0);
  const auto r = demo(db, "--year 2569 --letters 20");
  EXPECT_NE(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("napa"), std::string::npos) << r.output;
  EXPECT_NE(as(db, "wichai", "list").status, 0) << "no user was added";
  EXPECT_EQ(entries(db, "admin").size(), 0u);
}

}  // namespace
}  // namespace saraban::testing
