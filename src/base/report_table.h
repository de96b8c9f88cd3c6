#pragma once
// A report as plain values, apart from how it is written: the register computes these
// (registry/year_report.h), the documents stage sets them in a PDF, the XLSX and CSV writers
// put each table in a sheet or a file. One table per figure an auditor checks.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace saraban {

// A calendar date (CE), written as a date Excel sorts, and in Thai (BE) in a PDF.
struct ReportDate {
  int year = 0;  // CE
  int month = 0;
  int day = 0;
  bool operator==(const ReportDate&) const = default;
};

// Empty, text, a whole number, a decimal (a median in days, a percentage), a date.
using ReportValue = std::variant<std::monostate, std::string, std::int64_t, double, ReportDate>;

struct ReportColumn {
  std::string title;     // Thai header text
  std::string key;       // a stable ASCII name (CSV header comment, tests)
  int decimals = 0;      // for double values: digits after the point when shown
  bool identifier = false;  // a register number: written without thousands separators
};

struct ReportTable {
  std::string key;    // stable ASCII name: the CSV file's name, the XLSX sheet's position
  std::string title;  // Thai title: the sheet's name (cut to 31 characters), the PDF heading
  std::vector<ReportColumn> columns;
  std::vector<std::vector<ReportValue>> rows;  // each row has columns.size() values
  // A row that totals the ones above it (set in bold in the PDF); -1: none.
  int total_row = -1;
};

// A grouped bar chart: one group per category (a month), one bar per series in each.
struct ReportBarChart {
  std::string title;
  std::vector<std::string> categories;       // ม.ค. ก.พ. …
  std::vector<std::string> series;           // หนังสือรับ, หนังสือส่ง
  std::vector<std::vector<std::int64_t>> values;  // [series][category]
};

struct ReportHeading {
  std::string text;
  int level = 0;  // 0: a section, 1: a subsection
};

struct ReportParagraph {
  std::string text;
};

using ReportPart = std::variant<ReportHeading, ReportParagraph, ReportTable, ReportBarChart>;

struct ReportDocument {
  std::string title;     // the cover line and the PDF's title
  std::string subtitle;  // the office, the year
  std::string author;    // who made it (the acting user), in the PDF's info
  bool landscape = false;
  std::vector<ReportPart> parts;
};

}  // namespace saraban
