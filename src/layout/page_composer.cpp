#include "layout/page_composer.h"

#include <algorithm>
#include <deque>

#include "layout/frame_translate.h"
#include "layout/page_stream.h"

namespace saraban::layout {

namespace {

// A block as the composer reaches it: a paragraph with its lines, or a figure with its slices.
struct LaidBlock {
  const Paragraph* para = nullptr;
  const Figure* figure = nullptr;
  const std::vector<LineBox>& lines;  // empty for a figure
  std::size_t rows() const { return para ? lines.size() : figure->slices.size(); }
  double row_height(std::size_t i) const { return para ? lines[i].height : figure->slices[i].height; }
  double height_of(std::size_t from, std::size_t to) const {
    double h = 0;
    for (std::size_t i = from; i < to; ++i) h += row_height(i);
    return h;
  }
  double space_before() const { return para ? para->style.space_before : figure->space_before; }
  // The least rows that must fit where the block starts.
  std::size_t first_rows() const {
    if (figure) return std::min<std::size_t>(rows(), figure->keep_together ? rows() : 1);
    return std::min<std::size_t>(rows(), static_cast<std::size_t>(std::max(1, para->style.orphans)));
  }
};

// Blocks laid out as the composer reaches them, and let go once it is two past them: a long
// text never holds all its lines. Element references stay valid while held (a deque). With
// `kept` (lines kept for reuse, one per block) it lays nothing out and refers to those.
class LaidWindow {
 public:
  using At = std::function<std::variant<const Paragraph*, const Figure*>(std::size_t)>;
  LaidWindow(std::size_t size, At at, ParagraphLayouter& layouter, double width,
             const std::vector<std::vector<LineBox>>* kept)
      : size_(size), at_(std::move(at)), layouter_(layouter), width_(width), kept_(kept) {}
  std::size_t size() const { return size_; }
  const LaidBlock& operator[](std::size_t i) {
    while (first_ + 1 < i && !held_.empty()) held_.pop_front(), owned_.pop_front(), ++first_;
    while (first_ + held_.size() <= i) {
      const std::size_t k = first_ + held_.size();
      const auto block = at_(k);
      if (const auto* const* fig = std::get_if<const Figure*>(&block)) {
        owned_.emplace_back();
        held_.push_back(LaidBlock{nullptr, *fig, owned_.back()});
        continue;
      }
      const Paragraph* para = std::get<const Paragraph*>(block);
      owned_.push_back(kept_ ? std::vector<LineBox>{} : layouter_.layout(*para, width_));
      held_.push_back(LaidBlock{para, nullptr, kept_ ? (*kept_)[k] : owned_.back()});
    }
    return held_[i - first_];
  }

 private:
  std::size_t size_;
  At at_;
  ParagraphLayouter& layouter_;
  double width_;
  const std::vector<std::vector<LineBox>>* kept_;
  std::size_t first_ = 0;  // index of held_.front()
  std::deque<std::vector<LineBox>> owned_;  // the lines held_ refers to, without `kept`
  std::deque<LaidBlock> held_;
};

// The block's outline entry and its own anchor, positions still to fill in.
std::vector<Anchor> block_anchors(const std::string& bookmark, int level, const std::optional<Anchor>& anchor) {
  std::vector<Anchor> out;
  if (!bookmark.empty()) out.push_back(Anchor{Anchor::Kind::Outline, bookmark, level, 0, 0});
  if (anchor) out.push_back(*anchor);
  return out;
}

// One composition: the pages so far and where the next row goes.
class Composition {
 public:
  Composition(LaidWindow& laid, const PageGeometry& geo, double first_top, std::vector<std::string>& first_texts,
              const std::map<std::size_t, std::size_t>& forced_breaks, std::vector<std::vector<int>>* line_pages,
              const PageSink& sink)
      : laid_(laid), geo_(geo), bottom_(geo.height - geo.margin_bottom), first_texts_(first_texts),
        forced_breaks_(forced_breaks), line_pages_(line_pages), doc_{PageStream(sink)} {
    doc_.pages.push_back(PageFrame{geo.width, geo.height, {}});
    first_texts_.push_back({});
    y_ = first_top >= 0 ? first_top : geo.margin_top;
  }

  std::size_t run(double& end_y) {
    for (std::size_t bi = 0; bi < laid_.size(); ++bi) {
      const auto& lb = laid_[bi];
      if (lb.para)
        place_paragraph(bi, lb);
      else
        place_figure(bi, lb);
    }
    end_y = y_;
    return doc_.pages.finish();
  }

 private:
  void new_page() {
    doc_.pages.push_back(PageFrame{geo_.width, geo_.height, {}});
    first_texts_.push_back({});
    y_ = geo_.margin_top;
    page_fresh_ = true;
  }
  std::vector<FrameItem>& items() { return doc_.pages.back().items; }

  // The height that must fit after block `bi` for its keep-with-next to hold.
  double next_need(std::size_t bi) {
    if (bi + 1 >= laid_.size()) return 0;
    const auto& next = laid_[bi + 1];
    return next.space_before() + next.height_of(0, next.first_rows());
  }

