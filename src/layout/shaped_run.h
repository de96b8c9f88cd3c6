#pragma once
// The output of shaping: glyphs in HarfBuzz units with their cluster (byte offset into the
// paragraph), from one font, one script. Plain values; lines are built from these.
#include <cstdint>
#include <memory>
#include <vector>

#include "layout/font.h"
#include "text/script_runs.h"

namespace saraban::layout {

struct ShapedGlyph {
  std::uint32_t glyph_id = 0;
  std::uint32_t cluster = 0;  // byte offset into the shaped text
  std::int32_t x_advance = 0;
  std::int32_t x_offset = 0;
  std::int32_t y_offset = 0;
  bool unsafe_to_break = false;
};

// One shaped word (the text between two break opportunities, without trailing spaces).
struct ShapedWord {
  std::vector<ShapedGlyph> glyphs;  // clusters relative to the word's first byte
  std::int64_t advance = 0;         // sum of x_advance
};

using ShapedWordRef = std::shared_ptr<const ShapedWord>;

struct ShapedRun {
  FontRef font;
  double size = 16;
  text::Script script = text::Script::Common;
  std::size_t begin = 0;  // byte range in the paragraph
  std::size_t end = 0;
  ShapedWordRef shaped;   // clusters relative to `begin`
  double width() const { return font->to_pt(static_cast<double>(shaped->advance), size); }
};

}  // namespace saraban::layout
