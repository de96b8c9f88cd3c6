// End to end: `saraban report` on a register made by `saraban demo`. The yearly summary's
// figures are checked against SQL by tests/reports/check_year_report.py; here: the register
// books and the lists (rows as SQL counts them, headers on every page, cancelled numbers), a
// year without letters, and bad input that must leave no file behind.
#include <gtest/gtest.h>

#include <regex>
#include <string>

#include "cli_support.h"

namespace saraban::testing {
namespace {

std::string sql(const std::string& db, const std::string& query) {
  auto r = run("sqlite3 -readonly " + quote(db) + " " + quote(query));
  while (!r.output.empty() && (r.output.back() == '\n' || r.output.back() == '\r')) r.output.pop_back();
  return r.output;
}

int pages(const std::string& pdf) {
  const auto info = run("pdfinfo " + quote(pdf)).output;
  std::smatch m;
  return std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))")) ? std::stoi(m[1]) : 0;
}

std::string page_text(const std::string& pdf, int page) {
  return run("pdftotext -enc UTF-8 -f " + std::to_string(page) + " -l " + std::to_string(page) + " " + quote(pdf) + " -").output;
}

std::size_t count_of(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + needle.size())) ++n;
  return n;
}

// CSV data rows (after the header), a quoted field taken whole.
std::size_t csv_rows(const std::string& csv) {
  std::size_t rows = 0;
  bool quoted = false;
  for (char c : csv) {
    if (c == '"') quoted = !quoted;
    else if (c == '\n' && !quoted) ++rows;
  }
  return rows - 1;
}

class ReportCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::string(temp_dir());
    db_ = new std::string(*dir_ + "/register.db");
    const auto r = run(saraban("--db " + quote(*db_) + " demo --year 2569 --letters 1500 --seed 3"));
    ASSERT_EQ(r.status, 0) << r.output;
  }
  static void TearDownTestSuite() { run("rm -rf " + quote(*dir_)); }
  CommandResult report(const std::string& user, const std::string& args) {
    return run(saraban("--db " + quote(*db_) + " --as " + user + " report " + args));
  }
  static std::string* dir_;
  static std::string* db_;
};
std::string* ReportCommand::dir_ = nullptr;
std::string* ReportCommand::db_ = nullptr;

TEST_F(ReportCommand, ReceiveBookHasEveryNumberTheHeaderOnEachPageAndCancelledMarked) {
  const std::string pdf = *dir_ + "/book.pdf", csv = *dir_ + "/book.csv";
  const auto r = report("prasert", "book --register receive --year 2569 -o " + quote(pdf) + " --csv " + quote(csv));
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string want = sql(*db_, "SELECT COUNT(*) FROM entries WHERE register='receive' AND year=2569");
  EXPECT_EQ(std::to_string(csv_rows(read_file(csv))), want);
  const int n = pages(pdf);
  ASSERT_GT(n, 5);
  for (int p : {1, n / 2, n}) {
    const std::string t = strip_white(page_text(pdf, p));
    EXPECT_NE(t.find("เลขทะเบียนรับ"), std::string::npos) << "header on page " << p;
    EXPECT_NE(t.find("การปฏิบัติ"), std::string::npos) << "header on page " << p;
  }
  const std::string all = strip_white(mupdf_text(pdf));
  const std::string cancelled = sql(*db_, "SELECT COUNT(*) FROM entries WHERE register='receive' AND year=2569 AND cancelled=1");
  EXPECT_EQ(std::to_string(count_of(all, "ยกเลิกเลขนี้")), cancelled);
  // The last number in Thai digits, without a thousands separator.
  std::string last = sql(*db_, "SELECT MAX(number) FROM entries WHERE register='receive' AND year=2569");
  std::string thai;
  for (char c : last) thai += std::string("๐๑๒๓๔๕๖๗๘๙").substr(static_cast<std::size_t>(c - '0') * 3, 3);
  EXPECT_NE(all.find(thai), std::string::npos) << thai;
}

// poppler orders blocks by geometry, MuPDF by the content stream: both must read every table
// (wrapped cells, the chart's values, headers over empty columns) row by row, as --text says.
TEST_F(ReportCommand, BothReadersReadTheSummaryAndTheBookInTheTextsOrder) {
  for (const std::string what : {"year 2569", "book --register receive --year 2569"}) {
    const std::string pdf = *dir_ + "/order.pdf", txt = *dir_ + "/order.txt";
    ASSERT_EQ(report("prasert", what + " -o " + quote(pdf) + " --text " + quote(txt)).status, 0) << what;
    const std::string want = strip_white(read_file(txt));
    ASSERT_GT(want.size(), 1000u) << what;
    const auto where = [&](const std::string& got) {  // the first difference, not two books' text
      std::size_t i = 0;
      while (i < got.size() && i < want.size() && got[i] == want[i]) ++i;
      i -= std::min<std::size_t>(i, 90);
      return "…" + want.substr(i, 240) + "… read as …" + got.substr(i, 240) + "…";
    };
    const std::string poppler = strip_white(pdftotext(pdf)), mupdf = strip_white(mupdf_text(pdf));
    EXPECT_TRUE(poppler == want) << what << ", poppler: " << where(poppler);
    EXPECT_TRUE(mupdf == want) << what << ", MuPDF: " << where(mupdf);
  }
}