  void place_line(const LaidBlock& lp, std::size_t i, std::vector<int>* pages_of) {
    const LineBox& line = lp.lines[i];
    if (pages_of) pages_of->push_back(static_cast<int>(doc_.pages.size()) - 1);
    auto placed = layout::place_line(line, geo_.margin_left, y_ + line.ascent);
    if (first_texts_.back().empty() && !line.runs.empty())
      first_texts_.back() = lp.para->text().substr(line.text_begin, line.text_end - line.text_begin);
    for (auto& it : placed) items().push_back(std::move(it));
    if (!lp.para->link.empty()) {
      const auto& st = lp.para->style;
      const double x = geo_.margin_left + st.left_indent;
      const double w = geo_.width - geo_.margin_right - st.right_indent - x;
      items().push_back(Link{x, y_, w, line.height, lp.para->link});
    }
    y_ += line.height;
  }

  void place_paragraph(std::size_t pi, const LaidBlock& lp) {
    const auto& st = lp.para->style;
    const auto forced = forced_breaks_.find(pi);
    const std::size_t forced_line = forced == forced_breaks_.end() ? lp.lines.size() : forced->second;
    if ((st.page_break_before || forced_line == 0) && !page_fresh_) new_page();
    std::vector<int>* pages_of = line_pages_ ? &line_pages_->emplace_back() : nullptr;
    if (!page_fresh_) y_ += st.space_before;
    const std::size_t n = lp.lines.size();

    // How much must fit here before the paragraph may start on this page.
    std::size_t must = std::min<std::size_t>(n, st.keep_together ? n : static_cast<std::size_t>(std::max(1, st.orphans)));
    double need = lp.height_of(0, must);
    if (st.keep_with_next && pi + 1 < laid_.size()) need = lp.height_of(0, n) + next_need(pi);
    if (y_ + need > bottom_ + 0.01 && !page_fresh_ && forced_line == n) new_page();

    for (Anchor a : block_anchors(lp.para->bookmark, lp.para->bookmark_level, lp.para->anchor)) {
      a.x = geo_.margin_left + st.left_indent, a.y = y_;
      items().push_back(std::move(a));
    }

    std::size_t i = 0;
    while (i < n) {
      // Lines that fit on this page.
      std::size_t fit = i;
      double yy = y_;
      const std::size_t limit = i < forced_line ? forced_line : n;
      while (fit < limit && yy + lp.lines[fit].height <= bottom_ + 0.01) yy += lp.lines[fit++].height;
      if (fit == n) {
        for (; i < n; ++i) place_line(lp, i, pages_of);
        break;
      }
      // Split: keep `orphans` lines here and `widows` lines on the next page.
      std::size_t widows = static_cast<std::size_t>(std::max(1, st.widows));
      std::size_t orphans = static_cast<std::size_t>(std::max(1, st.orphans));
      const bool at_forced = fit == limit && limit < n;  // the caller chose this break
      if (!at_forced) {
        if (n - fit < widows && fit > i) fit = n >= widows ? std::max(i, n - widows) : i;
        if (fit - i < orphans && !(page_fresh_ && fit > i)) fit = i;
        if (st.keep_together && !page_fresh_) fit = i;
      }
      if (fit == i && page_fresh_) fit = std::max(i + 1, fit);  // a line taller than the page
      for (; i < fit; ++i) {
        place_line(lp, i, pages_of);
        page_fresh_ = false;
      }
      new_page();
    }
    y_ += st.space_after;
    page_fresh_ = false;
  }

  // Slice items are relative to the slice's top-left corner at the column's left edge.
  void place_items(const std::vector<FrameItem>& what) {
    for (FrameItem it : what) {
      translate(it, geo_.margin_left, y_);
      items().push_back(std::move(it));
    }
  }

  // How many of the figure's slices from `i` go on this page (at least one on a fresh page).
  std::size_t slices_that_fit(const Figure& f, std::size_t i) const {
    const std::size_t n = f.slices.size();
    std::size_t fit = i;
    double yy = y_;
    while (fit < n && yy + f.slices[fit].height <= bottom_ + 0.01) yy += f.slices[fit++].height;
    // A break after slice k needs room below it for its connector; a slice kept with the
    // next one never ends a page.
    auto break_ok = [&](std::size_t k) {
      if (k == n) return true;
      const Slice& last = f.slices[k - 1];
      return !last.keep_with_next && y_ + heights(f, i, k) + last.break_after_height <= bottom_ + 0.01;
    };
    while (fit > i && !break_ok(fit)) --fit;
    if (fit == i && page_fresh_) fit = i + 1;  // taller than the page: it overflows
    return fit;
  }
  static double heights(const Figure& f, std::size_t from, std::size_t to) {
    double h = 0;
    for (std::size_t k = from; k < to; ++k) h += f.slices[k].height;
    return h;
  }

