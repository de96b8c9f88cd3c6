// The JSON nesting limit: deep documents are refused before a recursive parser sees them.
#include "base/json_depth.h"

#include <gtest/gtest.h>

#include "base/error.h"

namespace saraban {
namespace {

TEST(JsonDepth, AcceptsOrdinaryDocuments) {
  EXPECT_NO_THROW(check_json_depth(R"({"a":[1,{"b":[[]]}],"s":"[[[[[[[[["})", "x", 5));
  EXPECT_NO_THROW(check_json_depth(std::string(64, '[') + std::string(64, ']'), "x"));
}

TEST(JsonDepth, RefusesDeepNestingNamingTheSource) {
  std::string deep = std::string(70000, '[') + std::string(70000, ']');
  try {
    check_json_depth(deep, "letter.json");
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), ErrorCode::InvalidInput);
    EXPECT_EQ(e.context(), "letter.json");
    EXPECT_NE(e.message().find("deeper than 64"), std::string::npos) << e.message();
  }
  EXPECT_THROW(check_json_depth(std::string(65, '{'), "x"), Error);
}

TEST(JsonDepth, BracketsInStringsDoNotCount) {
  EXPECT_NO_THROW(check_json_depth("[\"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') + "\"]", "x", 2));
}

}  // namespace
}  // namespace saraban
