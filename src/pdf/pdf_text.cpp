#include "pdf/pdf_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "base/error.h"

namespace saraban::pdf {

std::string format_number(double value) {
  if (!std::isfinite(value)) throw Error(ErrorCode::PdfError, "non-finite coordinate in frame");
  double rounded = std::round(value * 10000.0) / 10000.0;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, rounded, std::chars_format::fixed, 4);
  if (ec != std::errc{}) throw Error(ErrorCode::PdfError, "number out of range in frame");
  std::string s(buf, end);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

namespace {

std::u16string utf8_to_utf16(std::string_view s) {
  std::u16string out;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::uint32_t cp = 0;
    std::size_t len = 0;
    if (b < 0x80) { cp = b; len = 1; }
    else if ((b & 0xE0) == 0xC0) { cp = b & 0x1F; len = 2; }
    else if ((b & 0xF0) == 0xE0) { cp = b & 0x0F; len = 3; }
    else if ((b & 0xF8) == 0xF0) { cp = b & 0x07; len = 4; }
    else throw Error(ErrorCode::InvalidUtf8, "invalid UTF-8 in text run", "byte " + std::to_string(i));
    if (i + len > s.size()) throw Error(ErrorCode::InvalidUtf8, "truncated UTF-8 in text run", "byte " + std::to_string(i));
    for (std::size_t k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) throw Error(ErrorCode::InvalidUtf8, "invalid UTF-8 in text run", "byte " + std::to_string(i));
      cp = (cp << 6) | (c & 0x3F);
    }
    i += len;
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
  }
  return out;
}

}  // namespace

std::string utf8_to_utf16be_hex(std::string_view utf8) {
  std::string out;
  char buf[8];
  for (char16_t u : utf8_to_utf16(utf8)) {
    std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(u));
    out += buf;
  }
  return out;
}

std::string utf8_to_utf16be_with_bom(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  for (char16_t u : utf8_to_utf16(utf8)) {
    out.push_back(static_cast<char>(u >> 8));
    out.push_back(static_cast<char>(u & 0xFF));
  }
  return out;
}

namespace {
std::tm utc(std::int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  return tm;
}
}  // namespace

std::string pdf_date(std::int64_t epoch_seconds) {
  std::tm tm = utc(epoch_seconds);
  char buf[96];
  std::snprintf(buf, sizeof buf, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string xmp_date(std::int64_t epoch_seconds) {
  std::tm tm = utc(epoch_seconds);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string hex_upper(std::string_view bytes) {
  static const char* digits = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char c : bytes) {
    auto b = static_cast<unsigned char>(c);
    out.push_back(digits[b >> 4]);
    out.push_back(digits[b & 15]);
  }
  return out;
}

}  // namespace saraban::pdf
