// What a register field may hold, and how stored text is shown.
#include "base/field_text.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace saraban {
namespace {

ErrorCode code_of(const std::string& v, bool required = false) {
  try {
    check_field_text(v, "--subject", required);
  } catch (const Error& e) {
    EXPECT_EQ(e.context(), "--subject");
    return e.code();
  }
  return ErrorCode::Internal;  // accepted
}

TEST(FieldText, AcceptsThaiAndOrdinaryText) {
  EXPECT_EQ(code_of("ขอเชิญประชุม ครั้งที่ ๒/๒๕๖๙ (สพฐ.)", true), ErrorCode::Internal);
  EXPECT_EQ(code_of("", false), ErrorCode::Internal);
  // Every length of sequence, up to the last code point.
  EXPECT_EQ(code_of("\xC3\xA9 \xE9\xBE\x8D \xEF\xBF\xBD \xF0\x9F\x93\x9C \xF4\x8F\xBF\xBF"), ErrorCode::Internal);
}

TEST(FieldText, RefusesBlankRequiredFields) {
  for (const char* v : {"", " ", "   ", "\xC2\xA0", "\xE2\x80\x8B", "\xE3\x80\x80 "})
    EXPECT_EQ(code_of(v, true), ErrorCode::InvalidInput) << v;
}

TEST(FieldText, RefusesControlCharacters) {
  for (std::string v : {std::string("ก\nปลอม"), std::string("a\tb"), std::string("a\rb"), std::string("\x1b[2J"),
                        std::string("a\x7f"), std::string("a\xC2\x85"), std::string("a\xE2\x80\xA8"),
                        std::string("a") + '\0' + "b"})
    EXPECT_EQ(code_of(v), ErrorCode::InvalidInput) << v;
}

TEST(FieldText, RefusesInvalidUtf8) {
  for (const char* v : {"\xFF", "\xC0\xAF", "\xE0\xB8", "\xED\xA0\x80", "\xF4\x90\x80\x80", "ก\x80"})
    EXPECT_EQ(code_of(v), ErrorCode::InvalidUtf8) << v;
}

TEST(FieldText, EscapesWhatItPrints) {
  EXPECT_EQ(escape_for_terminal("ขอเชิญ"), "ขอเชิญ");
  EXPECT_EQ(escape_for_terminal("ก\nข"), "ก\\nข");
  EXPECT_EQ(escape_for_terminal("\x1b[2J"), "\\x1B[2J");
  EXPECT_EQ(escape_for_terminal("a\xFF"), "a\\xFF");
  EXPECT_EQ(escape_for_terminal("a\xE2\x80\xA8"), "a\\u2028");
  EXPECT_EQ(escape_for_terminal("a\tb\r"), "a\\tb\\r");
}

}  // namespace
}  // namespace saraban
