#pragma once
// Turns one shaped TextRun into BT ... ET: exact glyph positions, CIDs chosen so the text
// extracts as the run's clusters say, /ActualText spans where glyphs and characters differ.
#include <string>

#include "layout/frame.h"

namespace saraban::pdf {

class FontEmbedder;

std::string paint_text_run(const layout::TextRun& run, FontEmbedder& font, const std::string& resource,
                           double page_height);

}  // namespace saraban::pdf
