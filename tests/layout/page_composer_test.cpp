#include <gtest/gtest.h>

#include <map>

#include "layout/page_composer.h"
#include "layout/units.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

// A paragraph of `lines` forced lines "p<i>l<j>", so each placed run names its paragraph.
Paragraph numbered(int p, int lines, ParagraphStyle st = {}) {
  std::string t;
  for (int j = 0; j < lines; ++j) t += (j ? "\n" : "") + ("p" + std::to_string(p) + "l" + std::to_string(j));
  return Paragraph::plain(t, st);
}

// paragraph -> page -> lines placed there
std::map<int, std::map<int, int>> where(const DocumentFrame& doc) {
  std::map<int, std::map<int, int>> w;
  for (std::size_t pg = 0; pg < doc.pages.size(); ++pg)
    for (const auto& item : doc.pages[pg].items)
      if (const auto* run = std::get_if<TextRun>(&item)) {
        std::string t;
        for (const auto& c : run->clusters) t += c.text;
        if (t.size() > 1 && t[0] == 'p') w[std::stoi(t.substr(1))][static_cast<int>(pg)]++;
      }
  return w;
}

TEST(PageComposer, NoWidowsOrOrphans) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  std::vector<Paragraph> paras;
  for (int i = 0; i < 40; ++i) paras.push_back(numbered(i, 2 + (i * 7) % 5));
  auto doc = composer.compose(paras, {});
  ASSERT_GT(doc.pages.size(), 2u);
  int splits = 0;
  for (const auto& [p, pages] : where(doc)) {
    if (pages.size() < 2) continue;
    ++splits;
    for (const auto& [pg, n] : pages) EXPECT_GE(n, 2) << "paragraph " << p << " has " << n << " line(s) on page " << pg;
  }
  EXPECT_GT(splits, 0) << "the test should exercise split paragraphs";
}

TEST(PageComposer, KeepWithNextHoldsAHeadingWithItsText) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  std::vector<Paragraph> paras;
  ParagraphStyle heading;
  heading.keep_with_next = true;
  for (int i = 0; i < 60; i += 2) {
    paras.push_back(numbered(i, 1, heading));
    paras.push_back(numbered(i + 1, 5));
  }
  auto doc = composer.compose(paras, {});
  auto w = where(doc);
  for (int i = 0; i < 60; i += 2) {
    ASSERT_EQ(w[i].size(), 1u);
    int heading_page = w[i].begin()->first;
    EXPECT_EQ(w[i + 1].begin()->first, heading_page) << "heading " << i << " left alone at a page's foot";
  }
}

TEST(PageComposer, PageBreakBeforeAndDecoratorsSeeThePageCount) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  ParagraphStyle brk;
  brk.page_break_before = true;
  std::vector<Paragraph> paras{numbered(0, 2), numbered(1, 2, brk), numbered(2, 2, brk)};
  std::vector<PageInfo> seen;
  composer.set_decorator([&](const PageInfo& p) {
    seen.push_back(p);
    return std::vector<FrameItem>{};
  });
  auto doc = composer.compose(paras, {});
  ASSERT_EQ(doc.pages.size(), 3u);
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].count, 3);
  EXPECT_EQ(seen[0].next_page_first_text, "p1l0");
  EXPECT_EQ(seen[2].next_page_first_text, "");
}

TEST(PageComposer, BookmarksPointAtTheirPage) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  ParagraphStyle brk;
  brk.page_break_before = true;
  std::vector<Paragraph> paras{numbered(0, 2), numbered(1, 2, brk)};
  paras[0].bookmark = "บทที่ ๑";
  paras[1].bookmark = "บทที่ ๒";
  auto doc = composer.compose(paras, {});
  ASSERT_EQ(doc.pages.size(), 2u);
  std::vector<std::vector<Anchor>> anchors(2);
  for (std::size_t p = 0; p < 2; ++p)
    for (const auto& item : doc.pages[p].items)
      if (const auto* a = std::get_if<Anchor>(&item)) anchors[p].push_back(*a);
  ASSERT_EQ(anchors[0].size(), 1u);
  ASSERT_EQ(anchors[1].size(), 1u);
  EXPECT_EQ(anchors[1][0].kind, Anchor::Kind::Outline);
  EXPECT_EQ(anchors[1][0].name, "บทที่ ๒");
  EXPECT_DOUBLE_EQ(anchors[1][0].y, geo.margin_top);
}

}  // namespace
}  // namespace saraban::layout
