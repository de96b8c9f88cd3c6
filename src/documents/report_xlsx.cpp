#include "documents/report_xlsx.h"

#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string_view>

#include "base/error.h"
#include "base/overloaded.h"
#include "documents/xlsx_handles.h"

namespace saraban::documents {

namespace {

constexpr std::size_t kSheetNameLimit = 31;  // Excel's, in UTF-16 code units
constexpr std::size_t kMinWidth = 6, kMaxWidth = 60;
constexpr double kExactDoubleLimit = 9007199254740992.0;  // 2^53: larger integers lose digits

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;
  bool valid = false;
};

CodePoint decode(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return {c, 1, true};
  const std::size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return {};
  char32_t cp = c & (0xFF >> (len + 1));
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return {};
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  const bool overlong = (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return {};
  return {cp, len, true};
}

// Marks above and below a Thai letter: they take no width of their own.
bool thai_mark(char32_t cp) { return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E); }

// What an error is about: a text, or a function that makes it (cells are many, errors few).
std::string context_text(const std::string& s) { return s; }
std::string context_text(const char* s) { return s; }
template <class F>
std::string context_text(const F& f) {
  return f();
}

template <class Context>
void require_utf8(std::string_view s, const Context& where) {
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    if (!cp.valid)
      throw Error(ErrorCode::InvalidUtf8, "XLSX: text that is not UTF-8 (byte " + std::to_string(i) + ")",
                  context_text(where));
    i += cp.length;
  }
}

// The longest start of `s` within `limit` UTF-16 units (as Excel counts) that does not part a
// Thai letter from its marks.
std::string cut(std::string_view s, std::size_t limit) {
  std::vector<std::size_t> starts;  // of the code points kept
  std::size_t i = 0, units = 0;
  while (i < s.size()) {
    const CodePoint cp = decode(s, i);
    const std::size_t u = cp.value >= 0x10000 ? 2 : 1;
    if (units + u > limit) break;
    starts.push_back(i);
    units += u;
    i += cp.length;
  }
  if (i < s.size())
    while (!starts.empty() && thai_mark(decode(s, i).value)) {  // the first one dropped is a mark
      i = starts.back();
      starts.pop_back();
    }
  return std::string(s.substr(0, i));
}

std::size_t utf16_units(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    const CodePoint cp = decode(s, i);
    n += cp.value >= 0x10000 ? 2 : 1;
    i += cp.length;
  }
  return n;
}

// Excel compares sheet names without case.
std::string folded(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string cell_name(lxw_row_t row, lxw_col_t col) {
  char buf[LXW_MAX_CELL_NAME_LENGTH];
  lxw_rowcol_to_cell(buf, row, col);
  return buf;
}

std::string where(const std::string& sheet, lxw_row_t row, lxw_col_t col) {
  return "sheet '" + sheet + "', cell " + cell_name(row, col);
}

// libxlsxwriter's errors: those about what we gave it are bad input, the rest failed I/O.
template <class Context>
void check(lxw_error e, const Context& context) {
  if (e == LXW_NO_ERROR) return;
  const bool input = e >= LXW_ERROR_PARAMETER_VALIDATION && e <= LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED;
  throw Error(input ? ErrorCode::InvalidInput : ErrorCode::IoError, std::string("XLSX: ") + lxw_strerror(e),
              std::string(context_text(context)));
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Excel's dates begin in 1900.
bool valid_date(const ReportDate& d) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < 1900 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= kDays[d.month - 1] + (d.month == 2 && leap(d.year) ? 1 : 0);
}

std::string fixed(double v, int decimals) {
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, r.ptr);
  if (s.find_first_not_of("-0.") == std::string::npos && s[0] == '-') s.erase(0, 1);  // no "-0.0"
  return s;
}

