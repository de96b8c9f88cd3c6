#include "registry/csv.h"

#include "base/error.h"

namespace saraban::registry::csv {
namespace {

[[noreturn]] void malformed(const std::string& why, std::size_t line, std::size_t column) {
  throw Error(ErrorCode::InvalidInput, why, "line " + std::to_string(line) + ", column " + std::to_string(column));
}

}  // namespace

std::vector<Row> parse_rows(std::string_view t) {
  std::vector<Row> rows;
  if (t.substr(0, 3) == "\xEF\xBB\xBF") t.remove_prefix(3);  // BOM from spreadsheets (and our export)
  Row cur;
  std::string f;
  std::size_t line = 1, i = 0;
  bool row_has_text = false;
  auto end_field = [&] {
    cur.fields.push_back(std::move(f));
    f.clear();
  };
  auto end_row = [&] {
    if (row_has_text || !cur.fields.empty()) {
      end_field();
      rows.push_back(std::move(cur));
    }
    cur = Row{};
    f.clear();
    row_has_text = false;
  };
  while (i < t.size()) {
    if (!row_has_text && cur.fields.empty()) cur.line = line;
    char c = t[i];
    if (c == '"' && f.empty()) {
      // A quoted field runs to the next lone quote.
      std::size_t open_line = line, column = cur.fields.size() + 1;
      row_has_text = true;
      ++i;
      for (;;) {
        if (i >= t.size()) malformed("a quoted field is never closed", open_line, column);
        if (t[i] == '"') {
          if (i + 1 < t.size() && t[i + 1] == '"') {
            f += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (t[i] == '\n') ++line;
        f += t[i++];
      }
      if (i < t.size() && t[i] != ',' && t[i] != '\n' && t[i] != '\r')
        malformed("text after the closing quote of a field", line, column);
      continue;
    }
    if (c == ',') {
      end_field();
      row_has_text = true;
      ++i;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < t.size() && t[i + 1] == '\n') ++i;
      ++i;
      end_row();
      ++line;
    } else {
      if (c == '"') malformed("a quote inside an unquoted field (quote the whole field and double the quote)", line,
                              cur.fields.size() + 1);
      f += c;
      row_has_text = true;
      ++i;
    }
  }
  end_row();
  return rows;
}

std::vector<std::vector<std::string>> parse(std::string_view text) {
  std::vector<std::vector<std::string>> out;
  for (auto& r : parse_rows(text)) out.push_back(std::move(r.fields));
  return out;
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
