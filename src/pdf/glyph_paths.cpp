#include "pdf/glyph_paths.h"

#include <map>
#include <mutex>

#include "pdf/font_embedder.h"

namespace saraban::pdf {

namespace {

struct FontEntry {
  std::weak_ptr<const layout::FontProgram> program;  // a freed program's address may be reused
  std::map<std::uint32_t, std::shared_ptr<const std::string>> glyphs;
};

std::mutex cache_mutex;
std::map<const layout::FontProgram*, FontEntry> cache;  // lookup only, never iterated for output

}  // namespace

std::shared_ptr<const std::string> glyph_path_units(const FontEmbedder& font, std::uint32_t glyph_id) {
  const layout::FontProgramRef& program = font.program_ref();
  {
    std::lock_guard lock(cache_mutex);
    auto it = cache.find(program.get());
    if (it != cache.end() && it->second.program.lock() == program) {
      if (auto g = it->second.glyphs.find(glyph_id); g != it->second.glyphs.end()) return g->second;
    }
  }
  auto path = std::make_shared<const std::string>(font.glyph_outline(glyph_id, 0, 0, 1000, /*whole_units=*/true));
  std::lock_guard lock(cache_mutex);
  FontEntry& entry = cache[program.get()];
  if (entry.program.lock() != program) entry = FontEntry{program, {}};
  entry.glyphs.emplace(glyph_id, path);
  return path;
}

}  // namespace saraban::pdf