  void place_figure(std::size_t bi, const LaidBlock& lb) {
    const Figure& f = *lb.figure;
    if (line_pages_) line_pages_->emplace_back();
    if (f.page_break_before && !page_fresh_) new_page();
    if (!page_fresh_) y_ += f.space_before;
    const std::size_t n = f.slices.size();
    double need = lb.height_of(0, lb.first_rows());
    if (f.keep_with_next) need = lb.height_of(0, n) + next_need(bi);
    if (y_ + need > bottom_ + 0.01 && !page_fresh_) new_page();
    for (Anchor a : block_anchors(f.bookmark, f.bookmark_level, f.anchor)) {
      a.x = geo_.margin_left, a.y = y_;
      items().push_back(std::move(a));
    }
    std::size_t i = 0;
    while (i < n) {
      std::size_t fit = slices_that_fit(f, i);
      if (fit == i) {  // nothing fits below what is already on this page
        new_page();
        if (i > 0) continue_figure(f, i);  // a figure that starts here brings its own header
        continue;
      }
      for (; i < fit; ++i) {
        place_items(f.slices[i].items);
        y_ += f.slices[i].height;
        page_fresh_ = false;
      }
      if (i < n) {
        place_items(f.slices[i - 1].on_break_after);
        new_page();
        continue_figure(f, i);
      }
    }
    y_ += f.space_after;
    page_fresh_ = false;
  }

  // The top of a further page the figure runs onto: its repeated header, then the connector
  // of the slice it resumes at.
  void continue_figure(const Figure& f, std::size_t i) {
    for (const Slice& h : f.repeat_header) {
      place_items(h.items);
      y_ += h.height;
    }
    const Slice& s = f.slices[i];
    if (!s.on_break_before.empty()) {
      place_items(s.on_break_before);
      y_ += s.break_before_height;
    }
  }

  LaidWindow& laid_;
  const PageGeometry& geo_;
  const double bottom_;
  std::vector<std::string>& first_texts_;
  const std::map<std::size_t, std::size_t>& forced_breaks_;
  std::vector<std::vector<int>>* line_pages_;
  StreamedDocument doc_;
  double y_ = 0;
  bool page_fresh_ = true;
};

}  // namespace

std::size_t PageComposer::compose_with(std::size_t count, const BlockAt& at, const PageSink& sink) {
  const double width = geo_.width - geo_.margin_left - geo_.margin_right;
  if (reuse_lines_ && lines_.size() != count) {
    lines_.clear();
    lines_.reserve(count);
    for (std::size_t k = 0; k < count; ++k) {
      const auto block = at(k);
      const auto* const* para = std::get_if<const Paragraph*>(&block);
      lines_.push_back(para ? layouter_.layout(**para, width) : std::vector<LineBox>{});
    }
  }
  LaidWindow laid(count, at, layouter_, width, reuse_lines_ ? &lines_ : nullptr);
  first_texts_.clear();
  line_pages_.clear();
  Composition composition(laid, geo_, first_top_, first_texts_, forced_breaks_, reuse_lines_ ? &line_pages_ : nullptr,
                          sink);
  const std::size_t pages = composition.run(end_y_);
  first_texts_.resize(pages);  // a dropped trailing empty page
  return pages;
}

std::size_t PageComposer::compose_pages(const std::vector<Paragraph>& paragraphs, const PageSink& sink) {
  return compose_with(paragraphs.size(), [&](std::size_t i) -> BlockRef { return &paragraphs[i]; }, sink);
}

std::size_t PageComposer::compose_pages(const std::vector<Block>& blocks, const PageSink& sink) {
  return compose_with(
      blocks.size(),
      [&](std::size_t i) -> BlockRef {
        if (const auto* f = std::get_if<Figure>(&blocks[i])) return f;
        return &std::get<Paragraph>(blocks[i]);
      },
      sink);
}

std::vector<FrameItem> PageComposer::furniture(std::size_t index) const {
  if (!decorator_) return {};
  const std::size_t count = first_texts_.size();
  PageInfo pi{static_cast<int>(index), static_cast<int>(count), index + 1 < count ? first_texts_[index + 1] : std::string()};
  std::vector<FrameItem> items = decorator_(pi);
  // Furniture is read by eye, not extracted: it would split a paragraph running over the
  // break. A document whose page numbers must be found as text (a manual) says so.
  if (!furniture_in_text_layer_)
    for (auto& item : items)
      if (auto* run = std::get_if<TextRun>(&item)) run->in_text_layer = false;
  return items;
}

DocumentFrame PageComposer::compose(const std::vector<Paragraph>& paragraphs, DocumentInfo info) {
  DocumentFrame doc;
  compose_pages(paragraphs, [&doc](PageFrame&& page) { doc.pages.push_back(std::move(page)); });
  return finish(std::move(doc), std::move(info));
}

DocumentFrame PageComposer::compose(const std::vector<Block>& blocks, DocumentInfo info) {
  DocumentFrame doc;
  compose_pages(blocks, [&doc](PageFrame&& page) { doc.pages.push_back(std::move(page)); });
  return finish(std::move(doc), std::move(info));
}

DocumentFrame PageComposer::finish(DocumentFrame doc, DocumentInfo info) const {
  doc.info = std::move(info);
  for (std::size_t i = 0; i < doc.pages.size(); ++i)
    for (auto& it : furniture(i)) doc.pages[i].items.push_back(std::move(it));
  return doc;
}

}  // namespace saraban::layout
