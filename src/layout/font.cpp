#include "layout/font.h"

#include <hb-ft.h>
#include FT_TRUETYPE_TABLES_H

#include <mutex>

#include "base/error.h"

namespace saraban::layout {

namespace {
// One FreeType library for the process; FT_Library is not thread-safe for face creation.
FT_Library freetype() {
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    if (FT_Init_FreeType(&l) != 0) throw Error(ErrorCode::Internal, "cannot initialise FreeType");
    return l;
  }();
  return lib;
}
std::mutex& freetype_mutex() {
  static std::mutex m;
  return m;
}
}  // namespace

std::shared_ptr<Font> Font::load(const Environment& env, const std::string& path) {
  std::vector<std::uint8_t> bytes;
  try {
    bytes = env.read_file(path);
  } catch (const Error& e) {
    throw Error(ErrorCode::FontError, "font file cannot be read (" + e.message() + ")", path);
  }
  auto program = std::make_shared<FontProgram>();
  program->path = path;
  program->bytes = std::move(bytes);

  std::shared_ptr<Font> font(new Font());
  FT_Face face = nullptr;
  {
    std::lock_guard lock(freetype_mutex());
    if (FT_New_Memory_Face(freetype(), program->bytes.data(), static_cast<FT_Long>(program->bytes.size()), 0,
                           &face) != 0)
      throw Error(ErrorCode::FontError, "not a font file FreeType can read", path);
  }
  font->face_.reset(face);
  // The PDF writer embeds TrueType outlines (FontFile2); CFF/Type1 fonts are refused.
  FT_ULong glyf_length = 0;
  if (!FT_IS_SFNT(face) || FT_Load_Sfnt_Table(face, FT_MAKE_TAG('g', 'l', 'y', 'f'), 0, nullptr, &glyf_length) != 0)
    throw Error(ErrorCode::FontError, "not a TrueType font (no glyf table)", path);
  if (FT_Set_Char_Size(face, 0, static_cast<FT_F26Dot6>(face->units_per_EM) * 64, 0, 0) != 0)
    throw Error(ErrorCode::FontError, "cannot scale font", path);
  font->upem_ = face->units_per_EM;
  font->ascender_ = face->ascender;
  font->descender_ = -face->descender;
  if (const char* ps = FT_Get_Postscript_Name(face)) program->postscript_name = ps;
  if (program->postscript_name.empty()) program->postscript_name = "SarabanFont";
  program->bold = (face->style_flags & FT_STYLE_FLAG_BOLD) != 0;
  program->italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  // HarfBuzz over the FreeType face (unhinted): positions come back at the FreeType size
  // set above, which scale() reports, and layout scales them to the point size.
  font->hb_font_.reset(hb_ft_font_create_referenced(face));
  int xs = 0, ys = 0;
  hb_font_get_scale(font->hb_font_.get(), &xs, &ys);
  font->scale_ = xs > 0 ? xs : font->upem_;
  font->program_ = std::move(program);
  return font;
}

Font::~Font() {
  hb_font_.reset();
  std::lock_guard lock(freetype_mutex());
  face_.reset();
}

bool Font::has_char(char32_t cp) const { return FT_Get_Char_Index(face_.get(), cp) != 0; }

}  // namespace saraban::layout
