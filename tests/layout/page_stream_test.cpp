// Composing page by page (PageComposer::compose_pages): a page leaves the composer before the
// paragraphs of later pages are laid out, the pages are those compose() makes, and running
// headers come afterwards as furniture.
#include <gtest/gtest.h>

#include "layout/page_composer.h"
#include "layout_fixture.h"

namespace saraban::layout {
namespace {

using testing::LayoutFixture;

// Forty paragraphs of five lines each, every word new, so each paragraph costs the shaper misses.
std::vector<Paragraph> long_text() {
  std::vector<Paragraph> paras;
  ParagraphStyle st;
  st.space_after = 6;
  for (int p = 0; p < 40; ++p) {
    std::string t;
    for (int l = 0; l < 5; ++l) t += (l ? "\n" : "") + ("w" + std::to_string(p) + "x" + std::to_string(l));
    paras.push_back(Paragraph::plain(t, st));
  }
  return paras;
}

PageDecorator numbers(LayoutFixture& f) {
  return [&f](const PageInfo& page) {
    auto lines = f.layouter.layout(Paragraph::plain("page " + std::to_string(page.index + 1) + "/" + std::to_string(page.count)), 400);
    return place_line(lines.front(), 72, 40);
  };
}

std::string texts(const PageFrame& page) {
  std::string s;
  for (const auto& item : page.items)
    if (const auto* run = std::get_if<TextRun>(&item))
      for (const auto& c : run->clusters) s += c.text;
  return s;
}

TEST(PageStream, APageLeavesBeforeLaterParagraphsAreLaidOut) {
  LayoutFixture f;
  PageComposer composer(f.layouter, PageGeometry{});
  const auto paras = long_text();
  std::vector<std::size_t> misses_at_page;
  const std::size_t count = composer.compose_pages(paras, [&](PageFrame&&) { misses_at_page.push_back(f.shaper.cache_misses()); });
  ASSERT_GE(count, 3u);
  ASSERT_EQ(misses_at_page.size(), count);
  // All at once, every paragraph would be shaped before the first page left.
  EXPECT_LT(misses_at_page.front() * 2, f.shaper.cache_misses());
}

TEST(PageStream, SamePagesAsComposeWithFurnitureAfter) {
  LayoutFixture f;
  const auto paras = long_text();
  PageComposer whole(f.layouter, PageGeometry{});
  whole.set_decorator(numbers(f));
  const DocumentFrame doc = whole.compose(paras, {});

  PageComposer streaming(f.layouter, PageGeometry{});
  streaming.set_decorator(numbers(f));
  std::vector<PageFrame> pages;
  const std::size_t count = streaming.compose_pages(paras, [&](PageFrame&& p) { pages.push_back(std::move(p)); });
  ASSERT_EQ(count, doc.pages.size());
  for (std::size_t i = 0; i < count; ++i) {
    EXPECT_EQ(texts(pages[i]).find("page "), std::string::npos) << "furniture drawn before the count was known";
    for (auto& it : streaming.furniture(i)) pages[i].items.push_back(std::move(it));
    EXPECT_EQ(texts(pages[i]), texts(doc.pages[i])) << "page " << i;
    EXPECT_NE(texts(pages[i]).find("/" + std::to_string(count)), std::string::npos);
  }
}

}  // namespace
}  // namespace saraban::layout
