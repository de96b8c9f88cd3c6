#pragma once
// One laid-out line: text runs positioned relative to the line's left edge (x) and its
// baseline (y = 0). The page composer moves it into place.
#include <vector>

#include "layout/frame.h"

namespace saraban::layout {

struct LineBox {
  std::vector<TextRun> runs;
  std::vector<Path> decorations;  // tab dot leaders, drawn as dotted paths (not text)
  double width = 0;    // natural width of the content, pt
  double ascent = 0;   // above the baseline, pt
  double descent = 0;  // below the baseline, pt
  double height = 0;   // line advance (ascent + descent) * line spacing
  std::size_t text_begin = 0, text_end = 0;  // byte range of the paragraph text it holds
};

// Moves a line to (x, baseline) on a page.
void translate(TextRun& run, double dx, double dy);
std::vector<FrameItem> place_line(const LineBox& line, double x, double baseline);

}  // namespace saraban::layout
