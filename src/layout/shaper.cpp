#include "layout/shaper.h"

#include <functional>

namespace saraban::layout {

Shaper::Shaper() : buffer_(hb_buffer_create()) {}

std::size_t Shaper::KeyHash::operator()(const Key& k) const {
  std::size_t h = std::hash<std::string>()(k.word);
  h ^= std::hash<const void*>()(k.font) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
  return h ^ static_cast<std::size_t>(k.script);
}

ShapedWordRef Shaper::shape(const Font& font, text::Script script, std::string_view word) {
  Key key{&font, script, std::string(word)};
  if (auto it = cache_.find(key); it != cache_.end()) {
    ++hits_;
    return it->second;
  }
  ++misses_;
  hb_buffer_t* buf = buffer_.get();
  hb_buffer_clear_contents(buf);
  hb_buffer_add_utf8(buf, word.data(), static_cast<int>(word.size()), 0, static_cast<int>(word.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(buf, hb_script_from_string(text::script_tag(script), -1));
  hb_buffer_set_language(buf, hb_language_from_string(text::script_language(script), -1));
  hb_buffer_set_cluster_level(buf, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  hb_shape(font.hb(), buf, nullptr, 0);

  unsigned n = 0;
  hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &n);
  auto out = std::make_shared<ShapedWord>();
  out->glyphs.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    ShapedGlyph g;
    g.glyph_id = info[i].codepoint;
    g.cluster = info[i].cluster;
    g.x_advance = pos[i].x_advance;
    g.x_offset = pos[i].x_offset;
    g.y_offset = pos[i].y_offset;
    g.unsafe_to_break = (hb_glyph_info_get_glyph_flags(&info[i]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
    out->advance += g.x_advance;
    out->glyphs.push_back(g);
  }
  cache_.emplace(std::move(key), out);
  return out;
}

}  // namespace saraban::layout
