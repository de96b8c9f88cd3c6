#include "pdf/extraction_order.h"

#include <cmath>

namespace saraban::pdf {

namespace {

// How far (in em) a glyph may start from the previous pen and still read as its neighbour.
// Measured with poppler 22.12 and MuPDF 1.21: a mark a hair right of the next base glyph is
// read after it by poppler, so the next cell may not start left of the last pen at all.
constexpr double kTolerance = 0.02;

}  // namespace

bool reads_in_order_without_actual_text(std::span<const TextGlyphPlacement> glyphs, std::optional<double> next_x,
                                        double font_size) {
  if (glyphs.empty()) return false;
  const double tol = kTolerance * font_size;
  for (std::size_t i = 1; i < glyphs.size(); ++i) {
    if (std::abs(glyphs[i].x - glyphs[i - 1].pen_end) > tol) return false;
  }
  if (glyphs.size() == 1) return true;  // one glyph: its ToUnicode text is the cell, whatever follows
  if (!next_x) return true;
  const double gap = *next_x - glyphs.back().pen_end;
  return gap >= -1e-6 && gap <= tol;
}

}  // namespace saraban::pdf
