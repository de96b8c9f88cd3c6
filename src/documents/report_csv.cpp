#include "documents/report_csv.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "base/error.h"
#include "base/overloaded.h"

namespace saraban::documents {

namespace {

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string quoted(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string text_field(const std::string& s) {
  const bool formula_like = !s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos;
  return quoted(formula_like ? "'" + s : s);
}

// Fixed decimals with '.' whatever the locale; no "-0.0".
std::string fixed(double v, int decimals) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, std::max(decimals, 0));
  std::string s(buf, r.ptr);
  if (s[0] == '-' && s.find_first_not_of("-0.") == std::string::npos) s.erase(0, 1);
  return s;
}

bool valid_date(const ReportDate& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  if (d.year < 1 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= kDays[d.month - 1] + (d.month == 2 && leap ? 1 : 0);
}

// `where` names the cell, made only for an error.
template <class Where>
std::string field(const ReportValue& v, const ReportColumn& c, const Where& where) {
  return std::visit(Overloaded{[](const std::monostate&) { return std::string(); },
                               [](const std::string& s) { return text_field(s); },
                               [](const std::int64_t& n) { return std::to_string(n); },
                               [&](const double& d) {
                                 if (!std::isfinite(d))
                                   throw Error(ErrorCode::InvalidInput, "CSV: a number that is not finite", where());
                                 return fixed(d, c.decimals);
                               },
                               [&](const ReportDate& d) {
                                 char buf[32];
                                 std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
                                 if (!valid_date(d))
                                   throw Error(ErrorCode::InvalidInput, "CSV: not a date", where() + ": " + buf);
                                 return std::string(buf);
                               }},
                    v);
}

}  // namespace

std::string report_csv(const ReportTable& t) {
  std::string out = "\xEF\xBB\xBF";  // Excel reads the file as UTF-8 only with it
  for (std::size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + text_field(t.columns[i].title);
  out += "\r\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    const auto line = [&] { return "table '" + t.key + "', row " + std::to_string(r + 2); };
    if (row.size() != t.columns.size())
      throw Error(ErrorCode::InvalidInput,
                  "CSV: a row has " + std::to_string(row.size()) + " values for " + std::to_string(t.columns.size()) +
                      " columns",
                  line());
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) out += ",";
      out += field(row[i], t.columns[i], [&] { return line() + ", column '" + t.columns[i].key + "'"; });
    }
    out += "\r\n";
  }
  return out;
}

}  // namespace saraban::documents