std::string grouped(std::int64_t n) {
  const std::string digits = std::to_string(n);
  const std::size_t sign = n < 0 ? 1 : 0;
  std::string out = digits.substr(0, sign);
  for (std::size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string decimals_format(int decimals) {
  return decimals <= 0 ? "0" : "0." + std::string(static_cast<std::size_t>(decimals), '0');
}

constexpr const char* kIntegerFormat = "#,##0";
constexpr const char* kIdentifierFormat = "0";
constexpr const char* kDateFormat = "d/m/yyyy";

// The workbook's formats, made once each: a number format, plain or bold.
class Formats {
 public:
  explicit Formats(lxw_workbook* wb) : wb_(wb), bold_(workbook_add_format(wb)) { format_set_bold(bold_); }
  lxw_format* bold() const { return bold_; }
  lxw_format* text(bool bold) const { return bold ? bold_ : nullptr; }
  lxw_format* number(const std::string& num_format, bool bold) {
    lxw_format*& f = made_[{num_format, bold}];
    if (!f) {
      f = workbook_add_format(wb_);
      format_set_num_format(f, num_format.c_str());
      if (bold) format_set_bold(f);
    }
    return f;
  }

 private:
  lxw_workbook* wb_;
  lxw_format* bold_;
  std::map<std::pair<std::string, bool>, lxw_format*> made_;
};

// Writes one cell; returns the text Excel shows for it (for the column's width).
std::string write_cell(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const ReportValue& v,
                       const ReportColumn& column, bool bold, Formats& fm, const std::string& sheet) {
  const auto at = [&] { return where(sheet, row, col); };  // made only for an error
  return std::visit(
      Overloaded{
          [&](const std::monostate&) {
            if (bold) check(worksheet_write_blank(ws, row, col, fm.bold()), at);
            return std::string();
          },
          [&](const std::string& s) {
            require_utf8(s, at);
            check(worksheet_write_string(ws, row, col, s.c_str(), fm.text(bold)), at);
            return s;
          },
          [&](const std::int64_t& n) {
            if (std::abs(static_cast<double>(n)) > kExactDoubleLimit)
              throw Error(ErrorCode::InvalidInput, "XLSX: a whole number too large for a spreadsheet to hold exactly",
                          at() + ": " + std::to_string(n));
            const char* format = column.identifier ? kIdentifierFormat : kIntegerFormat;
            check(worksheet_write_number(ws, row, col, static_cast<double>(n), fm.number(format, bold)), at);
            return column.identifier ? std::to_string(n) : grouped(n);
          },
          [&](const double& d) {
            if (!std::isfinite(d)) throw Error(ErrorCode::InvalidInput, "XLSX: a number that is not finite", at());
            check(worksheet_write_number(ws, row, col, d, fm.number(decimals_format(column.decimals), bold)), at);
            return fixed(d, std::max(column.decimals, 0));
          },
          [&](const ReportDate& d) {
            if (!valid_date(d))
              throw Error(
                  ErrorCode::InvalidInput, "XLSX: not a date Excel can hold (1900-9999)",
                  at() + ": " + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day));
            lxw_datetime dt{d.year, d.month, d.day, 0, 0, 0.0};
            check(worksheet_write_datetime(ws, row, col, &dt, fm.number(kDateFormat, bold)), at);
            return std::to_string(d.day) + "/" + std::to_string(d.month) + "/" + std::to_string(d.year);
          }},
      v);
}

void write_sheet(lxw_worksheet* ws, const ReportTable& t, Formats& fm, const std::string& sheet) {
  if (t.columns.size() > LXW_COL_MAX)
    throw Error(ErrorCode::InvalidInput, "XLSX: more columns than a sheet holds", "sheet '" + sheet + "'");
  if (t.rows.size() + 1 > LXW_ROW_MAX)
    throw Error(ErrorCode::InvalidInput, "XLSX: more rows than a sheet holds", "sheet '" + sheet + "'");
  std::vector<std::size_t> width(t.columns.size(), 0);
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    require_utf8(t.columns[c].title, where(sheet, 0, col));
    check(worksheet_write_string(ws, 0, col, t.columns[c].title.c_str(), fm.bold()), where(sheet, 0, col));
    width[c] = display_width(t.columns[c].title);
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(r + 1);
    if (t.rows[r].size() != t.columns.size())
      throw Error(ErrorCode::InvalidInput,
                  "XLSX: a row has " + std::to_string(t.rows[r].size()) + " values for " +
                      std::to_string(t.columns.size()) + " columns",
                  "sheet '" + sheet + "', row " + std::to_string(row + 1));
    const bool bold = static_cast<int>(r) == t.total_row;
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const std::string shown =
          write_cell(ws, row, static_cast<lxw_col_t>(c), t.rows[r][c], t.columns[c], bold, fm, sheet);
      width[c] = std::max(width[c], display_width(shown));
    }
  }
  for (std::size_t c = 0; c < width.size(); ++c) {
    const auto col = static_cast<lxw_col_t>(c);
    const double w = static_cast<double>(std::clamp(width[c], kMinWidth, kMaxWidth));
    check(worksheet_set_column(ws, col, col, w, nullptr), where(sheet, 0, col));
  }
  worksheet_freeze_panes(ws, 1, 0);
}

