// The one strict integer parser: the whole text, the range, and an error naming both.
#include "base/parse.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace saraban {
namespace {

std::string refusal(const std::string& text, std::int64_t min, std::int64_t max) {
  try {
    parse_integer(text, "--opt", min, max);
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
    EXPECT_EQ(e.context(), "--opt");
    return e.message();
  }
  ADD_FAILURE() << "accepted '" << text << "'";
  return "";
}

TEST(Parse, AcceptsWholeNumbersInRange) {
  EXPECT_EQ(parse_integer("0", "x", 0, 10), 0);
  EXPECT_EQ(parse_integer("10", "x", 0, 10), 10);
  EXPECT_EQ(parse_integer("-7", "x", -10, 10), -7);
  EXPECT_EQ(parse_integer("007", "x", 0, 10), 7);
  EXPECT_EQ(parse_integer("9223372036854775807", "x", 0, INT64_MAX), INT64_MAX);
  EXPECT_EQ(parse_int("2569", "year", 2400, 2700), 2569);
}

TEST(Parse, RefusesTrailingTextExponentsSignsAndSpaces) {
  for (const char* t : {"12abc", "1e3", "+5", " 5", "5 ", "", "-", "0x10", "1,000", "5.0", "--5", "๕"})
    EXPECT_NE(refusal(t, -100, 100).find("whole number"), std::string::npos) << t;
}

TEST(Parse, RefusesOutOfRangeInsteadOfWrapping) {
  // 4294967297 cast to a 32-bit int is 1: it was stored as 1 year of retention.
  EXPECT_NE(refusal("4294967297", 1, 100).find("from 1 to 100"), std::string::npos);
  EXPECT_NE(refusal("-1", 1, 1000).find("from 1 to 1000"), std::string::npos);
  EXPECT_NE(refusal("99999999999999999999", 1, INT64_MAX).find("got '99999999999999999999'"), std::string::npos);
  EXPECT_FALSE(refusal("101", 1, 100).empty());
}

}  // namespace
}  // namespace saraban
