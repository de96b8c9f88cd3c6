#include "pdf/extraction_order.h"

#include <cmath>

namespace saraban::pdf {

namespace {

// How far (in em) a glyph may start left of the previous pen (a mark shifted left over a tall
// base) and right of it, and still read as that glyph's neighbour. poppler 22.12 starts a new
// word only on an overlap past 0.2 em or a gap past 0.1 em; measured with it and MuPDF 1.21.
// A mark a hair right of the next base glyph is read after it by poppler, so the next cell may
// not start left of the last pen at all.
constexpr double kOverlap = 0.02;
constexpr double kGap = 0.02;

}  // namespace

bool reads_in_order_without_actual_text(std::span<const TextGlyphPlacement> glyphs, std::optional<double> next_x,
                                        double font_size) {
  if (glyphs.empty()) return false;
  const double overlap = kOverlap * font_size, tol = kGap * font_size;
  for (std::size_t i = 1; i < glyphs.size(); ++i) {
    const double step = glyphs[i].x - glyphs[i - 1].pen_end;
    if (step < -overlap || step > tol) return false;
  }
  if (glyphs.size() == 1) return true;  // one glyph: its ToUnicode text is the cell, whatever follows
  // A cell ending in a glyph with no width (a mark over its base): poppler's line building may
  // cut the line right after it when other text stands beside the line (a receive stamp), so
  // such a cell keeps its span, which poppler takes as one character as wide as the cell.
  if (glyphs.back().pen_end - glyphs.back().x < 1e-6) return false;
  if (!next_x) return true;
  const double gap = *next_x - glyphs.back().pen_end;
  return gap >= -1e-6 && gap <= tol;
}

}  // namespace saraban::pdf
