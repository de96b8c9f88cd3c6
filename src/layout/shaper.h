#pragma once
// HarfBuzz shaping with script and language set on every buffer, cluster level
// monotone-characters, and a cache of shaped words (after minikin's LayoutCache): office text
// repeats the same words endlessly, so each (font, script, word) is shaped once.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>

#include "layout/font.h"
#include "layout/shaped_run.h"
#include "text/script_runs.h"

namespace saraban::layout {

class Shaper {
 public:
  Shaper();
  // Shapes `word`; the result's clusters are byte offsets into `word`.
  ShapedWordRef shape(const Font& font, text::Script script, std::string_view word);
  std::size_t cache_hits() const { return hits_; }
  std::size_t cache_misses() const { return misses_; }
  void clear_cache() { cache_.clear(); }

 private:
  struct Key {
    const Font* font;
    text::Script script;
    std::string word;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const;
  };
  std::unordered_map<Key, ShapedWordRef, KeyHash> cache_;
  HbBufferPtr buffer_;
  std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace saraban::layout
