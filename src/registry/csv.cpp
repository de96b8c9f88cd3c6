#include "registry/csv.h"

#include "base/error.h"

namespace saraban::registry::csv {

std::vector<std::vector<std::string>> parse(std::string_view t) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> cur;
  std::string f;
  bool quoted = false, any = false;
  std::size_t line = 1, quote_line = 0;
  if (t.size() >= 3 && t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);  // BOM from spreadsheets
  for (std::size_t i = 0; i < t.size(); ++i) {
    char c = t[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < t.size() && t[i + 1] == '"') {
          f += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        if (c == '\n') ++line;
        f += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      quote_line = line;
      any = true;
    } else if (c == ',') {
      cur.push_back(std::move(f));
      f.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      if (any || !f.empty()) {
        cur.push_back(std::move(f));
        rows.push_back(std::move(cur));
      }
      cur.clear();
      f.clear();
      any = false;
      ++line;
    } else {
      f += c;
      any = true;
    }
  }
  if (quoted) throw Error(ErrorCode::InvalidInput, "a quoted field is never closed", "line " + std::to_string(quote_line));
  if (any || !f.empty()) {
    cur.push_back(std::move(f));
    rows.push_back(std::move(cur));
  }
  return rows;
}

std::string field(std::string_view v) {
  if (v.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(v);
  std::string out = "\"";
  for (char c : v) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string row(const std::vector<std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += field(fields[i]);
  }
  out += '\n';
  return out;
}

}  // namespace saraban::registry::csv
