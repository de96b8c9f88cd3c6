// Thai search: words are found inside longer phrases; filters narrow the results.
#include <gtest/gtest.h>

#include <algorithm>

#include "registry/thai_tokenizer.h"
#include "registry_test_support.h"

namespace saraban::registry {
namespace {

using testing::Fixture;

TEST(ThaiTokenizer, SegmentsThaiWordsAndKeepsLatinAndDigits) {
  auto t = thai_tokens("ขอรายงานผลการใช้จ่ายงบประมาณประจำปี ๒๕๖๙ OBEC-Plan");
  // What matters is that the query's tokens appear consecutively among the text's: then the
  // phrase query matches (ICU's dictionary splits งบประมาณ as งบ|ประมาณ in both places).
  auto q = thai_tokens("งบประมาณ");
  ASSERT_FALSE(q.empty());
  EXPECT_NE(std::search(t.begin(), t.end(), q.begin(), q.end()), t.end());
  for (const char* word : {"เงินนอกงบประมาณ", "การจัดสรรงบประมาณโครงการ"}) {
    auto w = thai_tokens(word);
    EXPECT_NE(std::search(w.begin(), w.end(), q.begin(), q.end()), w.end()) << word;
  }
  EXPECT_NE(std::find(t.begin(), t.end(), "รายงาน"), t.end());
  EXPECT_NE(std::find(t.begin(), t.end(), "2569"), t.end());  // Thai digits folded
  EXPECT_NE(std::find(t.begin(), t.end(), "obec"), t.end());
  EXPECT_EQ(fts_phrase_query("งบประมาณ โครงการ"), "\"งบประมาณ\" AND \"โครงการ\"");
  EXPECT_EQ(fts_phrase_query("  ,, "), "");
}

struct SearchFixture : Fixture {
  explicit SearchFixture(const std::string& name) : Fixture(name) {
    const char* subjects[] = {
        "ขอรายงานผลการใช้จ่ายงบประมาณประจำปี ๒๕๖๙",
        "ขอเชิญประชุมชี้แจงการจัดสรรงบประมาณโครงการพัฒนาคุณภาพการศึกษา",
        "ขอส่งแผนปฏิบัติการโรงเรียนบ้านหนองบัว",
        "ขออนุมัติโครงการอบรมครูภาษาอังกฤษ",
        "แจ้งผลการประเมินคุณภาพภายนอก",
        "ขอความอนุเคราะห์ข้อมูลนักเรียนพิการเรียนร่วม",
        "ขอเชิญประชุมผู้บริหารสถานศึกษา",
    };
    for (const char* s : subjects) receive(s);
  }
};

std::vector<std::string> subjects_of(const std::vector<Entry>& es) {
  std::vector<std::string> out;
  for (const auto& e : es) out.push_back(e.subject);
  std::sort(out.begin(), out.end());
  return out;
}

TEST(Search, FindsAWordInsideALongerPhrase) {
  SearchFixture f("inside");
  auto r = f.reg->search(f.clerk, "งบประมาณ", EntryFilter{});
  EXPECT_EQ(subjects_of(r), (std::vector<std::string>{"ขอรายงานผลการใช้จ่ายงบประมาณประจำปี ๒๕๖๙",
                                                       "ขอเชิญประชุมชี้แจงการจัดสรรงบประมาณโครงการพัฒนาคุณภาพการศึกษา"}));
  EXPECT_EQ(f.reg->search(f.clerk, "โครงการ", EntryFilter{}).size(), 2u);
  EXPECT_EQ(f.reg->search(f.clerk, "ขอเชิญประชุม", EntryFilter{}).size(), 2u);
  EXPECT_EQ(f.reg->search(f.clerk, "คุณภาพ", EntryFilter{}).size(), 2u);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ โครงการ", EntryFilter{}).size(), 1u);
  EXPECT_EQ(f.reg->search(f.clerk, "หนองบัว", EntryFilter{}).size(), 7u);  // sender field too
  EXPECT_EQ(f.reg->search(f.clerk, "๒๕๖๙", EntryFilter{}).size(), 1u);
  EXPECT_EQ(f.reg->search(f.clerk, "2569", EntryFilter{}).size(), 1u);
  EXPECT_TRUE(f.reg->search(f.clerk, "ภาษีอากร", EntryFilter{}).empty());
}

TEST(Search, FiltersNarrowTheResults) {
  SearchFixture f("filters");
  EXPECT_EQ(f.reg->search(f.clerk, "ขอ", EntryFilter{.number_from = 2, .number_to = 4}).size(), 3u);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{.year = 2568}).size(), 0u);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{.year = 2569}).size(), 2u);
  f.reg->assign(f.director, f.reg->resolve(f.director, parse_entry_ref("receive/2569/2")), "officer", std::nullopt, "");
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{.stage = Stage::Assigned}).size(), 1u);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{.assignee = f.officer.id}).size(), 1u);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{.limit = 1}).size(), 1u);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{.registered_from = testing::kMarch2026 + 1}).size(), 0u);
}

TEST(Search, ReindexRebuildsTheIndex) {
  SearchFixture f("reindex");
  f.reg->reindex(f.admin);
  EXPECT_EQ(f.reg->search(f.clerk, "งบประมาณ", EntryFilter{}).size(), 2u);
  EXPECT_TRUE(f.reg->verify(f.admin).ok);
}

}  // namespace
}  // namespace saraban::registry
