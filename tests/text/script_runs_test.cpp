#include "text/script_runs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace saraban::text {
namespace {

struct Piece {
  std::string text;
  Script script;
  bool operator==(const Piece&) const = default;
};

std::vector<Piece> pieces(const std::string& text) {
  std::vector<Piece> out;
  for (const ScriptRun& r : itemize_scripts(text)) {
    out.push_back({text.substr(r.begin, r.end - r.begin), r.script});
  }
  return out;
}

TEST(ScriptRuns, MixedThaiLatinAndDigits) {
  const std::vector<Piece> expected = {
      {"ระบบ ", Script::Thai}, {"PDF/A-2u ", Script::Latin}, {"ปี 2569", Script::Thai}};
  EXPECT_EQ(pieces("ระบบ PDF/A-2u ปี 2569"), expected);
}

TEST(ScriptRuns, LeadingCommonTakesFollowingScript) {
  const std::vector<Piece> expected = {{"(๑) ", Script::Thai}, {"ISO 9001", Script::Latin}};
  EXPECT_EQ(pieces("(๑) ISO 9001"), expected);
  const std::vector<Piece> latin_first = {{"2569 Saraban ", Script::Latin}, {"สารบรรณ", Script::Thai}};
  EXPECT_EQ(pieces("2569 Saraban สารบรรณ"), latin_first);
}

TEST(ScriptRuns, ThaiDigitsAreThai) {
  const std::vector<Piece> expected = {{"version ", Script::Latin}, {"๒", Script::Thai}};
  EXPECT_EQ(pieces("version ๒"), expected);
}

TEST(ScriptRuns, OnlyCommonIsCommon) {
  const std::vector<Piece> expected = {{"12/34 - 56", Script::Common}};
  EXPECT_EQ(pieces("12/34 - 56"), expected);
  EXPECT_TRUE(itemize_scripts("").empty());
}

TEST(ScriptRuns, CombiningMarkNeverStartsARun) {
  // A Thai tone mark typed after a Latin letter stays with it; U+0301 stays on the Thai base.
  const std::string text = "A\u0E48ก\u0301";
  const std::vector<ScriptRun> runs = itemize_scripts(text);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].end, 4u);
  EXPECT_EQ(runs[0].script, Script::Latin);
  EXPECT_EQ(runs[1].script, Script::Thai);
  EXPECT_EQ(runs[1].end, text.size());
}

TEST(ScriptRuns, TagsAndLanguages) {
  EXPECT_STREQ(script_tag(Script::Thai), "Thai");
  EXPECT_STREQ(script_language(Script::Thai), "th");
  EXPECT_STREQ(script_tag(Script::Latin), "Latn");
  EXPECT_STREQ(script_language(Script::Latin), "en");
}

}  // namespace
}  // namespace saraban::text