std::string temp_dir() {
  const char* dir = std::getenv("TMPDIR");
  return dir && *dir ? dir : "/tmp";
}

// libxlsxwriter 1.1.4 writes only to a path (output_buffer came later): a file made by mkstemp,
// removed whatever happens.
class TempFile {
 public:
  TempFile() : path_(temp_dir() + "/saraban-report-XXXXXX.xlsx") {
    const int fd = ::mkstemps(path_.data(), 5);
    if (fd < 0) throw Error(ErrorCode::IoError, "XLSX: cannot make a temporary file", path_);
    ::close(fd);
  }
  ~TempFile() { ::unlink(path_.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<std::uint8_t> read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorCode::IoError, "XLSX: cannot read back the workbook just written", path);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(ErrorCode::IoError, "XLSX: cannot read back the workbook just written", path);
  return bytes;
}

}  // namespace

std::size_t display_width(const std::string& text) {
  std::size_t widest = 0, line = 0;
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = decode(text, i);
    if (cp.value == '\n') {
      line = 0;
    } else if (!thai_mark(cp.value) && cp.value != '\r') {
      ++line;
    }
    widest = std::max(widest, line);
    i += cp.length;
  }
  return widest;
}

std::vector<std::string> sheet_names(const std::vector<ReportTable>& tables) {
  std::vector<std::string> names;
  std::set<std::string> taken = {"history"};  // Excel keeps this name for itself
  for (const auto& t : tables) {
    require_utf8(t.title, "the title of table '" + t.key + "'");
    std::string base;
    for (char c : t.title) {
      if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) {
        base += '-';
      } else {
        base += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;  // ASCII never occurs inside a UTF-8 sequence
      }
    }
    if (base.empty()) base = t.key.empty() ? "Sheet" : t.key;
    const auto fit = [&](const std::string& suffix) {
      std::string name = cut(base, kSheetNameLimit - utf16_units(suffix));
      if (!name.empty() && name.front() == '\'') name.front() = '-';  // Excel refuses them at either end
      if (!name.empty() && name.back() == '\'') name.back() = '-';
      return name + suffix;
    };
    std::string name = fit("");
    for (int n = 2; name.empty() || taken.count(folded(name)); ++n) name = fit(" (" + std::to_string(n) + ")");
    taken.insert(folded(name));
    names.push_back(name);
  }
  return names;
}

std::vector<std::uint8_t> report_xlsx(const std::vector<ReportTable>& tables, const std::string& title,
                                      const std::string& author, std::time_t created) {
  require_utf8(title, "the workbook's title");
  require_utf8(author, "the workbook's author");
  const std::vector<std::string> names = sheet_names(tables);
  TempFile file;  // outlives the workbook, which writes it on close
  std::string tmpdir = temp_dir();
  lxw_workbook_options options{};
  options.tmpdir = tmpdir.data();
  WorkbookPtr wb(workbook_new_opt(file.path().c_str(), &options));
  if (!wb) throw Error(ErrorCode::IoError, "XLSX: cannot start a workbook", file.path());
  std::string title_copy = title, author_copy = author;  // the C API takes char*
  lxw_doc_properties props{};
  props.title = title_copy.data();
  props.author = author_copy.data();
  props.created = created;
  check(workbook_set_properties(wb.get(), &props), "the workbook's properties");
  Formats fm(wb.get());
  for (std::size_t i = 0; i < tables.size(); ++i) {
    lxw_worksheet* ws = workbook_add_worksheet(wb.get(), names[i].c_str());
    if (!ws) throw Error(ErrorCode::IoError, "XLSX: cannot add the sheet", "sheet '" + names[i] + "'");
    write_sheet(ws, tables[i], fm, names[i]);
  }
  check(workbook_close(wb.release()), file.path());
  return read_all(file.path());
}

}  // namespace saraban::documents
