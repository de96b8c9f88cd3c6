#pragma once
// A paragraph as documents describe it: styled spans of cleaned text plus a paragraph style.
// Lengths are points here; templates hold centimetres and convert when they build these.
#include <optional>
#include <string>
#include <vector>

#include "layout/font_set.h"
#include "layout/frame.h"

namespace saraban::layout {

enum class Alignment { Left, Right, Center, Justify, ThaiDistributed };

struct TabStop {
  double position = 0;  // pt from the paragraph's left edge
  enum class Kind { Left, Right } kind = Kind::Left;
  bool dot_leader = false;  // fill the gap before the stop with dots
};

struct ParagraphStyle {
  Alignment align = Alignment::Left;
  FontStyle font_style = FontStyle::Regular;
  double size = 16;               // pt
  Color color;
  double first_line_indent = 0;   // pt, added to left_indent on the first line
  double left_indent = 0;
  double right_indent = 0;
  double line_spacing = 1.0;      // multiple of the font's natural line height
  double space_before = 0;        // pt
  double space_after = 0;
  bool keep_with_next = false;    // never the last paragraph on a page if the next follows
  bool keep_together = false;     // never split over two pages
  bool page_break_before = false;
  int widows = 2;                 // least lines carried to a new page
  int orphans = 2;                // least lines left at a page's foot
  std::vector<TabStop> tabs;
};

struct TextSpan {
  std::string text;  // cleaned UTF-8 (text::clean_text), digits already chosen
  std::optional<FontStyle> font_style;
  std::optional<double> size;
  std::optional<Color> color;
};

struct Paragraph {
  std::vector<TextSpan> spans;
  ParagraphStyle style;
  std::string bookmark;  // non-empty: an outline entry at this paragraph
  int bookmark_level = 0;
  // A place a later stage needs (a signature space, the stamp): the composer emits it as an
  // Anchor item at the paragraph's top, with x and y filled in.
  std::optional<Anchor> anchor;
  // Non-empty: each of the paragraph's lines is a Link item to the Destination anchor of this
  // name (a contents entry that goes to its heading).
  std::string link;

  static Paragraph plain(std::string text, ParagraphStyle style = {}) {
    Paragraph p;
    p.spans.push_back(TextSpan{std::move(text), {}, {}, {}});
    p.style = std::move(style);
    return p;
  }
  std::string text() const {
    std::string t;
    for (const auto& s : spans) t += s.text;
    return t;
  }
};

}  // namespace saraban::layout
