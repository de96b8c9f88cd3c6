// Numbers: 1, 2, 3 ... per register and year, no gap, no repeat, whatever the concurrency.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <set>

#include "base/error.h"
#include "registry/calendar.h"
#include "chain_test_support.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

constexpr std::int64_t kLastSecondOf2568 = 1767200399;  // 2025-12-31 23:59:59 Bangkok
constexpr std::int64_t kFirstSecondOf2569 = 1767200400;  // 2026-01-01 00:00:00 Bangkok
constexpr std::int64_t kLastSecondOfFy2568 = 1759251599;  // 2025-09-30 23:59:59 Bangkok
constexpr std::int64_t kFirstSecondOfFy2569 = 1759251600;  // 2025-10-01 00:00:00 Bangkok

TEST(Calendar, NumberingYearIsBuddhistEraAndHonoursTheYearStart) {
  EXPECT_EQ(numbering_year(kLastSecondOf2568, 1), 2568);
  EXPECT_EQ(numbering_year(kFirstSecondOf2569, 1), 2569);
  EXPECT_EQ(numbering_year(kLastSecondOfFy2568, 10), 2568);
  EXPECT_EQ(numbering_year(kFirstSecondOfFy2569, 10), 2569);
  EXPECT_EQ(numbering_year(kFirstSecondOfFy2569, 1), 2568);
  EXPECT_EQ(parse_year_be("2569", "y"), 2569);
  EXPECT_EQ(parse_year_be("2026", "y"), 2569);
  EXPECT_EQ(iso(parse_date("2569-02-28", "d")), "2026-02-28");
  EXPECT_THROW(parse_date("2026-02-29", "d"), Error);  // 2026 is not a leap year
  EXPECT_THROW(parse_date("2026-13-01", "d"), Error);
  EXPECT_THROW(parse_date("05/03/2026", "d"), Error);
  EXPECT_EQ(iso(parse_date("2569-03-05", "d")), "2026-03-05");
}

TEST(Numbering, RunsFromOneAndRestartsOnFirstJanuary) {
  Fixture f("calendar-year");
  f.env.set_now(kLastSecondOf2568 - 100);
  EXPECT_EQ(f.receive("ก").number, 1);
  EXPECT_EQ(f.receive("ข").number, 2);
  auto last = f.receive("ค");
  EXPECT_EQ(last.year, 2568);
  EXPECT_EQ(last.number, 3);
  f.env.set_now(kFirstSecondOf2569);
  auto first = f.receive("ง");
  EXPECT_EQ(first.year, 2569);
  EXPECT_EQ(first.number, 1);
  EXPECT_EQ(f.receive("จ").number, 2);
  // The secret register counts on its own.
  auto s = f.receive("ลับ ๑", Secrecy::Confidential);
  EXPECT_EQ(s.register_code, "secret");
  EXPECT_EQ(s.number, 1);
  EXPECT_EQ(f.receive("ฉ").number, 3);
}

TEST(Numbering, FiscalYearStartsOnFirstOctober) {
  Fixture f("fiscal-year");
  f.reg->set_office(f.admin, std::string("สพป.ทดสอบ"), std::string("ศธ ๐๔๐๙๙"), 10);
  f.env.set_now(kLastSecondOfFy2568);
  EXPECT_EQ(f.receive("ก").number, 1);
  auto b = f.receive("ข");
  EXPECT_EQ(b.year, 2568);
  EXPECT_EQ(b.number, 2);
  f.env.set_now(kFirstSecondOfFy2569);
  auto c = f.receive("ค");
  EXPECT_EQ(c.year, 2569);  // October 2025 opens fiscal year 2569
  EXPECT_EQ(c.number, 1);
  // And January does not restart a fiscal-year register.
  f.env.set_now(kFirstSecondOf2569);
  auto d = f.receive("ง");
  EXPECT_EQ(d.year, 2569);
  EXPECT_EQ(d.number, 2);
}

TEST(Numbering, CancelledEntryKeepsItsNumberWhichIsNeverReissued) {
  Fixture f("cancel");
  f.receive("ก");
  auto b = f.receive("ข");
  f.reg->cancel(f.clerk, b.id, "ลงทะเบียนซ้ำ");
  EXPECT_EQ(f.receive("ค").number, 3);
  auto shown = f.reg->show(f.clerk, b.id).entry;
  EXPECT_TRUE(shown.cancelled);
  EXPECT_EQ(shown.number, 2);
  EXPECT_EQ(shown.stage, Stage::Cancelled);
  std::int64_t total = 0;
  auto all = f.reg->list(f.clerk, EntryFilter{.register_code = "receive"}, &total);
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(total, 3);
}

TEST(Numbering, BatchReceiveIssuesConsecutiveNumbers) {
  Fixture f("batch");
  std::vector<ReceiveRequest> rs(300);
  for (std::size_t i = 0; i < rs.size(); ++i) {
    rs[i].sender = "โรงเรียน " + std::to_string(i);
    rs[i].subject = "ขอส่งรายงาน " + std::to_string(i);
  }
  auto issued = f.reg->receive_batch(f.clerk, rs);
  ASSERT_EQ(issued.size(), 300u);
  for (std::size_t i = 0; i < issued.size(); ++i) EXPECT_EQ(issued[i].number, static_cast<std::int64_t>(i + 1));
}

