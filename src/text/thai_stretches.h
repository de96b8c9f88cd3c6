#pragma once
// Maximal stretches of Thai letters and marks: where the dictionaries decide breaks.
#include <cstddef>
#include <string_view>
#include <vector>

namespace saraban::text {

struct ThaiStretch {
  std::size_t begin;  // byte offsets
  std::size_t end;
};

// Thai digits and the Thai punctuation U+0E5A/U+0E5B are left out: UAX #14 handles them.
std::vector<ThaiStretch> thai_stretches(std::string_view utf8);

}  // namespace saraban::text
