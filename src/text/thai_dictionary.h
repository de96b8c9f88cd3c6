#pragma once
// libthai's dictionary word breaker over one Thai stretch (it works in TIS-620).
#include <thai/thbrk.h>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace saraban::text {

class ThaiDictionary {
 public:
  ThaiDictionary();
  // Byte offsets strictly inside `thai` (relative to it) where libthai puts a word break.
  std::vector<std::size_t> breaks(std::string_view thai) const;

 private:
  struct Deleter {
    void operator()(ThBrk* b) const { th_brk_delete(b); }
  };
  std::unique_ptr<ThBrk, Deleter> brk_;
};

}  // namespace saraban::text
