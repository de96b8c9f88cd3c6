#include <gtest/gtest.h>

#include <cmath>

#include <algorithm>
#include <set>

#include "layout/units.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

const std::string kLoanwordParagraph =
    "ในการนี้ สำนักงานเขตพื้นที่การศึกษาขอให้โรงเรียนตรวจสอบระบบแบ็กอัปของเซิร์ฟเวอร์กลาง"
    "และแจ้งซัพพลายเออร์ที่ดูแลซอฟต์แวร์ให้ปรับปรุงแอปพลิเคชันตามคำแนะนำของคอลัมนิสต์ด้านเทคโนโลยี"
    "ซึ่งได้เขียนบทความเกี่ยวกับการใช้คอมพิวเตอร์และอินเทอร์เน็ตในโรงเรียนขนาดเล็กไว้อย่างละเอียด"
    "ทั้งนี้ให้รายงานผลภายในวันที่ ๑๕ ธันวาคม ๒๕๖๙ ผ่านเว็บไซต์ของสำนักงาน";

const char* kKeepWords[] = {"ซัพพลายเออร์", "แบ็กอัป", "คอลัมนิสต์", "เซิร์ฟเวอร์", "ซอฟต์แวร์", "แอปพลิเคชัน",
                            "คอมพิวเตอร์", "อินเทอร์เน็ต", "เว็บไซต์", "เทคโนโลยี"};

std::string strip_spaces(std::string s) {
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n'; }), s.end());
  return s;
}

class WidthSweep : public ::testing::TestWithParam<double> {};

TEST_P(WidthSweep, KeepsLoanwordsWholeAndLosesNoCharacter) {
  LayoutFixture f;
  ParagraphStyle st;
  st.align = Alignment::ThaiDistributed;
  st.first_line_indent = cm(2.5);
  auto lines = f.layouter.layout(Paragraph::plain(kLoanwordParagraph, st), cm(GetParam()));
  ASSERT_GT(lines.size(), 1u);
  std::string all;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string t = LayoutFixture::line_text(lines[i]);
    all += t;
    if (i + 1 == lines.size()) continue;
    // The join between this line and the next must not fall inside a keep word.
    std::size_t end = lines[i].text_end;
    for (const char* w : kKeepWords) {
      std::string word(w);
      for (std::size_t pos = kLoanwordParagraph.find(word); pos != std::string::npos;
           pos = kLoanwordParagraph.find(word, pos + 1))
        EXPECT_FALSE(end > pos && end < pos + word.size()) << "split " << word << " at width " << GetParam();
    }
  }
  EXPECT_EQ(strip_spaces(all), strip_spaces(kLoanwordParagraph));
}

INSTANTIATE_TEST_SUITE_P(NineToSixteenCm, WidthSweep, ::testing::Values(9, 9.5, 10, 11, 12, 13, 14, 15, 16));

double right_edge(const LineBox& line) {
  double r = 0;
  for (const auto& run : line.runs)
    for (const auto& g : run.glyphs) r = std::max(r, g.x + g.advance);
  return r;
}

TEST(ParagraphLayout, JustifiedLinesFillTheMeasureButTheLastDoesNot) {
  LayoutFixture f;
  for (Alignment a : {Alignment::Justify, Alignment::ThaiDistributed}) {
    ParagraphStyle st;
    st.align = a;
    const double width = cm(12);
    auto lines = f.layouter.layout(Paragraph::plain(kLoanwordParagraph, st), width);
    ASSERT_GT(lines.size(), 2u);
    // Gaps between characters open at most 0.09 em (wider ones read as spaces), so a line
    // with few places to stretch may fall a little short; most lines reach the measure. The
    // date kept on one line (๑๕ ธันวาคม ๒๕๖๙) costs one short justified line at 12 cm.
    std::size_t full = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      EXPECT_LE(right_edge(lines[i]), width + 0.5) << "line " << i;
      EXPECT_GT(right_edge(lines[i]), width * 0.75) << "line " << i;
      if (std::abs(right_edge(lines[i]) - width) < 0.5) ++full;
    }
    EXPECT_GE(full * 10, (lines.size() - 1) * (a == Alignment::Justify ? 5 : 7)) << static_cast<int>(a);
    EXPECT_LT(right_edge(lines.back()), width - 5);
  }
}

