#pragma once
// Flows paragraphs onto pages: space before/after, keep-with-next, keep-together, widow and
// orphan control, page breaks, and running headers and footers drawn once the page count is
// known.
#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "layout/block.h"
#include "layout/frame.h"
#include "layout/page_stream.h"
#include "layout/paragraph.h"
#include "layout/paragraph_layouter.h"

namespace saraban::layout {

struct PageGeometry {
  double width = 595.2756;  // pt (A4)
  double height = 841.8898;
  double margin_top = 72;
  double margin_bottom = 56.7;
  double margin_left = 85.04;   // 3 cm
  double margin_right = 56.69;  // 2 cm
};

struct PageInfo {
  int index = 0;  // 0-based
  int count = 0;
  std::string next_page_first_text;  // the first line's text on the following page, if any
};

// Items for a page's running header or footer (page coordinates).
using PageDecorator = std::function<std::vector<FrameItem>(const PageInfo&)>;

class PageComposer {
 public:
  PageComposer(ParagraphLayouter& layouter, PageGeometry geometry) : layouter_(layouter), geo_(geometry) {}
  void set_decorator(PageDecorator d) { decorator_ = std::move(d); }
  // The first page's content may start lower (a letterhead above it).
  void set_first_page_top(double y) { first_top_ = y; }
  // Lays the paragraphs out; Paragraph::bookmark and Paragraph::anchor become Anchor items.
  DocumentFrame compose(const std::vector<Paragraph>& paragraphs, DocumentInfo info);
  // Paragraphs and figures: each figure slice is put whole on a page, its repeat_header on
  // every further page it runs onto, its connectors where it breaks.
  DocumentFrame compose(const std::vector<Block>& blocks, DocumentInfo info);
  // The same pages one by one, each to `sink` as soon as it is full, so that only the page
  // being composed and the paragraphs on it are held. Returns the page count. Running headers
  // and footers need the count, so they are not on these pages: furniture(i) gives them after.
  std::size_t compose_pages(const std::vector<Paragraph>& paragraphs, const PageSink& sink);
  std::size_t compose_pages(const std::vector<Block>& blocks, const PageSink& sink);
  // The decorator's items for page `index` of the last composition (empty without one).
  std::vector<FrameItem> furniture(std::size_t index) const;
  // Off (the default): furniture text is drawn outside the text layer. On: page numbers are
  // text a reader finds (a manual's contents point at them).
  void set_furniture_in_text_layer(bool on) { furniture_in_text_layer_ = on; }

  // The y (on the last page) at which the last compose() ended.
  double end_y() const { return end_y_; }

  // Forced page breaks for the next composition: paragraph index → the line before which its
  // page ends (0: the paragraph starts a page). Keep rules that look past one paragraph use these.
  void set_forced_breaks(std::map<std::size_t, std::size_t> breaks) { forced_breaks_ = std::move(breaks); }
  // On: each composition keeps every paragraph's lines and notes their pages (line_pages()), and
  // reuses the lines kept with as many paragraphs — for a short text composed several times with
  // only spacing and breaks changed (a letter's pagination). Off (the default) keeps nothing, so
  // long texts stream; turning it off lets go of the lines kept.
  void set_reuse_lines(bool on) {
    reuse_lines_ = on;
    if (!on) lines_.clear(), line_pages_.clear();
  }
  // With reuse on: for each paragraph of the last composition, the 0-based page of each line.
  const std::vector<std::vector<int>>& line_pages() const { return line_pages_; }

 private:
  using BlockRef = std::variant<const Paragraph*, const Figure*>;
  using BlockAt = std::function<BlockRef(std::size_t)>;
  std::size_t compose_with(std::size_t count, const BlockAt& at, const PageSink& sink);
  DocumentFrame finish(DocumentFrame doc, DocumentInfo info) const;

  ParagraphLayouter& layouter_;
  PageGeometry geo_;
  PageDecorator decorator_;
  double first_top_ = -1;
  double end_y_ = 0;
  std::vector<std::string> first_texts_;  // per page of the last composition, for PageInfo
  std::map<std::size_t, std::size_t> forced_breaks_;
  std::vector<std::vector<int>> line_pages_;
  bool reuse_lines_ = false;
  bool furniture_in_text_layer_ = false;
  std::vector<std::vector<LineBox>> lines_;
};

}  // namespace saraban::layout
