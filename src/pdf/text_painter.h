#pragma once
// Turns shaped TextRuns into text objects: exact glyph positions, CIDs chosen so the text
// extracts as the run's clusters say, /ActualText spans where glyphs and characters differ.
// Consecutive runs share one BT ... ET; glyphs that must not carry text are painted as
// outlines between text objects.
#include <cstdint>
#include <string>

#include "layout/frame.h"

namespace saraban::pdf {

class FontEmbedder;

// Text state that lives across runs within one content stream (what the stream has set).
struct TextState {
  bool in_text = false;      // inside BT ... ET
  std::string font;          // resource name last set with Tf
  double size = 0;
  std::string color;         // "r g b rg" last set
  double char_spacing = 0;   // Tc
  bool invisible = false;    // Tr 3
};

// Appends the run's operators to `out`. Leaves the text object open for the next run;
// call end_text_object before any non-text operator.
void paint_text_run(std::string& out, TextState& state, const layout::TextRun& run, FontEmbedder& font,
                    const std::string& resource, double page_height);

void end_text_object(std::string& out, TextState& state);

}  // namespace saraban::pdf