// Eight processes, 250 receives each, all at once, each receive its own transaction.
TEST(Numbering, EightConcurrentProcessesGetExactlyOneToTwoThousand) {
  Fixture f("concurrent");
  const int kProcs = 8, kEach = 250;
  std::string db = f.db;
  f.reg.reset();
  f.store.reset();  // no connection crosses a fork
  std::vector<pid_t> kids;
  int go[2];
  ASSERT_EQ(::pipe(go), 0);
  for (int p = 0; p < kProcs; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::close(go[1]);
      char c;
      if (::read(go[0], &c, 1) < 0) std::_Exit(3);  // start together
      try {
        testing::TestEnvironment env(testing::kMarch2026);
        auto store = SqlRegisterStore::open(db, env);
        Registry reg(*store, env);
        User clerk = reg.acting_user("somchai");
        for (int i = 0; i < kEach; ++i) {
          ReceiveRequest r;
          r.sender = "process " + std::to_string(p);
          r.subject = "หนังสือที่ " + std::to_string(i);
          reg.receive(clerk, r);
        }
      } catch (const std::exception& e) {
        std::fprintf(stderr, "child %d: %s\n", p, e.what());
        std::_Exit(1);
      }
      std::_Exit(0);
    }
    kids.push_back(pid);
  }
  ::close(go[0]);
  ::close(go[1]);  // EOF releases every child at once
  for (pid_t k : kids) {
    int st = 0;
    ::waitpid(k, &st, 0);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  }
  f.store = SqlRegisterStore::open(db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  auto all = f.reg->list(f.clerk, EntryFilter{.register_code = "receive", .year = 2569});
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kProcs * kEach));
  std::vector<std::int64_t> numbers;
  for (const auto& e : all) numbers.push_back(e.number);
  std::sort(numbers.begin(), numbers.end());
  for (int i = 0; i < kProcs * kEach; ++i) ASSERT_EQ(numbers[static_cast<std::size_t>(i)], i + 1);
  auto report = f.reg->verify(f.admin);
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
}

// The same through the real command line: four processes running `saraban receive`.
TEST(Numbering, ConcurrentCommandLineReceivesDoNotCollide) {
  Fixture f("concurrent-cli");
  std::string db = f.db;
  f.reg.reset();
  f.store.reset();
  const int kProcs = 4, kEach = 15;
  std::vector<pid_t> kids;
  for (int p = 0; p < kProcs; ++p) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      for (int i = 0; i < kEach; ++i) {
        auto r = testing::run_saraban({"--db", db, "--as", "somchai", "receive", "--from", "สพฐ.", "--subject",
                                       "ขอเชิญประชุม " + std::to_string(p) + "-" + std::to_string(i)});
        if (r.status != 0) std::_Exit(1);
      }
      std::_Exit(0);
    }
    kids.push_back(pid);
  }
  for (pid_t k : kids) {
    int st = 0;
    ::waitpid(k, &st, 0);
    EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  }
  auto r = testing::run_saraban({"--db", db, "--as", "somchai", "--json", "list", "--register", "receive"});
  ASSERT_EQ(r.status, 0) << r.err;
  std::set<long> numbers;
  for (std::size_t at = r.out.find("\"number\": "); at != std::string::npos; at = r.out.find("\"number\": ", at + 1))
    numbers.insert(std::stol(r.out.substr(at + 10)));
  ASSERT_EQ(numbers.size(), static_cast<std::size_t>(kProcs * kEach));
  EXPECT_EQ(*numbers.begin(), 1);
  EXPECT_EQ(*numbers.rbegin(), kProcs * kEach);
}

// A bulk import killed with SIGKILL leaves a register that opens, verifies and continues
// numbering after the last committed entry.
TEST(Numbering, SigkillDuringImportLeavesAConsistentRegister) {
  Fixture f("sigkill");
  std::string csv_path = f.dir + "/old-register.csv";
  {
    std::ofstream out(csv_path);
    out << "register,sender,subject,registered_at\n";
    for (int i = 0; i < 40000; ++i)
      out << "receive,โรงเรียนบ้านดอน " << i << ",\"ขอรายงานผลการดำเนินงานโครงการ, ครั้งที่ " << i
          << "\",2569-02-01 09:00\n";
  }
  std::string db = f.db;
  f.reg.reset();
  f.store.reset();
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    testing::TestEnvironment env(testing::kMarch2026);
    auto store = SqlRegisterStore::open(db, env);
    Registry reg(*store, env);
    std::ifstream in(csv_path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    reg.import_csv(reg.acting_user("somchai"), text, 500);
    std::_Exit(0);
  }
  // Kill once some chunks are committed but long before the end.
  bool some_committed = false;
  for (int i = 0; i < 400 && !some_committed; ++i) {
    ::usleep(20000);
    const std::string count = testing::query_one(db, "SELECT COUNT(*) FROM entries");
    some_committed = !count.empty() && std::stoll(count) >= 1000;
  }
  ::kill(pid, SIGKILL);
  int st = 0;
  ::waitpid(pid, &st, 0);
  ASSERT_TRUE(some_committed);
  ASSERT_TRUE(WIFSIGNALED(st)) << "the import finished before it could be killed";

  f.store = SqlRegisterStore::open(db, f.env);
  f.reg = std::make_unique<Registry>(*f.store, f.env);
  auto report = f.reg->verify(f.admin);
  EXPECT_TRUE(report.ok) << (report.problems.empty() ? "" : report.problems.front());
  std::int64_t committed = 0;
  f.reg->list(f.clerk, EntryFilter{.register_code = "receive", .year = 2569, .limit = 1}, &committed);
  EXPECT_GT(committed, 0);
  EXPECT_LT(committed, 40000);
  EXPECT_EQ(committed % 500, 0) << "a chunk was half committed";
  auto next = f.receive("หลังการนำเข้าที่ถูกขัดจังหวะ");
  EXPECT_EQ(next.number, committed + 1);
}

}  // namespace
}  // namespace saraban::registry
