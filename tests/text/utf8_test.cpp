#include "text/utf8.h"

#include <gtest/gtest.h>

#include <string>

#include "base/error.h"

namespace saraban::text {
namespace {

// The context of the error thrown for `bytes`, or "" when they validate.
std::string failure_context(const std::string& bytes) {
  try {
    validate_utf8(bytes);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidUtf8);
    return e.context();
  }
  return "";
}

TEST(Utf8, AcceptsThaiAndAscii) {
  EXPECT_NO_THROW(validate_utf8("สำนักงาน PDF/A-2u ๒๕๖๙"));
  EXPECT_NO_THROW(validate_utf8("\xF4\x8F\xBF\xBF"));  // U+10FFFF, the last code point
}

TEST(Utf8, NamesTheFirstBadByte) {
  EXPECT_EQ(failure_context("ปี 2569 \xFF"), "byte 12");
  EXPECT_EQ(failure_context("abc\x80"), "byte 3");
}

TEST(Utf8, RejectsOverlongs) {
  EXPECT_EQ(failure_context("ab\xC0\xAF"), "byte 2");
  EXPECT_EQ(failure_context("a\xE0\x80\xAF"), "byte 1");
  EXPECT_EQ(failure_context("\xF0\x80\x80\xAF"), "byte 0");
}

TEST(Utf8, RejectsSurrogatesAndBeyondUnicode) {
  EXPECT_EQ(failure_context("xy\xED\xA0\x80"), "byte 2");
  EXPECT_EQ(failure_context("\xF4\x90\x80\x80"), "byte 0");
  EXPECT_EQ(failure_context("\xF5\x80\x80\x80"), "byte 0");
}

TEST(Utf8, RejectsTruncatedSequences) {
  EXPECT_EQ(failure_context("น\xE0\xB8"), "byte 3");      // cut at the end
  EXPECT_EQ(failure_context("\xE0\xB8" "a"), "byte 0");  // continuation missing: named at the sequence start
}

TEST(Utf8, DecodesAndEncodesRoundTrip) {
  const std::string text = "ก้ำ A €\U0001F600";
  std::string again;
  for (std::size_t i = 0; i < text.size();) append_utf8(again, next_code_point(text, i));
  EXPECT_EQ(again, text);
  std::size_t offset = 0;
  EXPECT_EQ(next_code_point("ก", offset), U'\u0E01');
  EXPECT_EQ(offset, 3u);
}

}  // namespace
}  // namespace saraban::text
