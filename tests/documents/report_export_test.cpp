// The yearly reports' XLSX and CSV, read back the way their users' tools read them: openpyxl
// for the workbook, Python's csv module for the CSV.
#include <dirent.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "base/error.h"
#include "cli/cli_support.h"
#include "documents/report_csv.h"
#include "documents/report_xlsx.h"

namespace saraban::documents {
namespace {

using nlohmann::json;
using saraban::testing::quote;
using saraban::testing::run;

// Titles: a 40-character one, one equal to it in its first 31 characters, one whose 32nd
// character is a Thai mark (the cut must not part it from its letter), one with characters
// Excel forbids in a sheet's name.
const std::string kTitle40 = "หนังสือรับจำแนกตามหน่วยงานผู้ส่งรายเดือน";
const std::string kTitleSame31 = "หนังสือรับจำแนกตามหน่วยงานผู้ส่งรายไตรมาส";
const std::string kTitleMarkAtCut = "จำนวนหนังสือรับแยกตามหน่วยงานผู้ส่งในรอบปี";
const std::string kTitleForbidden = "รับ/ส่ง [๒๕๖๗]: สรุป*?\\";

const std::string kMultiline = "ว่า \"ด่วน\",\nมาก";  // a quote, a comma and a line break

std::size_t code_points(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

ReportTable senders() {
  ReportTable t;
  t.key = "senders";
  t.title = kTitle40;
  t.columns = {{"หน่วยงาน", "sender"}, {"เลขทะเบียนรับ", "number", 0, true},
               {"จำนวน", "count"},    {"มัธยฐาน (วัน)", "median", 1},
               {"วันที่ลงรับ", "date"},   {"หมายเหตุ", "note"},
               {"ปี", "year"}};
  using V = ReportValue;
  t.rows = {
      {V("กรมส่งเสริมการปกครองท้องถิ่น"), V(std::int64_t{10234}), V(std::int64_t{1234567}), V(12.34),
       V(ReportDate{2024, 2, 29}), V("=SUM(A1)"), V(std::int64_t{1})},
      {V("น้ำท่วม, ฝนตก"), V(std::int64_t{10235}), V(std::int64_t{-42}), V(0.06), V(ReportDate{2023, 12, 31}),
       V("+66 81"), V(std::int64_t{2})},
      {V("-x"), V(std::int64_t{10236}), V(std::int64_t{0}), V(-0.04), V(), V("@y"), V(std::int64_t{3})},
      {V(kMultiline), V(std::int64_t{7}), V(std::int64_t{5}), V(3.0), V(ReportDate{2024, 1, 1}), V("\tแท็บ"),
       V(std::int64_t{4})},
      {V("รวม"), V(), V(std::int64_t{1234530}), V(), V(), V(), V(std::int64_t{10})},
  };
  t.total_row = 4;
  return t;
}

ReportTable one_column(const std::string& key, const std::string& title, const std::vector<std::string>& cells) {
  ReportTable t;
  t.key = key;
  t.title = title;
  t.columns = {{"รายการ", "item"}};
  for (const auto& c : cells) t.rows.push_back({ReportValue(c)});
  return t;
}

std::vector<ReportTable> workbook_tables() {
  return {senders(), one_column("quarterly", kTitleSame31, {std::string(70, 'k')}),
          one_column("yearly", kTitleMarkAtCut, {"ก"}), one_column("forbidden", kTitleForbidden, {"ข"})};
}

// A fresh folder as $TMPDIR for the writer; put back and removed at the end.
class ScopedTmpdir {
 public:
  ScopedTmpdir() : dir_(saraban::testing::temp_dir()) {
    if (const char* old = std::getenv("TMPDIR")) old_ = old, had_ = true;
    ::setenv("TMPDIR", dir_.c_str(), 1);
  }
  ~ScopedTmpdir() {
    if (had_) {
      ::setenv("TMPDIR", old_.c_str(), 1);
    } else {
      ::unsetenv("TMPDIR");
    }
    run("rm -rf " + quote(dir_));
  }
  const std::string& dir() const { return dir_; }
  std::vector<std::string> files() const {
    std::vector<std::string> names;
    if (DIR* d = ::opendir(dir_.c_str())) {
      while (const dirent* e = ::readdir(d))
        if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") names.push_back(e->d_name);
      ::closedir(d);
    }
    return names;
  }

 private:
  std::string dir_, old_;
  bool had_ = false;
};

// Every sheet as openpyxl sees it: title, frozen cell, widths, and each cell's value, Python
// type, number format and weight.
constexpr const char* kReadXlsx = R"PY(
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
p = wb.properties
out = {"title": p.title, "creator": p.creator, "created": p.created.isoformat() if p.created else None, "sheets": []}
for ws in wb.worksheets:
    rows = []
    for row in ws.iter_rows():
        cells = []
        for c in row:
            v = c.value
            kind = "None" if v is None else type(v).__name__
            if isinstance(v, datetime.datetime):
                v = v.isoformat()
            cells.append({"v": v, "t": kind, "f": c.number_format, "b": bool(c.font.b)})
        rows.append(cells)
    widths = {k: d.width for k, d in ws.column_dimensions.items()}
    out["sheets"].append({"title": ws.title, "freeze": ws.freeze_panes, "rows": rows, "widths": widths})
print(json.dumps(out, ensure_ascii=False))
)PY";

constexpr const char* kReadCsv = R"PY(
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    print(json.dumps(list(csv.reader(f)), ensure_ascii=False))
)PY";

json python_json(const char* script, const std::string& path) {
  const auto r = run("/usr/bin/python3 -I -c " + quote(script) + " " + quote(path));
  EXPECT_EQ(r.status, 0) << r.output;
  try {
    return json::parse(r.output);
  } catch (const json::exception& e) {
    ADD_FAILURE() << e.what() << "\n" << r.output;
    return json();
  }
}

json read_xlsx(const std::vector<std::uint8_t>& bytes, const std::string& dir) {
  const std::string path = dir + "/report.xlsx";
  saraban::testing::write_file(path, std::string(bytes.begin(), bytes.end()));
  return python_json(kReadXlsx, path);
}

void expect_cell(const json& cell, const std::string& type, const json& value, const std::string& format, bool bold,
                 const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(cell.at("t"), type);
  EXPECT_EQ(cell.at("v"), value);
  EXPECT_EQ(cell.at("f"), format);
  EXPECT_EQ(cell.at("b"), bold);
}

TEST(ReportXlsx, ValuesComeBackAsNumbersDatesAndThaiText) {
  const std::string dir = saraban::testing::temp_dir();
  const json wb = read_xlsx(report_xlsx(workbook_tables(), "รายงานประจำปี ๒๕๖๗", "นางสาวสมศรี ใจดี", 1700000000), dir);
  run("rm -rf " + quote(dir));
  ASSERT_TRUE(wb.is_object());
  EXPECT_EQ(wb["title"], "รายงานประจำปี ๒๕๖๗");
  EXPECT_EQ(wb["creator"], "นางสาวสมศรี ใจดี");
  EXPECT_EQ(wb["created"], "2023-11-14T22:13:20");
  ASSERT_EQ(wb["sheets"].size(), 4u);
  for (const auto& s : wb["sheets"]) EXPECT_EQ(s["freeze"].dump(), "\"A2\"") << s["title"];

  const json& rows = wb["sheets"][0]["rows"];
  ASSERT_EQ(rows.size(), 6u);
  const std::vector<std::string> header = {"หน่วยงาน", "เลขทะเบียนรับ", "จำนวน", "มัธยฐาน (วัน)", "วันที่ลงรับ", "หมายเหตุ", "ปี"};
  ASSERT_EQ(rows[0].size(), header.size());
  for (std::size_t c = 0; c < header.size(); ++c)
    expect_cell(rows[0][c], "str", header[c], "General", true, "header " + std::to_string(c));
  for (std::size_t r = 1; r < rows.size(); ++r) ASSERT_EQ(rows[r].size(), header.size()) << "row " << r;

  const auto row = [&](std::size_t r) { return [&, r](std::size_t c) { return rows[r][c]; }; };
  auto r1 = row(1);
  expect_cell(r1(0), "str", "กรมส่งเสริมการปกครองท้องถิ่น", "General", false, "A2");
  expect_cell(r1(1), "int", 10234, "0", false, "B2");
  expect_cell(r1(2), "int", 1234567, "#,##0", false, "C2");
  expect_cell(r1(3), "float", 12.34, "0.0", false, "D2");
  expect_cell(r1(4), "datetime", "2024-02-29T00:00:00", "d/m/yyyy", false, "E2");
  expect_cell(r1(5), "str", "=SUM(A1)", "General", false, "F2");  // text, never a formula
  expect_cell(r1(6), "int", 1, "#,##0", false, "G2");
  auto r2 = row(2);
  expect_cell(r2(0), "str", "น้ำท่วม, ฝนตก", "General", false, "A3");
  expect_cell(r2(2), "int", -42, "#,##0", false, "C3");
  expect_cell(r2(3), "float", 0.06, "0.0", false, "D3");
  expect_cell(r2(4), "datetime", "2023-12-31T00:00:00", "d/m/yyyy", false, "E3");
  expect_cell(r2(5), "str", "+66 81", "General", false, "F3");
  auto r3 = row(3);
  expect_cell(r3(0), "str", "-x", "General", false, "A4");
  expect_cell(r3(3), "float", -0.04, "0.0", false, "D4");
  expect_cell(r3(4), "None", nullptr, "General", false, "E4");  // a blank
  expect_cell(r3(5), "str", "@y", "General", false, "F4");
  auto r4 = row(4);
  expect_cell(r4(0), "str", kMultiline, "General", false, "A5");
  // A whole double is stored as "3": openpyxl (as Excel) gives it back as a whole number.
  expect_cell(r4(3), "int", 3, "0.0", false, "D5");
  expect_cell(r4(5), "str", "\tแท็บ", "General", false, "F5");
  auto total = row(5);
  expect_cell(total(0), "str", "รวม", "General", true, "A6");
  expect_cell(total(1), "None", nullptr, "General", true, "B6");
  expect_cell(total(2), "int", 1234530, "#,##0", true, "C6");
  expect_cell(total(6), "int", 10, "#,##0", true, "G6");

  EXPECT_EQ(wb["sheets"][1]["rows"][1][0]["v"], std::string(70, 'k'));
  EXPECT_EQ(wb["sheets"][2]["rows"][1][0]["v"], "ก");
}

TEST(ReportXlsx, SheetNamesAreCutWholeCleanAndUnique) {
  ASSERT_EQ(code_points(kTitle40), 40u);
  ASSERT_EQ(kTitle40.substr(0, 93), kTitleSame31.substr(0, 93));        // the same 31 characters
  const std::vector<std::string> want = {"หนังสือรับจำแนกตามหน่วยงานผู้ส่",    // 31
                                         "หนังสือรับจำแนกตามหน่วยงาน (2)",  // ผู้ is one letter: not parted
                                         "จำนวนหนังสือรับแยกตามหน่วยงาน",   // likewise
                                         "รับ-ส่ง -๒๕๖๗-- สรุป---"};
  EXPECT_EQ(sheet_names(workbook_tables()), want);

  const std::string dir = saraban::testing::temp_dir();
  const json wb = read_xlsx(report_xlsx(workbook_tables(), "t", "a"), dir);
  run("rm -rf " + quote(dir));
  ASSERT_EQ(wb["sheets"].size(), want.size());
  std::set<std::string> seen;
  for (std::size_t i = 0; i < want.size(); ++i) {
    const std::string title = wb["sheets"][i]["title"];
    EXPECT_EQ(title, want[i]);
    EXPECT_LE(code_points(title), 31u) << title;
    EXPECT_TRUE(seen.insert(title).second) << title;
  }

  // Excel compares names without case, keeps "History", refuses an apostrophe at either end.
  const std::vector<ReportTable> others = {one_column("a", "Summary", {}), one_column("b", "SUMMARY", {}),
                                           one_column("c", "history", {}), one_column("d", "'ปี'", {}),
                                           one_column("e", "", {})};
  EXPECT_EQ(sheet_names(others), (std::vector<std::string>{"Summary", "SUMMARY (2)", "history (2)", "-ปี-", "e"}));
}

TEST(ReportXlsx, ColumnsAreAsWideAsTheirWidestCell) {
  EXPECT_EQ(display_width("น้ำท่วม, ฝนตก"), 11u);  // ้ and ่ take no width; ำ does
  EXPECT_EQ(display_width(kMultiline), 9u);      // the wider line
  const std::string dir = saraban::testing::temp_dir();
  const json wb = read_xlsx(report_xlsx(workbook_tables(), "t", "a"), dir);
  run("rm -rf " + quote(dir));
  ASSERT_EQ(wb["sheets"].size(), 4u);
  // libxlsxwriter stores n characters as n + 5/7 (the cell padding of Calibri 11).
  const auto chars = [&](std::size_t sheet, const char* col) {
    return std::floor(wb["sheets"][sheet]["widths"].at(col).get<double>());
  };
  EXPECT_EQ(chars(0, "A"), 23);  // กรมส่งเสริมการปกครองท้องถิ่น
  EXPECT_EQ(chars(0, "B"), 11);  // the header เลขทะเบียนรับ
  EXPECT_EQ(chars(0, "C"), 9);   // 1,234,567
  EXPECT_EQ(chars(0, "D"), 11);  // the header มัธยฐาน (วัน)
  EXPECT_EQ(chars(0, "E"), 10);  // 31/12/2023
  EXPECT_EQ(chars(0, "F"), 8);   // =SUM(A1)
  EXPECT_EQ(chars(0, "G"), 6);   // at least 6
  EXPECT_EQ(chars(1, "A"), 60);  // at most 60
  EXPECT_EQ(chars(2, "A"), 6);
}

TEST(ReportXlsx, SameInputSameBytesAndNoTemporaryFileLeft) {
  ScopedTmpdir tmp;
  const auto a = report_xlsx(workbook_tables(), "รายงาน", "ผู้จัดทำ", 1700000000);
  const auto b = report_xlsx(workbook_tables(), "รายงาน", "ผู้จัดทำ", 1700000000);
  ASSERT_GT(a.size(), 1000u);
  EXPECT_EQ(a[0], 'P');  // a ZIP file
  EXPECT_EQ(a[1], 'K');
  EXPECT_TRUE(a == b);
  EXPECT_TRUE(tmp.files().empty());
}

TEST(ReportXlsx, ErrorsNameTheSheetAndCellAndLeaveNoTemporaryFile) {
  ScopedTmpdir tmp;
  const auto expect_error = [&](ReportValue v, ErrorCode code, const std::string& context) {
    std::vector<ReportTable> tables = {one_column("ok", "ดี", {"ก"}), one_column("bad", "ผิด", {"ก", "ข"})};
    tables[1].rows[1][0] = std::move(v);
    try {
      report_xlsx(tables, "t", "a");
      ADD_FAILURE() << "no error for " << context;
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), code) << e.what();
      EXPECT_EQ(e.context().substr(0, context.size()), context) << e.what();
    }
    EXPECT_TRUE(tmp.files().empty()) << context;
  };
  expect_error(std::string(40000, 'x'), ErrorCode::InvalidInput, "sheet 'ผิด', cell A3");  // over Excel's 32,767
  expect_error(ReportDate{2023, 2, 29}, ErrorCode::InvalidInput, "sheet 'ผิด', cell A3");
  expect_error(std::nan(""), ErrorCode::InvalidInput, "sheet 'ผิด', cell A3");
  expect_error(std::string("\xE0\xB8"), ErrorCode::InvalidUtf8, "sheet 'ผิด', cell A3");

  std::vector<ReportTable> short_row = {one_column("bad", "ผิด", {"ก"})};
  short_row[0].rows[0].clear();
  EXPECT_THROW(report_xlsx(short_row, "t", "a"), Error);
  EXPECT_TRUE(tmp.files().empty());
}

