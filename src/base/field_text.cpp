#include "base/field_text.h"

#include <cstdint>
#include <cstdio>

#include "base/error.h"

namespace saraban {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one code point at `i` (advancing it); kInvalid for a byte that does not start a
// well-formed sequence (overlong forms, surrogates and values past U+10FFFF included).
char32_t decode(std::string_view s, std::size_t& i) {
  auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) {
    ++i;
    return b;
  }
  int len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (len == 0 || b > 0xF4 || i + static_cast<std::size_t>(len) > s.size()) return kInvalid;
  char32_t cp = b & (0xFF >> (len + 1));
  for (int k = 1; k < len; ++k) {
    auto c = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
    if ((c & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  i += static_cast<std::size_t>(len);
  return cp;
}

bool is_control(char32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029;
}

bool is_blank(char32_t cp) {
  return cp == ' ' || cp == 0xA0 || cp == 0x200B || cp == 0x2060 || cp == 0xFEFF || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F;
}

std::string hex_escape(const char* fmt, unsigned v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

}  // namespace

void check_field_text(std::string_view value, std::string_view what, bool required) {
  bool blank = true;
  for (std::size_t i = 0; i < value.size();) {
    // Printable ASCII, the bulk of most fields, without decoding.
    if (auto c = static_cast<unsigned char>(value[i]); c >= 0x20 && c < 0x7F) {
      blank &= c == ' ';
      ++i;
      continue;
    }
    // Three-byte sequences (Thai is U+0E00..U+0E7F) outside the ranges that need a closer look.
    if (auto c = static_cast<unsigned char>(value[i]);
        (c == 0xE0 || c == 0xE1 || c == 0xE3 || (c >= 0xE4 && c <= 0xEC) || c == 0xEE) && i + 2 < value.size()) {
      auto c1 = static_cast<unsigned char>(value[i + 1]), c2 = static_cast<unsigned char>(value[i + 2]);
      if ((c1 & 0xC0) == 0x80 && (c2 & 0xC0) == 0x80 && (c != 0xE0 || c1 >= 0xA0) && (c != 0xE3 || c1 != 0x80)) {
        blank = false;  // U+3000 (E3 80 80) is left to the full check
        i += 3;
        continue;
      }
    }
    std::size_t at = i;
    char32_t cp = decode(value, i);
    if (cp == kInvalid)
      throw Error(ErrorCode::InvalidUtf8, "is not valid UTF-8 (byte " + std::to_string(at) + ")", std::string(what));
    if (is_control(cp))
      throw Error(ErrorCode::InvalidInput,
                  "holds a control character " + hex_escape("U+%04X", static_cast<unsigned>(cp)) + " at byte " +
                      std::to_string(at) + " (newlines, tabs and escapes are not allowed in a field)",
                  std::string(what));
    if (!is_blank(cp)) blank = false;
  }
  if (required && blank)
    throw Error(ErrorCode::InvalidInput, value.empty() ? "must not be empty" : "must not be only spaces",
                std::string(what));
}

bool is_clean_field_text(std::string_view value) {
  for (std::size_t i = 0; i < value.size();) {
    char32_t cp = decode(value, i);
    if (cp == kInvalid || is_control(cp)) return false;
  }
  return true;
}

std::string escape_for_terminal(std::string_view value) {
  if (is_clean_field_text(value)) return std::string(value);
  std::string out;
  for (std::size_t i = 0; i < value.size();) {
    std::size_t at = i;
    char32_t cp = decode(value, i);
    if (cp == kInvalid) {
      out += hex_escape("\\x%02X", static_cast<unsigned char>(value[at]));
      i = at + 1;
    } else if (cp == '\n') {
      out += "\\n";
    } else if (cp == '\r') {
      out += "\\r";
    } else if (cp == '\t') {
      out += "\\t";
    } else if (cp < 0x80 && is_control(cp)) {
      out += hex_escape("\\x%02X", static_cast<unsigned>(cp));
    } else if (is_control(cp)) {
      out += hex_escape("\\u%04X", static_cast<unsigned>(cp));
    } else {
      out.append(value.substr(at, i - at));
    }
  }
  return out;
}

}  // namespace saraban