TEST_F(ReportCommand, SendBookHasTheSendColumns) {
  const std::string pdf = *dir_ + "/send.pdf";
  ASSERT_EQ(report("napa", "book --register send --year 2569 -o " + quote(pdf)).status, 0);
  const std::string t = strip_white(page_text(pdf, 1));
  EXPECT_NE(t.find("เลขทะเบียนส่ง"), std::string::npos);
  EXPECT_EQ(t.find("การปฏิบัติ"), std::string::npos) << "the send register has no action column";
}

TEST_F(ReportCommand, DisposalAndHandoverListTheLettersSqlFinds) {
  const std::string csv = *dir_ + "/disposal.csv";
  ASSERT_EQ(report("prasert", "disposal --year 2570 -o " + quote(*dir_ + "/disposal.pdf") + " --csv " + quote(csv)).status, 0);
  const std::string want = sql(*db_, "SELECT COUNT(*) FROM entries WHERE stage='filed' AND keep_until <= 2570 AND secrecy <= 2");
  ASSERT_NE(want, "0") << "the demo files some letters for one year";
  EXPECT_EQ(std::to_string(csv_rows(read_file(csv))), want);
  EXPECT_NE(strip_white(pdftotext(*dir_ + "/disposal.pdf")).find("การพิจารณา"), std::string::npos);
  const std::string hcsv = *dir_ + "/handover.csv";
  ASSERT_EQ(report("prasert", "handover --year 2589 -o " + quote(*dir_ + "/handover.pdf") + " --csv " + quote(hcsv)).status, 0);
  const std::string kept = sql(*db_, "SELECT COUNT(*) FROM entries WHERE stage='filed' AND year <= 2569 AND keep_until >= year + 20 AND secrecy <= 2");
  EXPECT_EQ(std::to_string(csv_rows(read_file(hcsv))), kept);
}

TEST_F(ReportCommand, AnUnclearedReadersListsLeaveSecretLettersOut) {
  const std::string csv = *dir_ + "/disposal-napa.csv";
  ASSERT_EQ(report("napa", "disposal --year 2570 -o " + quote(*dir_ + "/d-napa.pdf") + " --csv " + quote(csv)).status, 0);
  EXPECT_EQ(std::to_string(csv_rows(read_file(csv))),
            sql(*db_, "SELECT COUNT(*) FROM entries WHERE stage='filed' AND keep_until <= 2570 AND secrecy = 0"));
  const std::string book = *dir_ + "/secret-napa.pdf";
  ASSERT_EQ(report("napa", "book --register secret --year 2569 -o " + quote(book)).status, 0);
  EXPECT_EQ(pages(book), 1) << "an empty book, no hint of what is in it";
}

TEST_F(ReportCommand, AYearWithoutLettersIsAReportThatSaysSo) {
  const std::string pdf = *dir_ + "/empty.pdf";
  const auto r = report("prasert", "year 2560 -o " + quote(pdf) + " --csv " + quote(*dir_ + "/empty-csv"));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(strip_white(pdftotext(pdf)).find("ไม่มีหนังสือ"), std::string::npos);
}

TEST_F(ReportCommand, BadInputIsRefusedAndWritesNothing) {
  const std::string out = *dir_ + "/bad.pdf";
  auto r = report("prasert", "book --register nosuch --year 2569 -o " + quote(out));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("nosuch"), std::string::npos) << r.output;
  r = report("prasert", "year 2569 -o " + quote(out) + " --xlsx " + quote(*dir_ + "/no/such/folder/r.xlsx"));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("no/such/folder"), std::string::npos) << r.output;
  EXPECT_FALSE(exists(out)) << "no PDF when another output cannot be written";
  r = report("prasert", "year 2569 -o " + quote(*db_));
  EXPECT_NE(r.status, 0) << "never over the register";
  r = report("nobody", "year 2569 -o " + quote(out));
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("nobody"), std::string::npos) << r.output;
  r = report("prasert", "year -o " + quote(out));
  EXPECT_NE(r.status, 0);
  r = report("prasert", "summary 2569 -o " + quote(out));
  EXPECT_NE(r.status, 0);
  EXPECT_FALSE(exists(out));
}

}  // namespace
}  // namespace saraban::testing
