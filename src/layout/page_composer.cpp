#include "layout/page_composer.h"

#include <algorithm>
#include <deque>

#include "layout/page_stream.h"

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

// Paragraphs laid out as the composer reaches them, and let go once it is two past them: a
// long text never holds all its lines. Element references stay valid while held (a deque).
// With `kept` (lines kept for reuse, one per paragraph) it lays nothing out and refers to those.
class LaidWindow {
 public:
  LaidWindow(const std::vector<Paragraph>& paragraphs, ParagraphLayouter& layouter, double width,
             const std::vector<std::vector<LineBox>>* kept)
      : paragraphs_(paragraphs), layouter_(layouter), width_(width), kept_(kept) {}
  std::size_t size() const { return paragraphs_.size(); }
  const LaidParagraph& operator[](std::size_t i) {
    while (first_ + 1 < i && !held_.empty()) held_.pop_front(), owned_.pop_front(), ++first_;
    while (first_ + held_.size() <= i) {
      const std::size_t k = first_ + held_.size();
      owned_.push_back(kept_ ? std::vector<LineBox>{} : layouter_.layout(paragraphs_[k], width_));
      held_.push_back(LaidParagraph{&paragraphs_[k], kept_ ? (*kept_)[k] : owned_.back()});
    }
    return held_[i - first_];
  }

 private:
  const std::vector<Paragraph>& paragraphs_;
  ParagraphLayouter& layouter_;
  double width_;
  const std::vector<std::vector<LineBox>>* kept_;
  std::size_t first_ = 0;  // index of held_.front()
  std::deque<std::vector<LineBox>> owned_;  // the lines held_ refers to, without `kept`
  std::deque<LaidParagraph> held_;
};

// The paragraph's outline entry and its own anchor, positions still to fill in.
std::vector<Anchor> paragraph_anchors(const Paragraph& p) {
  std::vector<Anchor> out;
  if (!p.bookmark.empty()) out.push_back(Anchor{Anchor::Kind::Outline, p.bookmark, p.bookmark_level, 0, 0});
  if (p.anchor) out.push_back(*p.anchor);
  return out;
}

}  // namespace

// `line_pages`, when given, receives the page of each line of each paragraph.
static std::size_t compose_impl(LaidWindow& laid, const PageGeometry& geo, double first_top,
                           std::vector<std::string>& first_texts, double& end_y,
                           const std::map<std::size_t, std::size_t>& forced_breaks,
                           std::vector<std::vector<int>>* line_pages, const PageSink& sink) {
  StreamedDocument doc{PageStream(sink)};
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
    std::vector<int>* pages_of = line_pages ? &line_pages->emplace_back() : nullptr;
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

    for (Anchor a : paragraph_anchors(*lp.para)) {
      a.x = geo.margin_left + lp.para->style.left_indent, a.y = y;
      doc.pages.back().items.push_back(std::move(a));
    }

    std::size_t i = 0;
    while (i < n) {
      // Lines that fit on this page.
      std::size_t fit = i;
      double yy = y;
      const std::size_t limit = i < forced_line ? forced_line : n;
      while (fit < limit && yy + lp.lines[fit].height <= bottom + 0.01) yy += lp.lines[fit++].height;
      if (fit == n) {
        for (; i < n; ++i) {
          if (pages_of) pages_of->push_back(static_cast<int>(doc.pages.size()) - 1);
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
        if (pages_of) pages_of->push_back(static_cast<int>(doc.pages.size()) - 1);
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
  return doc.pages.finish();
}

std::size_t PageComposer::compose_pages(const std::vector<Paragraph>& paragraphs, const PageSink& sink) {
  const double width = geo_.width - geo_.margin_left - geo_.margin_right;
  if (reuse_lines_ && lines_.size() != paragraphs.size()) {
    lines_.clear();
    lines_.reserve(paragraphs.size());
    for (const auto& p : paragraphs) lines_.push_back(layouter_.layout(p, width));
  }
  LaidWindow laid(paragraphs, layouter_, width, reuse_lines_ ? &lines_ : nullptr);
  first_texts_.clear();
  line_pages_.clear();
  const std::size_t count = compose_impl(laid, geo_, first_top_, first_texts_, end_y_, forced_breaks_,
                                         reuse_lines_ ? &line_pages_ : nullptr, sink);
  first_texts_.resize(count);  // a dropped trailing empty page
  return count;
}

std::vector<FrameItem> PageComposer::furniture(std::size_t index) const {
  if (!decorator_) return {};
  const std::size_t count = first_texts_.size();
  PageInfo pi{static_cast<int>(index), static_cast<int>(count), index + 1 < count ? first_texts_[index + 1] : std::string()};
  std::vector<FrameItem> items = decorator_(pi);
  // Furniture is read by eye, not extracted: it would split a paragraph running over the break.
  for (auto& item : items)
    if (auto* run = std::get_if<TextRun>(&item)) run->in_text_layer = false;
  return items;
}

DocumentFrame PageComposer::compose(const std::vector<Paragraph>& paragraphs, DocumentInfo info) {
  DocumentFrame doc;
  compose_pages(paragraphs, [&doc](PageFrame&& page) { doc.pages.push_back(std::move(page)); });
  doc.info = std::move(info);
  for (std::size_t i = 0; i < doc.pages.size(); ++i)
    for (auto& it : furniture(i)) doc.pages[i].items.push_back(std::move(it));
  return doc;
}

}  // namespace saraban::layout