TEST(ReportCsv, ReadsBackThroughPythonCsvCellForCell) {
  const std::string csv = report_csv(senders());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  const std::string dir = saraban::testing::temp_dir();
  saraban::testing::write_file(dir + "/senders.csv", csv);
  const json rows = python_json(kReadCsv, dir + "/senders.csv");
  run("rm -rf " + quote(dir));
  const std::vector<std::vector<std::string>> want = {
      {"หน่วยงาน", "เลขทะเบียนรับ", "จำนวน", "มัธยฐาน (วัน)", "วันที่ลงรับ", "หมายเหตุ", "ปี"},
      {"กรมส่งเสริมการปกครองท้องถิ่น", "10234", "1234567", "12.3", "2024-02-29", "'=SUM(A1)", "1"},
      {"น้ำท่วม, ฝนตก", "10235", "-42", "0.1", "2023-12-31", "'+66 81", "2"},
      {"'-x", "10236", "0", "0.0", "", "'@y", "3"},  // a negative number is not guarded; -0.04 is 0.0
      {kMultiline, "7", "5", "3.0", "2024-01-01", "'\tแท็บ", "4"},
      {"รวม", "", "1234530", "", "", "", "10"},
  };
  EXPECT_EQ(rows.get<std::vector<std::vector<std::string>>>(), want);
}

