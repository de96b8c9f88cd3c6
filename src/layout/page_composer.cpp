#include "layout/page_composer.h"

#include <algorithm>

namespace saraban::layout {

namespace {

struct LaidParagraph {
  const Paragraph* para;
  const std::vector<LineBox>& lines;
  double height_of(std::size_t from, std::size_t to) const {
    double h = 0;
    for (std::size_t i = from; i < to; ++i) h += lines[i].height;
    return h;
  }
};

}  // namespace

static DocumentFrame compose_impl(const std::vector<LaidParagraph>& laid, const PageGeometry& geo, double first_top,
                           std::vector<std::string>& first_texts, double& end_y,
                           std::vector<Bookmark>& bookmarks, const std::map<std::size_t, std::size_t>& forced_breaks,
                           std::vector<std::vector<int>>& line_pages) {
  DocumentFrame doc;
  const double bottom = geo.height - geo.margin_bottom;
  doc.pages.push_back(PageFrame{geo.width, geo.height, {}});
  first_texts.push_back({});
  double y = first_top >= 0 ? first_top : geo.margin_top;
  bool page_fresh = true;

  auto new_page = [&] {
    doc.pages.push_back(PageFrame{geo.width, geo.height, {}});
    first_texts.push_back({});
    y = geo.margin_top;
    page_fresh = true;
  };

  for (std::size_t pi = 0; pi < laid.size(); ++pi) {
    const auto& lp = laid[pi];
    const auto& st = lp.para->style;
    const auto forced = forced_breaks.find(pi);
    const std::size_t forced_line = forced == forced_breaks.end() ? lp.lines.size() : forced->second;
    if ((st.page_break_before || forced_line == 0) && !page_fresh) new_page();
    auto& pages_of = line_pages.emplace_back();
    if (!page_fresh) y += st.space_before;
    const std::size_t n = lp.lines.size();

    // How much must fit here before the paragraph may start on this page.
    std::size_t must = std::min<std::size_t>(n, st.keep_together ? n : static_cast<std::size_t>(std::max(1, st.orphans)));
    double need = lp.height_of(0, must);
    if (st.keep_with_next && pi + 1 < laid.size()) {
      const auto& next = laid[pi + 1];
      need = lp.height_of(0, n) + next.para->style.space_before +
             next.height_of(0, std::min<std::size_t>(next.lines.size(), static_cast<std::size_t>(std::max(1, next.para->style.orphans))));
    }
    if (y + need > bottom + 0.01 && !page_fresh && forced_line == n) new_page();

    if (!lp.para->bookmark.empty())
      bookmarks.push_back(Bookmark{lp.para->bookmark, lp.para->bookmark_level, static_cast<int>(doc.pages.size()) - 1, y});

    std::size_t i = 0;
    while (i < n) {
      // Lines that fit on this page.
      std::size_t fit = i;
      double yy = y;
      const std::size_t limit = i < forced_line ? forced_line : n;
      while (fit < limit && yy + lp.lines[fit].height <= bottom + 0.01) yy += lp.lines[fit++].height;
      if (fit == n) {
        for (; i < n; ++i) {
          pages_of.push_back(static_cast<int>(doc.pages.size()) - 1);
          auto items = place_line(lp.lines[i], geo.margin_left, y + lp.lines[i].ascent);
          if (first_texts.back().empty() && !lp.lines[i].runs.empty()) first_texts.back() = lp.para->text().substr(lp.lines[i].text_begin, lp.lines[i].text_end - lp.lines[i].text_begin);
          for (auto& it : items) doc.pages.back().items.push_back(std::move(it));
          y += lp.lines[i].height;
        }
        break;
      }
      // Split: keep `orphans` lines here and `widows` lines on the next page.
      std::size_t widows = static_cast<std::size_t>(std::max(1, st.widows));
      std::size_t orphans = static_cast<std::size_t>(std::max(1, st.orphans));
      const bool at_forced = fit == limit && limit < n;  // the caller chose this break
      if (!at_forced) {
        if (n - fit < widows && fit > i) fit = n >= widows ? std::max(i, n - widows) : i;
        if (fit - i < orphans && !(page_fresh && fit > i)) fit = i;
        if (st.keep_together && !page_fresh) fit = i;
      }
      if (fit == i && page_fresh) fit = std::max(i + 1, fit);  // a line taller than the page
      for (; i < fit; ++i) {
        pages_of.push_back(static_cast<int>(doc.pages.size()) - 1);
        auto items = place_line(lp.lines[i], geo.margin_left, y + lp.lines[i].ascent);
        if (first_texts.back().empty() && !lp.lines[i].runs.empty()) first_texts.back() = lp.para->text().substr(lp.lines[i].text_begin, lp.lines[i].text_end - lp.lines[i].text_begin);
        for (auto& it : items) doc.pages.back().items.push_back(std::move(it));
        y += lp.lines[i].height;
        page_fresh = false;
      }
      new_page();
    }
    y += st.space_after;
    page_fresh = false;
  }
  end_y = y;
  return doc;
}

DocumentFrame PageComposer::compose(const std::vector<Paragraph>& paragraphs, DocumentInfo info) {
  const double width = geo_.width - geo_.margin_left - geo_.margin_right;
  if (!reuse_lines_ || lines_.size() != paragraphs.size()) {
    lines_.clear();
    for (const auto& p : paragraphs) lines_.push_back(layouter_.layout(p, width));
  }
  std::vector<LaidParagraph> laid;
  laid.reserve(paragraphs.size());
  for (std::size_t i = 0; i < paragraphs.size(); ++i) laid.push_back(LaidParagraph{&paragraphs[i], lines_[i]});
  std::vector<std::string> first_texts;
  std::vector<Bookmark> bookmarks;
  line_pages_.clear();
  DocumentFrame doc = compose_impl(laid, geo_, first_top_, first_texts, end_y_, bookmarks, forced_breaks_, line_pages_);
  // A trailing empty page (the last paragraph ended exactly at a page's foot).
  while (doc.pages.size() > 1 && doc.pages.back().items.empty()) {
    doc.pages.pop_back();
    first_texts.pop_back();
  }
  doc.info = std::move(info);
  doc.bookmarks = std::move(bookmarks);
  if (decorator_) {
    const int count = static_cast<int>(doc.pages.size());
    for (int i = 0; i < count; ++i) {
      PageInfo pi{i, count, i + 1 < count ? first_texts[static_cast<std::size_t>(i) + 1] : std::string()};
      for (auto& it : decorator_(pi)) doc.pages[static_cast<std::size_t>(i)].items.push_back(std::move(it));
    }
  }
  return doc;
}

}  // namespace saraban::layout
