// Tables as figures: widths from the content, cells wrapped at word boundaries inside their
// column, one slice per row, header rows repeated, a row taller than a page cut between lines.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "layout/table_layout.h"
#include "layout/units.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

TableRow row(std::vector<std::string> cells, bool header = false) {
  TableRow r;
  r.header = header;
  for (auto& c : cells) r.cells.push_back(TableCell{{TextSpan{std::move(c), {}, {}, {}}}});
  return r;
}

Table step_table(int rows, const std::string& detail) {
  Table t;
  t.style.body.size = 14;
  t.style.header = t.style.body;
  t.style.header.font_style = FontStyle::Bold;
  t.rows.push_back(row({"ที่", "กิจกรรม/วิธีปฏิบัติ", "มาตรฐานการปฏิบัติงาน"}, true));
  for (int i = 1; i <= rows; ++i) t.rows.push_back(row({std::to_string(i), detail, "ภายใน ๓ วันทำการ"}));
  return t;
}

// Column edges of a row slice: the x of each cell's border rect.
std::vector<double> column_widths(const Slice& s) {
  std::vector<double> w;
  for (const auto& item : s.items)
    if (const auto* r = std::get_if<Rect>(&item); r && r->stroke) w.push_back(r->width);
  return w;
}

TEST(DistributeColumns, EveryColumnGetsItsLeastAndTheRestGoesWhereTextIsLongest) {
  const auto w = distribute_columns({30, 60, 50}, {30, 600, 90}, 400);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_NEAR(w[0] + w[1] + w[2], 400, 1e-6);
  EXPECT_DOUBLE_EQ(w[0], 30) << "a column already at its natural width gets nothing more";
  EXPECT_GT(w[1], 250);
  EXPECT_GE(w[2], 50);
}

TEST(DistributeColumns, NarrowContentIsWidenedInProportionToFill) {
  const auto w = distribute_columns({10, 20}, {50, 150}, 400);
  EXPECT_NEAR(w[0], 100, 1e-6);
  EXPECT_NEAR(w[1], 300, 1e-6);
}

TEST(TableLayout, ANarrowNumberColumnAndAWideDescription) {
  LayoutFixture f;
  const Table t = step_table(3, "ตรวจสอบความถูกต้องของเอกสารที่โรงเรียนส่งมา บันทึกข้อมูลลงในระบบ และรายงานผู้อำนวยการกลุ่มทราบทุกสัปดาห์");
  const Figure fig = layout_table(t, cm(16), cm(24), f.layouter);
  ASSERT_EQ(fig.slices.size(), 4u);
  const auto w = column_widths(fig.slices[1]);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_NEAR(w[0] + w[1] + w[2], cm(16), 0.01) << "the table fills the column";
  EXPECT_LT(w[0], cm(1.6)) << "ที่ is narrow";
  EXPECT_GT(w[1], w[2]) << "the description is widest";
  // Text stays inside the table's column.
  for (const auto& item : fig.slices[1].items) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
      for (const auto& g : run->glyphs) EXPECT_LT(g.x, cm(16));
    }
  }
}

TEST(TableLayout, HeaderRowsRepeatAndBodyRowsAreSlicesOfTheirOwn) {
  LayoutFixture f;
  const Figure fig = layout_table(step_table(30, "ประชุมชี้แจงแนวทาง"), cm(16), cm(24), f.layouter);
  ASSERT_EQ(fig.repeat_header.size(), 1u);
  EXPECT_TRUE(fig.slices.front().keep_with_next) << "the header never ends a page alone";
  EXPECT_EQ(fig.slices.size(), 31u);
  for (std::size_t i = 1; i < fig.slices.size(); ++i) EXPECT_FALSE(fig.slices[i].keep_with_next);
}

TEST(TableLayout, ARowTallerThanAPageIsCutBetweenLines) {
  LayoutFixture f;
  std::string detail;
  for (int i = 0; i < 60; ++i) detail += "การติดตามและประเมินผลการดำเนินงานตามแผน ";
  const double page = cm(10);
  const Figure fig = layout_table(step_table(1, detail), cm(16), page, f.layouter);
  ASSERT_GT(fig.slices.size(), 2u) << "the long row becomes several slices";
  for (const auto& s : fig.slices) EXPECT_LE(s.height, page + 0.01);
}

TEST(TableLayout, AShortCellIsNeverWrapped) {
  LayoutFixture f;
  Table t;
  t.rows.push_back(row({"ขั้นตอน", "รายละเอียดงาน", "ระยะเวลา", "ผู้รับผิดชอบ"}, true));
  t.rows.push_back(row({"๑", "ศึกษาวิเคราะห์ข้อมูลพื้นฐานและจัดทำร่างแผนปฏิบัติการประจำปีเสนอผู้บังคับบัญชาพิจารณาให้ความเห็นชอบ", "๕ วัน", "ผู้รับผิดชอบงาน"}));
  const Figure fig = layout_table(t, cm(16), cm(24), f.layouter);
  // A line may be drawn as several runs (digits and words are itemized apart): count baselines.
  std::set<long> last_cell_baselines, period_baselines;
  const auto w = column_widths(fig.slices[1]);
  double x3 = w[0] + w[1] + w[2];
  for (const auto& item : fig.slices[1].items)
    if (const auto* run = std::get_if<TextRun>(&item)) {
      const long baseline = std::lround(run->glyphs.front().y * 10);
      if (run->glyphs.front().x >= x3) last_cell_baselines.insert(baseline);
      else if (run->glyphs.front().x >= w[0] + w[1]) period_baselines.insert(baseline);
    }
  const std::size_t lines_of_last_cell = last_cell_baselines.size(), lines_of_period = period_baselines.size();
  EXPECT_EQ(lines_of_last_cell, 1u);
  EXPECT_EQ(lines_of_period, 1u);
}

}  // namespace
}  // namespace saraban::layout
