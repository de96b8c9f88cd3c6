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
  std::vector<double> bars;
  for (std::size_t s = 1; s <= 3; ++s)
    for (const auto& item : fig.slices[s].items)
      if (const auto* r = std::get_if<Rect>(&item); r && r->fill) bars.push_back(r->width);
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

}  // namespace
}  // namespace saraban::layout
