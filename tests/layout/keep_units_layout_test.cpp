// Keep-together units laid out in paragraphs: at every width from 9 to 16 cm each unit sits
// whole on one line (it may move to the next), and a unit wider than the line still sets.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/units.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

// Body text as letters write it, with units of every kind in awkward places.
const std::vector<std::string> kParagraphs = {
    "ตามหนังสือ ที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘ ลงวันที่ ๒๒ พฤศจิกายน ๒๕๖๙ สำนักงานเขตพื้นที่การศึกษาได้แจ้งให้โรงเรียนในสังกัด"
    "ส่งผู้แทนเข้าร่วมประชุมเชิงปฏิบัติการ ในวันที่ 22 พฤศจิกายน 2569 เวลา ๐๙.๐๐ น. ณ ห้องประชุมใหญ่ ความละเอียดแจ้งแล้ว นั้น",
    "โรงเรียนพิจารณาแล้ว ขอแต่งตั้งนายสมชาย ใจดี และนางสาวมณีรัตน์ แก้วประเสริฐ เป็นผู้แทน โดยมี ดร. ประเสริฐ มั่นคง "
    "และว่าที่ร้อยตรีวีระ กล้าหาญ เป็นที่ปรึกษา ทั้งนี้ได้รับอนุญาตให้เดินทางระหว่างเวลา ๙.๓๐ – ๑๒.๐๐ น. ของทุกวันทำการ",
    "อาศัยอำนาจตามมาตรา ๓๓ แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๗ ประกอบข้อ ๕ และอนุมาตรา (๓) ของระเบียบ"
    "ที่เกี่ยวข้อง โรงเรียนขอเบิกค่าใช้จ่ายในการเดินทางเป็นเงินทั้งสิ้น ๑๒,๐๐๐ บาท พร้อมวัสดุการเรียน ๕ ชุด หนังสือคู่มือ ๓ เล่ม "
    "สำหรับผู้เข้าร่วม ๑๐ คน หากมีข้อสงสัยโปรดติดต่อ ๐ ๒๒๘๘ ๕๕๕๕ ในเวลาราชการ",
};

// The units each paragraph holds, as text (every one must be found whole on one line).
const std::vector<std::vector<std::string>> kUnits = {
    {"ที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘", "๒๒ พฤศจิกายน ๒๕๖๙", "22 พฤศจิกายน 2569", "๐๙.๐๐ น."},
    {"นายสมชาย ใจดี", "นางสาวมณีรัตน์ แก้วประเสริฐ", "ดร. ประเสริฐ มั่นคง", "ว่าที่ร้อยตรีวีระ กล้าหาญ",
     "๙.๓๐ – ๑๒.๐๐ น."},
    {"มาตรา ๓๓", "พ.ศ. ๒๕๔๗", "ข้อ ๕", "อนุมาตรา (๓)", "๑๒,๐๐๐ บาท", "๕ ชุด", "๓ เล่ม", "๑๐ คน", "๐ ๒๒๘๘ ๕๕๕๕"},
};

