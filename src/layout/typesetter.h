#pragma once
// Plain text → pages: the simplest path from text to PDF, used by `saraban typeset` and by
// the benchmarks. A blank line starts a new paragraph; a single newline is a line break.
#include <optional>
#include <string>
#include <vector>

#include "layout/font_set.h"
#include "layout/frame.h"
#include "layout/paragraph.h"
#include "text/thai_numbers.h"

namespace saraban::layout {

struct TypesetOptions {
  double column_width_cm = 16.0;  // A4 less the standard 3 cm left and 2 cm right margins
  Alignment align = Alignment::ThaiDistributed;
  std::optional<text::DigitStyle> digits;  // unset: digits as typed
  double size = 16;
  double first_line_indent_cm = 2.5;
  bool page_numbers = false;  // "- n -" at the top centre of pages after the first
  std::string title;
};

// Splits cleaned text into paragraphs (blank lines separate them).
std::vector<std::string> split_paragraphs(const std::string& text);

// Lays out already-cleaned text.
DocumentFrame typeset_text(FontSet& fonts, const std::string& clean_text, const TypesetOptions& options,
                           std::int64_t created);

// Where typeset_text_pages puts its pages.
class TypesetPages {
 public:
  virtual ~TypesetPages() = default;
  // Each page as soon as it is composed, in order.
  virtual void page(PageFrame&& page) = 0;
  // Then, once the count is known, each page's running header or footer (0-based index).
  virtual void furniture(std::size_t index, std::vector<FrameItem>&& items) = 0;
};

// typeset_text page by page, for long texts: only the page being composed is held. The same
// pages as typeset_text, with the page numbers given as furniture. Returns the page count.
std::size_t typeset_text_pages(FontSet& fonts, const std::string& clean_text, const TypesetOptions& options,
                               TypesetPages& out);
// The info typeset_text gives its document.
DocumentInfo typeset_info(const TypesetOptions& options, std::int64_t created);

}  // namespace saraban::layout
