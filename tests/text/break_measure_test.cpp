// Measures, for every word in the shipped keep list, how often each source would split it:
// ICU alone, libthai alone, their intersection without the list, and the combined breaker.
// Prints the table; asserts only that the combined breaker never splits a keep word.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "text/word_breaker.h"

namespace saraban::text {
namespace {

bool inside(const std::vector<std::size_t>& at, std::size_t begin, std::size_t end) {
  for (std::size_t b : at) {
    if (b > begin && b < end) return true;
  }
  return false;
}

std::vector<std::size_t> offsets(const std::vector<BreakOpportunity>& breaks) {
  std::vector<std::size_t> out;
  for (const BreakOpportunity& b : breaks) out.push_back(b.offset);
  return out;
}

TEST(BreakMeasure, KeepWordSplitsPerSource) {
  const WordList list = WordList::builtin();
  const WordBreaker combined(list);
  const WordBreaker without_list{WordList{}};
  // Each word alone and inside an office sentence, since context changes dictionary choices.
  const std::string before = "ขอให้ส่ง";
  const std::string after = "ภายในวันนี้";
  int icu = 0, libthai = 0, intersection = 0, final_splits = 0, cases = 0;
  for (const std::string& word : list.words()) {
    for (bool in_sentence : {false, true}) {
      const std::string text = in_sentence ? before + word + after : word;
      const std::size_t begin = in_sentence ? before.size() : 0;
      const std::size_t end = begin + word.size();
      ++cases;
      icu += inside(combined.icu_boundaries(text), begin, end);
      libthai += inside(combined.libthai_boundaries(text), begin, end);
      intersection += inside(offsets(without_list.opportunities(text)), begin, end);
      const bool split = inside(offsets(combined.opportunities(text)), begin, end);
      final_splits += split;
      EXPECT_FALSE(split) << word << (in_sentence ? " in a sentence" : " alone");
    }
  }
  std::printf("keep words: %zu, cases (alone + in a sentence): %d\n", list.words().size(), cases);
  std::printf("%-34s %6s\n", "source", "splits");
  std::printf("%-34s %6d\n", "ICU line iterator (th)", icu);
  std::printf("%-34s %6d\n", "libthai th_brk", libthai);
  std::printf("%-34s %6d\n", "ICU AND libthai, no keep list", intersection);
  std::printf("%-34s %6d\n", "combined (with keep list)", final_splits);
  EXPECT_EQ(final_splits, 0);
  EXPECT_GT(icu, 0);  // the list earns its place: the dictionaries do split these words
  EXPECT_LE(intersection, icu);
}

}  // namespace
}  // namespace saraban::text
