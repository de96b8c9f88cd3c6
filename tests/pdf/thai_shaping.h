#pragma once
// Test support: shape a string with HarfBuzz the way the layout stage does (script Thai,
// language th, monotone character clusters) and hand back a TextRun for the PDF writer.
// Header-only so other stages' tests can copy it.
#include <harfbuzz/hb.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>

#include "layout/frame.h"

namespace saraban::testing {

inline constexpr const char* kLaksaman = "/usr/share/fonts/truetype/tlwg/Laksaman.ttf";
inline constexpr const char* kDejaVuSans = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

inline layout::FontProgramRef load_font_program(const std::string& path, const std::string& name) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open font " + path);
  auto font = std::make_shared<layout::FontProgram>();
  font->path = path;
  font->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  font->postscript_name = name;
  return font;
}

struct HbBufferFree { void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); } };
struct HbFontFree { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
struct HbFaceFree { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct HbBlobFree { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };

// Shapes `text` at `size` pt with its pen starting at (x, baseline_y), page coordinates.
inline layout::TextRun shape_run(const layout::FontProgramRef& program, const std::string& text, double size,
                                 double x, double baseline_y) {
  std::unique_ptr<hb_blob_t, HbBlobFree> blob(
      hb_blob_create(reinterpret_cast<const char*>(program->bytes.data()), static_cast<unsigned>(program->bytes.size()),
                     HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  std::unique_ptr<hb_face_t, HbFaceFree> face(hb_face_create(blob.get(), program->face_index));
  std::unique_ptr<hb_font_t, HbFontFree> font(hb_font_create(face.get()));
  const int upem = static_cast<int>(hb_face_get_upem(face.get()));
  hb_font_set_scale(font.get(), upem, upem);
  std::unique_ptr<hb_buffer_t, HbBufferFree> buffer(hb_buffer_create());
  hb_buffer_add_utf8(buffer.get(), text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buffer.get(), HB_DIRECTION_LTR);
  hb_buffer_set_script(buffer.get(), HB_SCRIPT_THAI);
  hb_buffer_set_language(buffer.get(), hb_language_from_string("th", -1));
  hb_buffer_set_cluster_level(buffer.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font.get(), buffer.get(), nullptr, 0);

  unsigned count = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer.get(), &count);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer.get(), &count);
  layout::TextRun run;
  run.font = program;
  run.size = size;
  const double scale = size / upem;
  double pen = x;
  for (unsigned i = 0; i < count; ++i) {
    layout::PlacedGlyph g;
    g.glyph_id = info[i].codepoint;
    g.x = pen + pos[i].x_offset * scale;
    g.y = baseline_y - pos[i].y_offset * scale;  // page y grows downwards
    g.advance = pos[i].x_advance * scale;
    pen += g.advance;
    run.glyphs.push_back(g);
  }
  // Consecutive glyphs with one cluster value form a cluster; its text runs up to the next value.
  for (unsigned i = 0; i < count;) {
    unsigned j = i;
    while (j < count && info[j].cluster == info[i].cluster) ++j;
    std::size_t begin = info[i].cluster;
    std::size_t end = j < count ? info[j].cluster : text.size();
    run.clusters.push_back({i, j - i, text.substr(begin, end - begin)});
    i = j;
  }
  return run;
}

// Where the pen ends after `run` (for placing the next run on the line).
inline double run_end(const layout::TextRun& run) {
  double end = 0;
  for (const auto& g : run.glyphs) end = std::max(end, g.x + g.advance);
  return end;
}

}  // namespace saraban::testing