TEST(ReportCsv, QuotesCommaQuoteAndLineBreakAndGuardsFormulas) {
  ReportTable t = one_column("notes", "บันทึก", {kMultiline, "a,b", "x\ry", "=1,2", "\rแถว", "ธรรมดา"});
  t.columns.push_back({"ค่า, หน่วย", "value", 2});
  const std::vector<ReportValue> values = {ReportValue(-1.5),   ReportValue(std::int64_t{-7}),
                                           ReportValue(),       ReportValue(ReportDate{2024, 3, 5}),
                                           ReportValue(1234.5), ReportValue(0.125)};
  for (std::size_t r = 0; r < t.rows.size(); ++r) t.rows[r].push_back(values[r]);
  const std::string want =
      "\xEF\xBB\xBF"
      "รายการ,\"ค่า, หน่วย\"\r\n"
      "\"ว่า \"\"ด่วน\"\",\nมาก\",-1.50\r\n"
      "\"a,b\",-7\r\n"
      "\"x\ry\",\r\n"
      "\"'=1,2\",2024-03-05\r\n"
      "\"'\rแถว\",1234.50\r\n"
      "ธรรมดา,0.12\r\n";  // 0.125 to two places: round half to even, as printf does
  EXPECT_EQ(report_csv(t), want);
}

TEST(ReportCsv, RefusesRowsThatDoNotFitAndImpossibleValues) {
  ReportTable t = one_column("bad", "ผิด", {"ก"});
  t.rows[0].push_back(ReportValue("ข"));
  try {
    report_csv(t);
    ADD_FAILURE() << "a row of 2 values under 1 column was written";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
    EXPECT_EQ(e.context(), "table 'bad', row 2");
  }
  t.rows[0] = {ReportValue(ReportDate{2023, 13, 1})};
  EXPECT_THROW(report_csv(t), Error);
  t.rows[0] = {ReportValue(std::nan(""))};
  EXPECT_THROW(report_csv(t), Error);
}

}  // namespace
}  // namespace saraban::documents
