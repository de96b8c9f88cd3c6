#pragma once
// A glyph's outline as PDF path operators in whole 1/1000 em units, made once per font
// program and glyph for the process. Glyphs that must carry no text (SARA AM's spare
// NIKHAHIT, marks whose text rides on their base) are painted with it under a scaling cm;
// the same path text repeats within a page, so deflate stores it almost for free.
#include <cstdint>
#include <memory>
#include <string>

namespace saraban::pdf {

class FontEmbedder;

std::shared_ptr<const std::string> glyph_path_units(const FontEmbedder& font, std::uint32_t glyph_id);

}  // namespace saraban::pdf
