#include "text/utf8.h"

#include <string>

#include "base/error.h"

namespace saraban::text {
namespace {

[[noreturn]] void bad_byte(std::size_t offset, const char* why) {
  throw Error(ErrorCode::InvalidUtf8, std::string("invalid UTF-8: ") + why,
              "byte " + std::to_string(offset));
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

void validate_utf8(std::string_view bytes) {
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  while (i < n) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      ++i;
      continue;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
      cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      cp = lead & 0x0F;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      cp = lead & 0x07;
    } else if (lead == 0xC0 || lead == 0xC1) {
      bad_byte(i, "overlong encoding");
    } else if (is_continuation(lead)) {
      bad_byte(i, "unexpected continuation byte");
    } else {
      bad_byte(i, "byte never valid in UTF-8");
    }
    for (std::size_t k = 1; k < length; ++k) {
      if (i + k >= n) bad_byte(i, "truncated sequence");
      const auto b = static_cast<unsigned char>(bytes[i + k]);
      if (!is_continuation(b)) bad_byte(i, "incomplete sequence (a continuation byte is missing)");
      cp = (cp << 6) | (b & 0x3F);
    }
    // Overlongs are reported at the lead byte: the first byte that makes the sequence wrong.
    if ((length == 3 && cp < 0x800) || (length == 4 && cp < 0x10000)) {
      bad_byte(i, "overlong encoding");
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) bad_byte(i, "UTF-16 surrogate encoded in UTF-8");
    if (cp > 0x10FFFF) bad_byte(i, "code point above U+10FFFF");
    i += length;
  }
}

char32_t next_code_point(std::string_view s, std::size_t& offset) {
  const auto lead = static_cast<unsigned char>(s[offset]);
  std::size_t length = 1;
  char32_t cp = lead;
  if (lead >= 0xF0) {
    length = 4;
    cp = lead & 0x07;
  } else if (lead >= 0xE0) {
    length = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xC0) {
    length = 2;
    cp = lead & 0x1F;
  }
  for (std::size_t k = 1; k < length && offset + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[offset + k]) & 0x3F);
  }
  offset += length;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace saraban::text
