#pragma once
// Paragraph → lines: itemise by span, script and font coverage; shape each word once (cached);
// choose breaks for the whole paragraph (Knuth–Plass) at the word breaker's opportunities;
// place glyphs with the paragraph's alignment, including Thai distributed justification.
#include <string>
#include <unordered_map>
#include <vector>

#include "layout/font_set.h"
#include "layout/line_box.h"
#include "layout/paragraph.h"
#include "layout/shaper.h"
#include "text/word_breaker.h"

namespace saraban::layout {

class ParagraphLayouter {
 public:
  ParagraphLayouter(FontSet& fonts, Shaper& shaper, const text::WordBreaker& breaker)
      : fonts_(fonts), shaper_(shaper), breaker_(breaker) {}

  // Lines for a paragraph set in `width` points (indents are inside that width). Paragraphs
  // seen before (an office's address, the closing, the signer's lines) come from a cache,
  // as minikin caches word layouts: a batch of letters repeats most of its small paragraphs.
  std::vector<LineBox> layout(const Paragraph& paragraph, double width);

  // The natural width of a single-line text in a style (for labels, centring, tab fill).
  double measure(const std::string& text, FontStyle style, double size);

  // The widest piece of the paragraph no line may break inside (a word, a kept unit): the
  // least width it can be set in without breaking a word (a table column's least width).
  double widest_unbreakable(const Paragraph& paragraph);

  // The line advance of the body font at a size (single spacing).
  double line_height(FontStyle style, double size);
  double ascent(FontStyle style, double size);

 private:
  std::vector<LineBox> layout_uncached(const Paragraph& paragraph, double width);
  const std::vector<text::BreakOpportunity>& opportunities(const std::string& text);

  FontSet& fonts_;
  Shaper& shaper_;
  const text::WordBreaker& breaker_;
  std::unordered_map<std::string, std::vector<LineBox>> cache_;
  std::unordered_map<std::string, std::vector<text::BreakOpportunity>> opportunities_;
};

}  // namespace saraban::layout
