#include "text/word_breaker.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "office_texts.h"

namespace saraban::text {
namespace {

std::vector<std::size_t> offsets(const std::vector<BreakOpportunity>& breaks) {
  std::vector<std::size_t> out;
  for (const BreakOpportunity& b : breaks) out.push_back(b.offset);
  return out;
}

// True when some opportunity falls strictly inside an occurrence of `word`.
bool splits(std::string_view text, std::string_view word, const std::vector<std::size_t>& at) {
  for (std::size_t pos = text.find(word); pos != std::string_view::npos;
       pos = text.find(word, pos + 1)) {
    for (std::size_t b : at) {
      if (b > pos && b < pos + word.size()) return true;
    }
  }
  return false;
}

const WordBreaker& breaker() {
  static const WordBreaker instance;
  return instance;
}

TEST(WordBreaker, BuiltinListIsCompiledIn) {
  const WordList list = WordList::builtin();
  EXPECT_GT(list.words().size(), 200u);
  for (std::string_view must : {"ซัพพลายเออร์", "แบ็กอัป", "คอลัมนิสต์", "เซิร์ฟเวอร์", "ตรารับ"}) {
    EXPECT_NE(std::find(list.words().begin(), list.words().end(), must), list.words().end())
        << must;
  }
  for (const std::string& w : list.words()) EXPECT_NE(w.front(), '#');
}

TEST(WordBreaker, WordListFromTextSkipsCommentsAndBlanks) {
  const WordList list = WordList::from_text("# comment\nสารบรรณ\r\n\n  ตรารับ \n");
  const std::vector<std::string> expected = {"สารบรรณ", "ตรารับ"};
  EXPECT_EQ(list.words(), expected);
}

TEST(WordBreaker, NeverSplitsLoanwordsInSentences) {
  const std::vector<std::string> sentences = {
      "บริษัทซัพพลายเออร์ส่งเครื่องแล้ว",
      "ให้แบ็กอัปข้อมูลทุกวันศุกร์",
      "คอลัมนิสต์เขียนถึงโรงเรียน",
      "เซิร์ฟเวอร์ของสำนักงานขัดข้อง",
      "ซัพพลายเออร์ต้องแบ็กอัปเซิร์ฟเวอร์ตามที่คอลัมนิสต์แนะนำ",
  };
  for (const std::string& s : sentences) {
    const std::vector<std::size_t> at = offsets(breaker().opportunities(s));
    EXPECT_FALSE(at.empty()) << s;
    for (std::string_view w : {"ซัพพลายเออร์", "แบ็กอัป", "คอลัมนิสต์", "เซิร์ฟเวอร์"}) {
      EXPECT_FALSE(splits(s, w, at)) << w << " split in " << s;
    }
  }
}

TEST(WordBreaker, BreaksBetweenThaiWords) {
  const std::string s = "สำนักงานส่งหนังสือ";
  const std::vector<std::size_t> at = offsets(breaker().opportunities(s));
  const std::size_t after_office = std::string("สำนักงาน").size();
  EXPECT_NE(std::find(at.begin(), at.end(), after_office), at.end());
}

TEST(WordBreaker, NoBreakAfterOpeningOrBeforeClosingBracket) {
  const std::string s = "ตามหนังสือ (ด่วนที่สุด) ของสำนักงาน";
  const std::vector<std::size_t> at = offsets(breaker().opportunities(s));
  const std::size_t open = s.find('(');
  const std::size_t close = s.find(')');
  EXPECT_EQ(std::count(at.begin(), at.end(), open + 1), 0);
  EXPECT_EQ(std::count(at.begin(), at.end(), close), 0);
  EXPECT_NE(std::find(at.begin(), at.end(), open), at.end());  // after the space before "("
}

TEST(WordBreaker, NumbersStayWhole) {
  const std::string s = "จำนวน ๑,๒๓๔.๕๐ บาท ในปี 2569 แล้ว";
  const std::vector<std::size_t> at = offsets(breaker().opportunities(s));
  EXPECT_FALSE(splits(s, "๑,๒๓๔.๕๐", at));
  EXPECT_FALSE(splits(s, "2569", at));
  EXPECT_NE(std::find(at.begin(), at.end(), s.find("๑")), at.end());
}

TEST(WordBreaker, NewlineIsMandatory) {
  const std::string s = "เรียน ผู้อำนวยการ\nเรื่อง ขออนุมัติ";
  const std::vector<BreakOpportunity> breaks = breaker().opportunities(s);
  const std::size_t after_newline = s.find('\n') + 1;
  const auto hard = std::find_if(breaks.begin(), breaks.end(),
                                 [&](const BreakOpportunity& b) { return b.offset == after_newline; });
  ASSERT_NE(hard, breaks.end());
  EXPECT_TRUE(hard->mandatory);
  EXPECT_EQ(std::count_if(breaks.begin(), breaks.end(),
                          [](const BreakOpportunity& b) { return b.mandatory; }),
            1);
}

TEST(WordBreaker, NeverAtEdgesAndSorted) {
  const std::string s = "สวัสดี ครับ\n";
  const std::vector<std::size_t> at = offsets(breaker().opportunities(s));
  EXPECT_TRUE(std::is_sorted(at.begin(), at.end()));
  EXPECT_EQ(std::count(at.begin(), at.end(), 0u), 0);
  EXPECT_EQ(std::count(at.begin(), at.end(), s.size()), 0);
  EXPECT_TRUE(breaker().opportunities("").empty());
}

TEST(WordBreaker, LongUnknownThaiStillBreaks) {
  // A run of consonants no dictionary knows (ICU gives nothing either) can still be broken.
  std::string junk;
  for (int i = 0; i < 30; ++i) junk += "กขฃคฅ";
  EXPECT_TRUE(breaker().icu_boundaries(junk).empty());
  const std::vector<std::size_t> at = offsets(breaker().opportunities(junk));
  EXPECT_FALSE(at.empty());
  // Short unknown stretches are left alone: no break inside a 5-letter unknown word.
  EXPECT_TRUE(breaker().opportunities("กขฃคฅ").empty());
}

TEST(WordBreaker, OfficeParagraphsRespectKeepWordsAndClusters) {
  const WordList list = WordList::builtin();
  for (std::string_view paragraph : testing::kOfficeParagraphs) {
    const std::vector<std::size_t> at = offsets(breaker().opportunities(paragraph));
    const std::vector<std::size_t> clusters = grapheme_boundaries(paragraph);
    const std::set<std::size_t> cluster_set(clusters.begin(), clusters.end());
    for (std::size_t b : at) EXPECT_TRUE(cluster_set.count(b)) << "inside a cluster at " << b;
    for (const std::string& w : list.words()) {
      EXPECT_FALSE(splits(paragraph, w, at)) << w << " split in " << paragraph;
    }
    // Roughly one opportunity per Thai word: a long paragraph has many.
    EXPECT_GT(at.size(), paragraph.size() / 40) << paragraph;
  }
}

TEST(WordBreaker, IcuAloneSplitsLoanwordsTheListKeeps) {
  // Shows the veto is real: ICU does split this word; the combined result does not.
  const std::string s = "คอลัมนิสต์";
  EXPECT_TRUE(splits(s, s, breaker().icu_boundaries(s)));
  EXPECT_FALSE(splits(s, s, offsets(breaker().opportunities(s))));
}

TEST(Grapheme, ClustersKeepMarksWithBase) {
  const std::string s = "น้ำปี่";
  const std::vector<std::size_t> expected = {0, 9, 18};
  EXPECT_EQ(grapheme_boundaries(s), expected);
}

}  // namespace
}  // namespace saraban::text
