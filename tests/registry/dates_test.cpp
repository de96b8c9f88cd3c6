// Dates and the clock: one stored form (CE ISO), BE or CE typed within one accepted range, BE
// shown; the register's time is the wall clock whatever SOURCE_DATE_EPOCH says; the numbering
// year's start cannot move in the middle of a numbered year.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <cstdlib>
#include <ctime>

#include "base/error.h"
#include <nlohmann/json.hpp>
#include "registry/calendar.h"
#include "registry_test_support.h"
#include "text/typed_dates.h"

namespace saraban::registry {
namespace {

using testing::Fixture;
using testing::run_saraban;

std::string refusal(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.message();
  }
  return "(accepted)";
}

TEST(Dates, TypedBuddhistEraAndCommonEraMeanTheSameDay) {
  EXPECT_EQ(iso(parse_date("2569-02-14", "--dated")), "2026-02-14");
  EXPECT_EQ(iso(parse_date("2026-02-14", "--dated")), "2026-02-14");
  // A BE leap day is checked against the CE year it belongs to (2567 = 2024, a leap year).
  EXPECT_EQ(iso(parse_date("2567-02-29", "--dated")), "2024-02-29");
  EXPECT_NE(refusal([] { parse_date("2568-02-29", "--dated"); }).find("no such day"), std::string::npos);
  EXPECT_EQ(parse_year_be("2026", "--year"), 2569);
  EXPECT_EQ(parse_year_be("2569", "--year"), 2569);
}

TEST(Dates, ImplausibleDatesAreRefusedNamingTheAcceptedRange) {
  for (const char* typed : {"0001-01-01", "9999-12-31", "2947-02-29", "1856-12-31", "2701-01-01", "2158-01-01"}) {
    std::string msg = refusal([&] { parse_date(typed, "--dated"); });
    EXPECT_NE(msg.find("BE 2400..2700 (CE 1857..2157)"), std::string::npos) << typed << ": " << msg;
  }
  EXPECT_NE(refusal([] { parse_year_be("9999", "--year"); }).find("BE 2400..2700"), std::string::npos);
  EXPECT_NE(refusal([] { parse_year_be("1", "--year"); }).find("BE 2400..2700"), std::string::npos);
  // The edges are in.
  EXPECT_EQ(iso(parse_date("2400-01-01", "--dated")), "1857-01-01");
  EXPECT_EQ(iso(parse_date("2157-12-31", "--dated")), "2157-12-31");
}

TEST(Dates, StoredDatesAreNeverReadAsBuddhistEraAgain) {
  // CE 2404 looks like a BE year; read back from the database it is still CE 2404 = BE 2947.
  EXPECT_EQ(be_iso("2404-02-29"), "2947-02-29");
  EXPECT_EQ(thai_date("2404-02-29", false), "29 ก.พ. 2947");
  EXPECT_EQ(be_iso("2026-03-05"), "2569-03-05");
  EXPECT_EQ(thai_date("2026-03-05", true), "๕ มี.ค. ๒๕๖๙");
}

struct CliDates : ::testing::Test {
  std::string dir, db;
  void SetUp() override {
    dir = testing::temp_dir(std::string("dates-") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    db = dir + "/registry.db";
    ASSERT_EQ(sar({"init"}).status, 0);
    ASSERT_EQ(sar({"user", "add", "somchai", "--role", "clerk"}, "admin").status, 0);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }
  testing::RunResult sar(std::vector<std::string> args, const std::string& as = "") {
    args.insert(args.begin(), {"--db", db});
    return run_saraban(args, as);
  }
  // The one entry's JSON from list, show and export all succeed.
  void expect_readable(const std::string& dated_be) {
    auto l = sar({"--json", "list"}, "somchai");
    ASSERT_EQ(l.status, 0) << l.err;
    EXPECT_NE(l.out.find("\"dated\": \"" + dated_be + "\""), std::string::npos) << l.out;
    auto id = nlohmann::json::parse(l.out)["entries"][0]["id"].get<std::int64_t>();
    auto s = sar({"show", std::to_string(id)}, "somchai");
    EXPECT_EQ(s.status, 0) << s.err;
    auto x = sar({"export", "--csv", dir + "/out.csv"}, "somchai");
    EXPECT_EQ(x.status, 0) << x.err;
    EXPECT_NE(testing::slurp(dir + "/out.csv").find(dated_be), std::string::npos);
  }
};

TEST_F(CliDates, BuddhistLeapDayOutsideTheRangeIsRefusedAndTheRegisterStaysReadable) {
  auto r = sar({"receive", "--from", "ก", "--subject", "ข", "--dated", "2947-02-29"}, "somchai");
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("BE 2400..2700"), std::string::npos) << r.err;
  ASSERT_EQ(sar({"receive", "--from", "ก", "--subject", "ข", "--dated", "2567-02-29"}, "somchai").status, 0);
  expect_readable("2567-02-29");
}

TEST_F(CliDates, ARegisterHoldingAFarFutureDateStillListsShowsAndExports) {
  // A register written by an older saraban holds CE 2404-02-29 (typed as BE 2947-02-29).
  ASSERT_EQ(sar({"receive", "--from", "ก", "--subject", "ข", "--dated", "2569-02-14"}, "somchai").status, 0);
  ASSERT_EQ(testing::tamper(db, "UPDATE entries SET dated = '2404-02-29'"), SQLITE_OK);
  expect_readable("2947-02-29");
}

TEST_F(CliDates, ImplausibleDatesAreRefusedAtTheCommandLine) {
  for (const char* d : {"0001-01-01", "9999-12-31"}) {
    auto r = sar({"receive", "--from", "ก", "--subject", "ข", "--dated", d}, "somchai");
    EXPECT_NE(r.status, 0) << d;
    EXPECT_NE(r.err.find("BE 2400..2700 (CE 1857..2157)"), std::string::npos) << r.err;
  }
  auto l = sar({"list", "--year", "9999"}, "somchai");
  EXPECT_NE(l.status, 0);
  EXPECT_NE(l.err.find("BE 2400..2700"), std::string::npos) << l.err;
}

// SOURCE_DATE_EPOCH is for reproducible PDFs; a clerk setting it must not move the register.
TEST_F(CliDates, SourceDateEpochDoesNotSetTheRegistersClock) {
  const int this_year_be = local_date(static_cast<std::int64_t>(std::time(nullptr))).year + 543;
  for (const char* epoch : {"1700000000", "253402300799"}) {  // 2566, and the last second of 9999
    ::setenv("SOURCE_DATE_EPOCH", epoch, 1);
    auto r = sar({"--json", "receive", "--from", "ก", "--subject", "ข"}, "somchai");
    ::unsetenv("SOURCE_DATE_EPOCH");
    ASSERT_EQ(r.status, 0) << r.err;
    int year = nlohmann::json::parse(r.out)["year"].get<int>();
    // The year of the wall clock (the test may straddle New Year by a second).
    EXPECT_TRUE(year == this_year_be || year == this_year_be + 1) << epoch << ": " << r.out;
  }
  auto l = sar({"--json", "list"}, "somchai");
  ASSERT_EQ(l.status, 0) << l.err;
  EXPECT_EQ(nlohmann::json::parse(l.out)["count"].get<int>(), 2);
}

TEST(Clock, WallClockIgnoresSourceDateEpochAndTheDocumentTimeHonoursIt) {
  ::setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
  std::int64_t wall = system_environment().now();
  std::int64_t doc = system_environment().document_time();
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(doc, 1700000000);
  EXPECT_GE(wall, static_cast<std::int64_t>(std::time(nullptr)) - 5);
  // Unset, the document time is the wall clock.
  EXPECT_LE(std::llabs(system_environment().document_time() - system_environment().now()), 1);
}

// 2026-11-10 10:00 in Bangkok: calendar year 2569, fiscal year 2570.
constexpr std::int64_t kNovember2026 = 1794279600;

TEST(YearStart, ChangingItInTheMiddleOfANumberedYearIsRefused) {
  Fixture f("year-start-mid");
  f.env.set_now(kNovember2026);
  ASSERT_EQ(local_date(kNovember2026).month, 11);
  auto first = f.receive("ขอเชิญประชุม");
  EXPECT_EQ(first.year, 2569);
  std::string msg = refusal([&] { f.reg->set_office(f.admin, std::nullopt, std::nullopt, 10); });
  EXPECT_NE(msg.find("receive register has issued numbers for 2569"), std::string::npos) << msg;
  EXPECT_NE(msg.find("2570"), std::string::npos) << msg;
  EXPECT_EQ(f.reg->office().year_start_month, 1);
  // Numbering goes on where it was: no 2570/1 between 2569/1 and 2569/2.
  auto second = f.receive("ขอรายงานผล");
  EXPECT_EQ(second.year, 2569);
  EXPECT_EQ(second.number, 2);
}

TEST(YearStart, ChangingItWhereBothStartsGiveTheSameYearTakesEffectAtTheBoundary) {
  Fixture f("year-start-ok");  // 5 March 2026: 2569 either way
  auto first = f.receive("ขอเชิญประชุม");
  f.reg->set_office(f.admin, std::nullopt, std::nullopt, 10);
  EXPECT_EQ(f.reg->office().year_start_month, 10);
  EXPECT_EQ(f.receive("ขอรายงานผล").number, first.number + 1);
  f.env.set_now(kNovember2026);  // the fiscal year 2570 has begun
  auto later = f.receive("ขออนุมัติ");
  EXPECT_EQ(later.year, 2570);
  EXPECT_EQ(later.number, 1);
}

TEST(YearStart, TheRefusalDoesNotNameTheSecretRegisterToTheUncleared) {
  Fixture f("year-start-secret");
  f.env.set_now(kNovember2026);
  f.receive("เรื่องลับ", Secrecy::Secret);
  std::string msg = refusal([&] { f.reg->set_office(f.admin, std::nullopt, std::nullopt, 10); });
  EXPECT_NE(msg.find("a register has issued numbers for 2569"), std::string::npos) << msg;
  EXPECT_EQ(msg.find("secret"), std::string::npos) << msg;
}

TEST(YearStart, AnEmptyRegisterMayChangeItAnyDay) {
  Fixture f("year-start-empty");
  f.env.set_now(kNovember2026);
  f.reg->set_office(f.admin, std::nullopt, std::nullopt, 10);
  EXPECT_EQ(f.receive("ขอเชิญประชุม").year, 2570);
}

}  // namespace
}  // namespace saraban::registry
