#pragma once
// One embedded font: collects the (glyph, text) pairs a document shows, hands out CIDs for
// them, and finally writes Type0 / CIDFontType2 / Identity-H with an hb-subset FontFile2,
// a CIDToGIDMap stream, /W and /ToUnicode. PoDoFo's own PdfFont is not used: it re-encodes
// text through the cmap and so loses glyphs that only GSUB reaches.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/font_program.h"
#include "pdf/hb_handles.h"

namespace PoDoFo {
class PdfObject;
class PdfVecObjects;
}  // namespace PoDoFo

namespace saraban::pdf {

class FontEmbedder {
 public:
  // Throws Error(FontError, ..., font path) when the bytes are not a usable TrueType font.
  explicit FontEmbedder(layout::FontProgramRef font);

  // The CID that draws `glyph_id` and extracts as `text` (UTF-8, may be empty). A glyph seen
  // with different texts gets different CIDs; the CIDToGIDMap points them at the same glyph.
  std::uint16_t cid_for(std::uint32_t glyph_id, const std::string& text);

  // The font's own advance for the glyph behind `cid`, in 1/1000 em (what /W says).
  double cid_width(std::uint16_t cid) const;
  // The same for a glyph id.
  double glyph_width(std::uint32_t glyph_id) const;

  // The glyph's outline as PDF path operators (m/l/c/h, no painting operator), scaled to
  // `size` pt with its origin at (x, y) in PDF coordinates.
  // `whole_units` rounds coordinates to integers (for outlines drawn at 1000 units per em).
  std::string glyph_outline(std::uint32_t glyph_id, double x, double y, double size, bool whole_units = false) const;

  // The glyph for U+0020, if the font maps it.
  std::optional<std::uint32_t> space_glyph() const;

  // Writes the font objects and returns the Type0 font dictionary object.
  PoDoFo::PdfObject* embed(PoDoFo::PdfVecObjects& objects, bool compress) const;

  const layout::FontProgram& program() const { return *program_; }
  const layout::FontProgramRef& program_ref() const { return program_; }
  // The subset tag "ABCDEF", derived from the glyphs used so equal input gives equal output.
  std::string subset_tag() const;

 private:
  struct Subset {
    std::vector<std::uint8_t> program;  // the subset TrueType file
    std::map<std::uint32_t, std::uint32_t> new_gid;  // original glyph id -> id in the subset
  };
  Subset subset_program() const;

  layout::FontProgramRef program_;
  HbBlob blob_;
  HbFace face_;
  HbFont font_;
  unsigned upem_ = 1000;
  unsigned glyph_count_ = 0;
  std::map<std::pair<std::uint32_t, std::string>, std::uint16_t> cids_;
  std::vector<std::uint32_t> cid_glyph_{0};  // CID -> GID, CID 0 = .notdef
  std::vector<std::string> cid_text_{""};    // CID -> text
};

}  // namespace saraban::pdf
