#pragma once
// A loaded TrueType font: FreeType face, HarfBuzz font over it, and the bytes the PDF writer
// embeds. Loading validates that the file is a TrueType (glyf) font the writer can subset.
#include <cstdint>
#include <memory>
#include <string>

#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb.h>

#include "base/environment.h"
#include "layout/font_program.h"

namespace saraban::layout {

struct FtFaceDeleter {
  void operator()(FT_Face f) const { FT_Done_Face(f); }
};
struct HbFontDeleter {
  void operator()(hb_font_t* f) const { hb_font_destroy(f); }
};
struct HbBufferDeleter {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};
using FtFacePtr = std::unique_ptr<std::remove_pointer_t<FT_Face>, FtFaceDeleter>;
using HbFontPtr = std::unique_ptr<hb_font_t, HbFontDeleter>;
using HbBufferPtr = std::unique_ptr<hb_buffer_t, HbBufferDeleter>;

class Font {
 public:
  // Throws Error(FontError) naming the path: missing, unreadable, not TrueType.
  static std::shared_ptr<Font> load(const Environment& env, const std::string& path);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  const FontProgramRef& program() const { return program_; }
  hb_font_t* hb() const { return hb_font_.get(); }
  int units_per_em() const { return upem_; }
  // In font units (positive up / down).
  int ascender() const { return ascender_; }
  int descender() const { return descender_; }
  bool has_char(char32_t cp) const;
  // HarfBuzz position units per em, and their conversion to points at a size.
  int scale() const { return scale_; }
  double to_pt(double hb_units, double size_pt) const { return hb_units * size_pt / scale_; }

 private:
  Font() = default;
  FontProgramRef program_;
  FtFacePtr face_;
  HbFontPtr hb_font_;
  int upem_ = 1000;
  int ascender_ = 0;
  int descender_ = 0;
  int scale_ = 1000;
};

using FontRef = std::shared_ptr<const Font>;

}  // namespace saraban::layout
