#pragma once
// Whether a character cell's glyphs extract right from ToUnicode alone, so that it needs no
// /ActualText span. Every CID maps to exactly the text it stands for (a glyph seen with two
// texts gets two CIDs), so ToUnicode read in content order always gives the cell's characters;
// what can still go wrong is the readers' geometry: poppler orders characters by position and
// both readers break words on gaps and overlaps measured from each glyph's pen.
#include <optional>
#include <span>

namespace saraban::pdf {

// A glyph that carries text, in content order: where it is drawn and where its /W leaves the pen.
struct TextGlyphPlacement {
  double x = 0;
  double pen_end = 0;
};

// True when each text glyph starts where the previous one left the pen (within a hair) and the
// next cell starts where the last one leaves it: readers then see one tight run of characters
// in content order, exactly as ToUnicode maps them. `next_x` is the next cell's start on the
// same line, if any. A cell with no text glyph, or one whose glyphs are drawn as outlines, is
// not judged here (it keeps its span).
bool reads_in_order_without_actual_text(std::span<const TextGlyphPlacement> glyphs, std::optional<double> next_x,
                                        double font_size);

}  // namespace saraban::pdf
