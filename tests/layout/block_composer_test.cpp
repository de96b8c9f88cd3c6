// The composer flowing figures among paragraphs: slices whole on a page, the header again on
// every page a figure runs onto, connectors only where it breaks, links on contents lines.
#include <gtest/gtest.h>

#include "layout/page_composer.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

// A marker rect of a given width identifies which slice (or header, or connector) it is.
Slice marked(double height, double id) {
  Slice s;
  s.height = height;
  s.items.push_back(Rect{0, 0, id, height, std::nullopt, Color{}, 0.5});
  return s;
}

// Page → the ids (rect widths) drawn there, top to bottom, with their y.
std::vector<std::vector<std::pair<double, double>>> ids(const DocumentFrame& doc) {
  std::vector<std::vector<std::pair<double, double>>> out;
  for (const auto& page : doc.pages) {
    auto& v = out.emplace_back();
    for (const auto& item : page.items)
      if (const auto* r = std::get_if<Rect>(&item)) v.push_back({r->width, r->y});
  }
  return out;
}

Figure long_figure(int rows, double row_height) {
  Figure f;
  Slice head = marked(20, 1000);
  head.keep_with_next = true;
  f.slices.push_back(head);
  f.repeat_header.push_back(head);
  for (int i = 0; i < rows; ++i) {
    Slice s = marked(row_height, 1 + i);
    s.on_break_after.push_back(Rect{0, 0, 2000, 5, std::nullopt, Color{}, 0.5});
    s.break_after_height = 5;
    s.on_break_before.push_back(Rect{0, 0, 3000, 5, std::nullopt, Color{}, 0.5});
    s.break_before_height = 5;
    f.slices.push_back(s);
  }
  return f;
}

TEST(BlockComposer, SlicesStayWholeAndTheHeaderRepeatsOnEveryPage) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  std::vector<Block> blocks;
  blocks.push_back(Paragraph::plain("ก่อนตาราง"));
  blocks.push_back(long_figure(40, 37));
  blocks.push_back(Paragraph::plain("หลังตาราง"));
  const auto doc = composer.compose(blocks, {});
  const auto pages = ids(doc);
  ASSERT_GE(pages.size(), 3u);
  const double bottom = geo.height - geo.margin_bottom;
  int next_row = 1;
  for (std::size_t p = 0; p < pages.size(); ++p) {
    const auto& v = pages[p];
    if (v.empty()) continue;
    EXPECT_EQ(v.front().first, 1000) << "page " << p << " starts without the header";
    for (const auto& [id, y] : v) {
      if (id >= 1 && id <= 40) {
        EXPECT_EQ(id, next_row) << "rows out of order";
        ++next_row;
        EXPECT_LE(y + 37, bottom + 0.01) << "row " << id << " runs past the page's foot";
      }
    }
    if (p + 1 < pages.size() && !pages[p + 1].empty()) {
      EXPECT_EQ(v.back().first, 2000) << "a page the figure breaks after ends with its connector";
      EXPECT_EQ(pages[p + 1][1].first, 3000) << "and the next one resumes with it, under the header";
    }
  }
  EXPECT_EQ(next_row, 41);
  int connectors = 0;
  for (const auto& v : pages)
    for (const auto& [id, y] : v) connectors += id == 2000;
  EXPECT_EQ(connectors, static_cast<int>(pages.size()) - 1) << "connectors only at breaks";
}

TEST(BlockComposer, AFigureKeptTogetherMovesWholeToTheNextPage) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  std::vector<Block> blocks;
  std::string long_text;
  for (int i = 0; i < 18; ++i) long_text += "บรรทัดที่ " + std::to_string(i) + "\n";
  blocks.push_back(Paragraph::plain(long_text));
  Figure fig = long_figure(8, 30);
  fig.keep_together = true;
  blocks.push_back(fig);
  const auto pages = ids(composer.compose(blocks, {}));
  ASSERT_EQ(pages.size(), 2u);
  EXPECT_TRUE(pages[0].empty()) << "no part of the figure stays on page 1";
  EXPECT_EQ(pages[1].size(), 9u) << "header and eight rows together on page 2";
}

TEST(BlockComposer, ParagraphsAsBlocksPaginateAsParagraphs) {
  LayoutFixture f;
  PageGeometry geo;
  std::vector<Paragraph> paras;
  std::vector<Block> blocks;
  for (int i = 0; i < 50; ++i) {
    ParagraphStyle st;
    st.keep_with_next = i % 7 == 0;
    st.space_before = 6;
    paras.push_back(Paragraph::plain("ย่อหน้าที่ " + std::to_string(i) + " การจัดทำแผนปฏิบัติการประจำปีงบประมาณของสำนักงานเขตพื้นที่การศึกษา", st));
    blocks.push_back(paras.back());
  }
  PageComposer a(f.layouter, geo), b(f.layouter, geo);
  const auto x = a.compose(paras, {}), y = b.compose(blocks, {});
  ASSERT_EQ(x.pages.size(), y.pages.size());
  for (std::size_t p = 0; p < x.pages.size(); ++p) {
    ASSERT_EQ(x.pages[p].items.size(), y.pages[p].items.size()) << "page " << p;
    for (std::size_t i = 0; i < x.pages[p].items.size(); ++i)
      if (const auto* r = std::get_if<TextRun>(&x.pages[p].items[i])) {
        const auto* s = std::get_if<TextRun>(&y.pages[p].items[i]);
        ASSERT_NE(s, nullptr);
        EXPECT_DOUBLE_EQ(r->glyphs.front().y, s->glyphs.front().y);
      }
  }
}

TEST(BlockComposer, ALinkedParagraphGetsALinkOverEachOfItsLines) {
  LayoutFixture f;
  PageGeometry geo;
  PageComposer composer(f.layouter, geo);
  Paragraph p = Paragraph::plain("บรรทัดแรก\nบรรทัดที่สอง");
  p.link = "h1";
  const auto doc = composer.compose(std::vector<Block>{p}, {});
  int links = 0;
  for (const auto& item : doc.pages[0].items)
    if (const auto* l = std::get_if<Link>(&item)) {
      ++links;
      EXPECT_EQ(l->destination, "h1");
      EXPECT_GT(l->width, 100);
      EXPECT_GT(l->height, 10);
    }
  EXPECT_EQ(links, 2);
}

}  // namespace
}  // namespace saraban::layout
