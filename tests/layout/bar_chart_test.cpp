// Bar charts as figures: a legend, a slice per category, a scale; bars in proportion to their
// values on one scale, every label and value real text, nothing past the column's width.
#include <gtest/gtest.h>

#include <vector>

#include "layout/bar_chart.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

std::string text_of(const Slice& s) {
  std::string t;
  for (const auto& item : s.items)
    if (const auto* r = std::get_if<TextRun>(&item))
      for (const auto& c : r->clusters)
        for (char ch : c.text)
          if (ch != ' ') t += ch;
  return t;
}

BarChart months() {
  BarChart c;
  c.categories = {"ม.ค.", "ก.พ.", "มี.ค."};
  c.series = {"ทะเบียนรับ", "ทะเบียนส่ง"};
  c.values = {{1500, 900, 0}, {700, 1200, 30}};
  c.value_text = {{"๑,๕๐๐", "๙๐๐", "๐"}, {"๗๐๐", "๑,๒๐๐", "๓๐"}};
  return c;
}

TEST(BarChart, NiceStepsAreOneTwoOrFiveTimesAPowerOfTen) {
  EXPECT_DOUBLE_EQ(nice_step(1500, 5), 500);
  EXPECT_DOUBLE_EQ(nice_step(1000, 5), 200);
  EXPECT_DOUBLE_EQ(nice_step(37, 5), 10);
  EXPECT_DOUBLE_EQ(nice_step(3, 5), 1);
  EXPECT_DOUBLE_EQ(nice_step(0, 5), 1);
}

TEST(BarChart, EachCategoryIsASliceWithItsLabelAndValuesInReadingOrder) {
  LayoutFixture f;
  const Figure fig = layout_bar_chart(months(), 400, BarChartStyle{}, f.layouter);
  ASSERT_EQ(fig.slices.size(), 5u);  // legend, three months, scale
  EXPECT_EQ(text_of(fig.slices[0]), "ทะเบียนรับทะเบียนส่ง");
  EXPECT_EQ(text_of(fig.slices[1]), "ม.ค.๑,๕๐๐๗๐๐");
  EXPECT_EQ(text_of(fig.slices[2]), "ก.พ.๙๐๐๑,๒๐๐");
  EXPECT_EQ(text_of(fig.slices[3]), "มี.ค.๐๓๐");
  EXPECT_TRUE(fig.keep_together);
}

TEST(BarChart, BarsAreInProportionAndStayInsideTheWidth) {
  LayoutFixture f;
  const Figure fig = layout_bar_chart(months(), 400, BarChartStyle{}, f.layouter);
  // Bars start at the plot's base; the swatches beside the values stand right of the plot.
  double base = 1e9;
  for (std::size_t s = 1; s <= 3; ++s)
    for (const auto& item : fig.slices[s].items)
      if (const auto* r = std::get_if<Rect>(&item); r && r->fill) base = std::min(base, r->x);
  std::vector<double> bars;
  for (std::size_t s = 1; s <= 3; ++s)
    for (const auto& item : fig.slices[s].items)
      if (const auto* r = std::get_if<Rect>(&item); r && r->fill && r->x == base) bars.push_back(r->width);
  ASSERT_EQ(bars.size(), 5u) << "a zero draws no bar";
  // 1500 : 700 : 900 : 1200 : 30, on one scale.
  EXPECT_NEAR(bars[1] / bars[0], 700.0 / 1500, 1e-9);
  EXPECT_NEAR(bars[3] / bars[0], 1200.0 / 1500, 1e-9);
  for (const auto& s : fig.slices)
    for (const auto& item : s.items)
      if (const auto* r = std::get_if<TextRun>(&item)) {
        for (const auto& g : r->glyphs) EXPECT_LE(g.x + g.advance, 400.5);
      }
}

// poppler reads the chart's text row by row only when it lines up as a table: each month's
// name and its values on one middle line, each series' values starting at one x.
TEST(BarChart, ValuesStandInColumnsOnTheirMonthsLine) {
  LayoutFixture f;
  const Figure fig = layout_bar_chart(months(), 400, BarChartStyle{}, f.layouter);
  std::vector<std::vector<double>> starts(3), baselines(3);
  for (std::size_t s = 1; s <= 3; ++s)
    for (const auto& item : fig.slices[s].items)
      if (const auto* r = std::get_if<TextRun>(&item); r && !r->glyphs.empty()) {
        static double end = -1;  // a run that carries on the one before (a script change) is one piece
        const auto& g = r->glyphs.front();
        if (!starts[s - 1].empty() && g.x <= end + 0.5) {
          end = r->glyphs.back().x + r->glyphs.back().advance;
          continue;
        }
        starts[s - 1].push_back(g.x);
        baselines[s - 1].push_back(g.y);
        end = r->glyphs.back().x + r->glyphs.back().advance;
      }
  for (std::size_t m = 0; m < 3; ++m) {
    ASSERT_EQ(starts[m].size(), 3u) << "the month's name and two values";
    EXPECT_LT(starts[m][0], starts[m][1]);
    EXPECT_LT(starts[m][1], starts[m][2]);
    for (std::size_t i = 1; i < 3; ++i) {
      EXPECT_DOUBLE_EQ(starts[m][i], starts[0][i]) << "month " << m << " value " << i;
      EXPECT_NEAR(baselines[m][i], baselines[m][0], 2.0) << "month " << m << " value " << i;
    }
  }
}

}  // namespace
}  // namespace saraban::layout
