#include <gtest/gtest.h>

#include <algorithm>

#include "layout/knuth_plass.h"

namespace saraban::layout {
namespace {

std::vector<BreakItem> words(std::initializer_list<double> widths, double space = 10) {
  std::vector<BreakItem> items;
  for (double w : widths) {
    if (!items.empty()) items.push_back(BreakItem{BreakItem::Kind::Glue, space, space * 0.5, space * 0.3, 0, 0, false});
    items.push_back(BreakItem{BreakItem::Kind::Box, w, 0, 0, 0, 0, false});
  }
  return items;
}

double line_width(const std::vector<BreakItem>& items, const LineSpan& l) {
  double w = 0;
  for (std::size_t k = l.begin; k < l.end; ++k)
    if (items[k].kind != BreakItem::Kind::Penalty) w += items[k].width;
  return w;
}

TEST(KnuthPlass, EveryLineFitsAndOnlyTheLastIsMarkedLast) {
  auto items = words({30, 45, 20, 60, 25, 35, 50, 15, 40, 30});
  BreakParams p{100, 100, true, 0};
  auto lines = break_lines(items, p);
  ASSERT_GT(lines.size(), 2u);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    EXPECT_LE(line_width(items, lines[i]) - 3 * 3, 100) << i;  // at most shrink
    EXPECT_EQ(lines[i].last, i + 1 == lines.size());
  }
  EXPECT_EQ(lines.front().begin, 0u);
  EXPECT_EQ(lines.back().end, items.size());
}

TEST(KnuthPlass, ForcedBreaksAreAlwaysTaken) {
  auto items = words({10, 10});
  items.insert(items.begin() + 1, BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, 0, true});
  auto lines = break_lines(items, BreakParams{100, 100, true, 0});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_TRUE(lines[0].last);
}

TEST(KnuthPlass, ForbiddenPenaltiesAreNeverBreaks) {
  std::vector<BreakItem> items;
  for (int i = 0; i < 10; ++i) {
    items.push_back(BreakItem{BreakItem::Kind::Box, 30, 0, 0, 2, 0, false});
    items.push_back(BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, i % 2 ? 0.0 : kForbidden, false});
  }
  auto lines = break_lines(items, BreakParams{100, 100, true, 1});
  for (const auto& l : lines) {
    if (l.end < items.size()) {
      EXPECT_LT(items[l.end].penalty, kForbidden);
    }
  }
}

TEST(KnuthPlass, AnOverlongBoxStillGetsALine) {
  auto items = words({30, 250, 30});
  auto lines = break_lines(items, BreakParams{100, 100, true, 0});
  ASSERT_EQ(lines.size(), 3u);
}

// Thai words glued by zero-width breaks with cluster gaps, as the layouter builds them.
TEST(KnuthPlass, ALastLineNarrowerThanTheIndentIsAvoidedWhenAnotherBreakWorks) {
  std::vector<BreakItem> items;
  for (double w : {40.0, 35.0, 30.0, 38.0, 42.0, 18.0}) {
    if (!items.empty()) items.push_back(BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, 0, false});
    items.push_back(BreakItem{BreakItem::Kind::Box, w, 0, 0, 6, 0, false});
  }
  BreakParams p{190, 220, true, 2};
  auto plain = break_lines(items, p);
  ASSERT_EQ(plain.size(), 2u);
  ASSERT_LT(line_width(items, plain.back()), 30);  // the runt this test is about
  p.min_last_width = 40;
  auto lines = break_lines(items, p);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_GE(line_width(items, lines.back()), 40);
}

TEST(KnuthPlass, ARuntStaysWhenNothingElseFits) {
  auto items = words({95, 10});
  BreakParams p{100, 100, true, 0};
  p.min_last_width = 50;
  auto lines = break_lines(items, p);
  ASSERT_EQ(lines.size(), 2u);
}

}  // namespace
}  // namespace saraban::layout