// A line's text without the word-break space a paragraph's last line carries at its end.
std::string trimmed(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

struct Sweep {
  Alignment align;
  int width_cm;
};

class KeepUnitsSweep : public ::testing::TestWithParam<Sweep> {};

TEST_P(KeepUnitsSweep, EveryUnitStaysOnOneLine) {
  LayoutFixture f;
  ParagraphStyle st;
  st.align = GetParam().align;
  st.first_line_indent = cm(2.5);
  for (std::size_t p = 0; p < kParagraphs.size(); ++p) {
    const std::string& text = kParagraphs[p];
    const auto lines = f.layouter.layout(Paragraph::plain(text, st), cm(GetParam().width_cm));
    ASSERT_GT(lines.size(), 1u);
    for (const std::string& unit : kUnits[p]) {
      const std::size_t at = text.find(unit);
      ASSERT_NE(at, std::string::npos) << unit;
      bool whole = false;
      for (const LineBox& line : lines) {
        // Checked on the laid-out text itself, not only the byte ranges.
        if (line.text_begin <= at && at + unit.size() <= line.text_end) {
          whole = LayoutFixture::line_text(line).find(unit) != std::string::npos;
        }
      }
      EXPECT_TRUE(whole) << "\"" << unit << "\" split at " << GetParam().width_cm << " cm";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(
    NineToSixteenCm, KeepUnitsSweep,
    ::testing::Values(Sweep{Alignment::ThaiDistributed, 9}, Sweep{Alignment::ThaiDistributed, 10},
                      Sweep{Alignment::ThaiDistributed, 11}, Sweep{Alignment::ThaiDistributed, 12},
                      Sweep{Alignment::ThaiDistributed, 13}, Sweep{Alignment::ThaiDistributed, 14},
                      Sweep{Alignment::ThaiDistributed, 15}, Sweep{Alignment::ThaiDistributed, 16},
                      Sweep{Alignment::Left, 9}, Sweep{Alignment::Left, 10}, Sweep{Alignment::Left, 11},
                      Sweep{Alignment::Left, 12}, Sweep{Alignment::Left, 13}, Sweep{Alignment::Left, 14},
                      Sweep{Alignment::Left, 15}, Sweep{Alignment::Left, 16}),
    [](const ::testing::TestParamInfo<Sweep>& info) {
      return std::string(info.param.align == Alignment::Left ? "Left" : "Distributed") +
             std::to_string(info.param.width_cm) + "cm";
    });

// The held-out letter's reference line: "ศธ" must not end a line on its own, at any width that
// leaves the reference only just room after the words before it.
TEST(KeepUnitsLayout, HeldOutReferenceMovesWhole) {
  LayoutFixture f;
  const std::string ref = "ที่ ศธ ๐๔๐๐๙/ว ๖๙๘๘";
  const std::string text = "อ้างถึงหนังสือสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน " + ref;
  const double full = f.layouter.measure(text, FontStyle::Regular, 16);
  ParagraphStyle st;
  st.align = Alignment::Left;
  int moved = 0;
  // From just too narrow for the whole text down to the width of the words before it.
  for (double w = full - 1; w > full - f.layouter.measure(ref, FontStyle::Regular, 16) + 1; w -= 3) {
    const auto lines = f.layouter.layout(Paragraph::plain(text, st), w);
    ASSERT_EQ(lines.size(), 2u) << w;
    EXPECT_EQ(trimmed(LayoutFixture::line_text(lines[1])), ref) << "at " << w << " pt";
    ++moved;
  }
  EXPECT_GT(moved, 5);
}

// A unit wider than the line is still laid out: it breaks at its own space, never overflows
// and never splits a word of it.
TEST(KeepUnitsLayout, UnitWiderThanTheLineBreaksAtItsSpaces) {
  LayoutFixture f;
  const std::string first = "ว่าที่ร้อยตรีวีระ", last = "กล้าหาญ";
  const std::string text = "เลขานุการ " + first + " " + last;
  const double width = f.layouter.measure(first + " " + last, FontStyle::Regular, 16) - 4;
  ASSERT_GT(width, f.layouter.measure(first, FontStyle::Regular, 16));
  ParagraphStyle st;
  st.align = Alignment::Left;
  const auto lines = f.layouter.layout(Paragraph::plain(text, st), width);
  std::vector<std::string> texts;
  for (const LineBox& line : lines) {
    texts.push_back(LayoutFixture::line_text(line));
    EXPECT_LE(line.width, width + 0.01) << texts.back();
  }
  ASSERT_GE(texts.size(), 2u);
  EXPECT_EQ(trimmed(texts[texts.size() - 1]), last);
  EXPECT_NE(texts[texts.size() - 2].find(first), std::string::npos);
}

}  // namespace
}  // namespace saraban::layout
