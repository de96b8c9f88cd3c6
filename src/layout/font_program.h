#pragma once
// The bytes of one font file as loaded, shared by the shaper (HarfBuzz over FreeType) and the
// PDF writer (which subsets it with hb-subset and reads metrics from it).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace saraban::layout {

struct FontProgram {
  std::string path;                 // where it was loaded from (for messages)
  std::vector<std::uint8_t> bytes;  // the whole TrueType file
  unsigned face_index = 0;          // for .ttc collections
  std::string postscript_name;      // e.g. "Laksaman"
  bool bold = false;
  bool italic = false;
};

using FontProgramRef = std::shared_ptr<const FontProgram>;

}  // namespace saraban::layout
