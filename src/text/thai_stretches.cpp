#include "text/thai_stretches.h"

#include "text/thai_chars.h"
#include "text/utf8.h"

namespace saraban::text {

std::vector<ThaiStretch> thai_stretches(std::string_view utf8) {
  std::vector<ThaiStretch> out;
  bool open = false;
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t at = i;
    const char32_t cp = next_code_point(utf8, i);
    const bool letter = cp >= 0x0E01 && cp <= 0x0E4F;
    if (letter && open) {
      out.back().end = i;
    } else if (letter) {
      out.push_back({at, i});
      open = true;
    } else {
      open = false;
    }
  }
  return out;
}

}  // namespace saraban::text
