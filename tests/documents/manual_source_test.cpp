// Manual Markdown → elements: front matter, headings, lists, tables, flow blocks; bad input
// names its line, and what can still be made is a warning.
#include <gtest/gtest.h>

#include "base/error.h"
#include "documents/flow_parse.h"
#include "documents/manual_source.h"

namespace saraban::documents {
namespace {

const char* const kFront = "---\ntitle: คู่มือทดสอบ\nauthor: นายสมชาย ใจดี\nposition: เจ้าหน้าที่\noffice: สำนักงานทดสอบ\nyear: ๒๕๖๙\n---\n";

std::string plain(const Spans& s) {
  std::string t;
  for (const auto& x : s) t += x.text;
  return t;
}

// The context of the error `f` throws ("" when it throws none).
template <class F>
std::string error_at(F f) {
  try {
    f();
  } catch (const Error& e) {
    return e.context() + " | " + e.message();
  }
  return "";
}

TEST(ManualSource, FrontMatterAndElementsInOrder) {
  const std::string md = std::string(kFront) +
                         "\n# ส่วนที่ ๑ บทนำ\n\nย่อหน้าที่มี **ตัวหนา** และ *ตัวเอียง*\n\n"
                         "1. ข้อแรก\n2. ข้อสอง\n   - ข้อย่อย\n\n"
                         "| ที่ | เรื่อง |\n|:-:|---|\n| ๑ | ทดสอบ |\n\n"
                         "```flow\n(เริ่มต้น)\n[ธุรการ] รับเรื่อง\n(สิ้นสุด)\n```\n\n***\n\nหลังขึ้นหน้าใหม่\n";
  const ManualSource m = parse_manual(md, "t.md");
  EXPECT_EQ(m.front.title, "คู่มือทดสอบ");
  EXPECT_EQ(m.front.author, "นายสมชาย ใจดี");
  EXPECT_EQ(m.front.year, "๒๕๖๙");
  ASSERT_EQ(m.body.size(), 9u);
  const auto& h = std::get<ManualHeading>(m.body[0]);
  EXPECT_EQ(h.level, 1);
  EXPECT_EQ(h.line, 9u) << "lines count from the file's top, front matter included";
  const auto& p = std::get<ManualParagraph>(m.body[1]);
  ASSERT_EQ(p.spans.size(), 4u);
  EXPECT_EQ(plain(p.spans), "ย่อหน้าที่มี ตัวหนา และ ตัวเอียง");
  EXPECT_EQ(p.spans[1].text, "ตัวหนา");
  EXPECT_EQ(p.spans[1].font_style, layout::FontStyle::Bold);
  EXPECT_EQ(p.spans[3].font_style, layout::FontStyle::Italic);
  const auto& second = std::get<ManualListItem>(m.body[3]);
  EXPECT_TRUE(second.ordered);
  EXPECT_EQ(second.number, 2);
  const auto& sub = std::get<ManualListItem>(m.body[4]);
  EXPECT_EQ(sub.depth, 1);
  EXPECT_FALSE(sub.ordered);
  const auto& t = std::get<ManualTable>(m.body[5]);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_TRUE(t.rows[0].header);
  ASSERT_EQ(t.column_align.size(), 2u);
  EXPECT_EQ(t.column_align[0], layout::Alignment::Center);
  EXPECT_FALSE(t.column_align[1].has_value());
  const auto& flow = std::get<ManualFlow>(m.body[6]);
  EXPECT_EQ(flow.chart.steps.size(), 3u);
  EXPECT_TRUE(std::holds_alternative<ManualPageBreak>(m.body[7]));
  EXPECT_TRUE(m.warnings.empty());
}

TEST(ManualSource, BrokenFrontMatterNamesItsLine) {
  EXPECT_EQ(error_at([] { parse_manual("---\ntitle: ก\n\n# หัวข้อ\n", "m.md"); }),
            "m.md:1 | the front matter opened with '---' is never closed");
  EXPECT_EQ(error_at([] { parse_manual("---\ntitle: ก\nผู้เขียน นาย ก\n---\n", "m.md"); }),
            "m.md:3 | a front matter line must be 'key: value'");
  EXPECT_EQ(error_at([] { parse_manual("---\nauthor: ก\n---\n", "m.md"); }), "m.md:1 | the front matter has no title");
  EXPECT_EQ(error_at([] { parse_manual("# หัวข้อ\n\nย่อหน้า\n", "m.md"); }),
            "m.md:1 | a manual begins with its front matter between '---' lines (title, author, position, office, year)");
}

TEST(ManualSource, AByteOrderMarkAndWindowsLineEndsAreAccepted) {
  const ManualSource m = parse_manual("\xEF\xBB\xBF---\r\ntitle: คู่มือ\r\n---\r\n\r\n# หัวข้อ\r\n", "m.md");
  EXPECT_EQ(m.front.title, "คู่มือ");
  ASSERT_EQ(m.body.size(), 1u);
  EXPECT_EQ(plain(std::get<ManualHeading>(m.body[0]).spans), "หัวข้อ");
}

TEST(ManualSource, ATableWithoutItsDelimiterRowIsAnErrorAtItsLine) {
  const std::string md = std::string(kFront) + "\n# หัวข้อ\n\n| ที่ | เรื่อง |\n| ๑ | ทดสอบ |\n";
  EXPECT_EQ(error_at([&] { parse_manual(md, "m.md"); }).substr(0, 8), "m.md:11 ");
}

TEST(ManualSource, ExtraCellsAndASkippedHeadingLevelAreWarnings) {
  const std::string md = std::string(kFront) + "\n# หัวข้อ\n\n### ข้ามระดับ\n\n| ที่ | เรื่อง |\n|---|---|\n| ๑ | ทดสอบ | เกิน |\n";
  const ManualSource m = parse_manual(md, "m.md");
  ASSERT_EQ(m.warnings.size(), 2u);
  EXPECT_EQ(m.warnings[0].line, 11u);
  EXPECT_NE(m.warnings[0].message.find("skipped"), std::string::npos);
  EXPECT_EQ(m.warnings[1].line, 15u);
  EXPECT_NE(m.warnings[1].message.find("3 cells"), std::string::npos);
}

TEST(ManualSource, AFlowBranchToAnUnknownStepNamesItsLine) {
  const std::string md = std::string(kFront) + "\n# หัวข้อ\n\n```flow\n(เริ่มต้น)\n[ธุรการ] รับเรื่อง\n[ผอ.] ? ถูกต้องหรือไม่ -> ไม่ใช่: แก้ไขเรื่อง\n(สิ้นสุด)\n```\n";
  EXPECT_EQ(error_at([&] { parse_manual(md, "m.md"); }),
            "m.md:14 | flow: the branch goes to 'แก้ไขเรื่อง', which is no step of this chart");
}

TEST(FlowParse, RolesInOrderOfFirstAppearanceAndBranchesResolved) {
  const auto c = parse_flow(
      "(เริ่มต้น)\n[ธุรการ] รับหนังสือ\n[ธุรการ] ลงทะเบียนรับ\n[ผู้อำนวยการกลุ่ม] ? ตรวจสอบถูกต้องหรือไม่ -> ไม่ใช่: ลงทะเบียนรับ\n"
      "[ผู้มีอำนาจ] พิจารณาลงนาม\n(สิ้นสุด)\n",
      1, "f");
  EXPECT_EQ(c.lanes, (std::vector<std::string>{"ธุรการ", "ผู้อำนวยการกลุ่ม", "ผู้มีอำนาจ"}));
  ASSERT_EQ(c.steps.size(), 6u);
  EXPECT_EQ(c.steps[0].kind, layout::FlowStep::Kind::Terminal);
  EXPECT_FALSE(c.steps[0].lane.has_value());
  EXPECT_EQ(c.steps[3].kind, layout::FlowStep::Kind::Decision);
  EXPECT_EQ(c.steps[3].text, "ตรวจสอบถูกต้องหรือไม่");
  ASSERT_TRUE(c.steps[3].branch.has_value());
  EXPECT_EQ(c.steps[3].branch->label, "ไม่ใช่");
  EXPECT_EQ(c.steps[3].branch->target, 2u);
  EXPECT_EQ(*c.steps[4].lane, 2u);
}

TEST(FlowParse, BadLinesNameTheirLine) {
  EXPECT_EQ(error_at([] { parse_flow("[ธุรการ รับหนังสือ\n", 20, "m.md"); }),
            "m.md:20 | flow: a role opened with '[' is not closed with ']'");
  EXPECT_EQ(error_at([] { parse_flow("(เริ่ม)\n? ถูกต้องหรือไม่\n", 5, "m.md"); }),
            "m.md:6 | flow: a decision needs its other way: '? question -> label: step'");
  EXPECT_EQ(error_at([] { parse_flow("\n\n", 5, "m.md"); }), "m.md:5 | flow: an empty flow block");
}

}  // namespace
}  // namespace saraban::documents