TEST(ParagraphLayout, ThaiDistributedKeepsMarksOnTheirBase) {
  LayoutFixture f;
  const std::string text = "น้ำใจของผู้นำที่ดีย่อมปรากฏแก่ผู้ใต้บังคับบัญชาเสมอ ปี่กลองกิ่งไม้จ๋ำฤๅ";
  ParagraphStyle left;
  ParagraphStyle dist;
  dist.align = Alignment::ThaiDistributed;
  // Two lines at a narrow width so the first one is stretched; its text alone, left-aligned,
  // is the unstretched reference.
  auto b = f.layouter.layout(Paragraph::plain(text + " " + text, dist), cm(9));
  ASSERT_GT(b.size(), 1u);
  std::string first = LayoutFixture::line_text(b[0]);
  while (!first.empty() && first.back() == ' ') first.pop_back();
  auto a = f.layouter.layout(Paragraph::plain(first, left), cm(9));
  ASSERT_EQ(a.size(), 1u);
  ASSERT_FALSE(b[0].runs.empty());
  bool stretched = false;
  for (std::size_t r = 0; r < 1; ++r) {
    const auto& ra = a[0].runs[r];
    const auto& rb = b[0].runs[r];
    ASSERT_EQ(ra.clusters.size(), rb.clusters.size());
    for (const auto& c : ra.clusters) {
      // Within one cluster every glyph keeps its offset from the cluster's first glyph.
      for (std::uint32_t g = 1; g < c.glyph_count; ++g) {
        double da = ra.glyphs[c.first_glyph + g].x - ra.glyphs[c.first_glyph].x;
        double db = rb.glyphs[c.first_glyph + g].x - rb.glyphs[c.first_glyph].x;
        EXPECT_NEAR(da, db, 1e-6) << c.text;
      }
    }
    if (rb.glyphs.back().x > ra.glyphs.back().x + 1) stretched = true;
  }
  EXPECT_TRUE(stretched);
}

TEST(ParagraphLayout, NeverBreaksAfterOpeningOrBeforeClosingBracket) {
  LayoutFixture f;
  const std::string text =
      "ให้รายงานผลการดำเนินงาน (ตามแบบรายงานที่แนบ) และส่งสำเนาเอกสาร (ถ้ามี) ไปยังกลุ่มนโยบายและแผน "
      "ภายในวันที่กำหนด (๓๐ พฤศจิกายน ๒๕๖๙) โดยไม่ต้องจัดส่งเป็นหนังสือ (เว้นแต่จะมีการร้องขอ)";
  for (double w : {9.0, 10.0, 11.0, 12.0, 13.0}) {
    auto lines = f.layouter.layout(Paragraph::plain(text), cm(w));
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
      std::string t = LayoutFixture::line_text(lines[i]);
      while (!t.empty() && t.back() == ' ') t.pop_back();
      ASSERT_FALSE(t.empty());
      EXPECT_NE(t.back(), '(') << "width " << w;
      std::string next = LayoutFixture::line_text(lines[i + 1]);
      EXPECT_NE(next.front(), ')') << "width " << w;
    }
  }
}

TEST(ParagraphLayout, ForcedLineBreakStartsANewLine) {
  LayoutFixture f;
  auto lines = f.layouter.layout(Paragraph::plain("บรรทัดแรก\nบรรทัดที่สอง"), cm(16));
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(LayoutFixture::line_text(lines[0]), "บรรทัดแรก ");  // a forced break ends a word
  EXPECT_EQ(LayoutFixture::line_text(lines[1]), "บรรทัดที่สอง ");
}

TEST(ParagraphLayout, CharactersMissingFromTheBodyFontUseTheFallback) {
  LayoutFixture f;
  auto lines = f.layouter.layout(Paragraph::plain("ราคา ≈ ๑๐๐ บาท → ส่ง"), cm(16));
  ASSERT_EQ(lines.size(), 1u);
  std::set<std::string> fonts;
  for (const auto& r : lines[0].runs) fonts.insert(r.font->path);
  EXPECT_EQ(fonts.size(), 2u);
  EXPECT_EQ(LayoutFixture::line_text(lines[0]), "ราคา ≈ ๑๐๐ บาท → ส่ง ");
}

TEST(ParagraphLayout, TabStopWithLeaderReachesTheStop) {
  LayoutFixture f;
  ParagraphStyle st;
  st.tabs.push_back(TabStop{cm(14), TabStop::Kind::Right, true});
  auto lines = f.layouter.layout(Paragraph::plain("บทที่ ๑ บทนำ\t๑", st), cm(16));
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NEAR(right_edge(lines[0]), cm(14), 0.5);
  EXPECT_EQ(lines[0].decorations.size(), 1u);
}

TEST(ParagraphLayout, ShapesEachWordOnce) {
  LayoutFixture f;
  std::string text;
  for (int i = 0; i < 20; ++i) text += "หนังสือราชการ ";
  f.layouter.layout(Paragraph::plain(text), cm(16));
  EXPECT_GT(f.shaper.cache_hits(), 15u);
  EXPECT_LE(f.shaper.cache_misses(), 4u);
}

}  // namespace
}  // namespace saraban::layout
