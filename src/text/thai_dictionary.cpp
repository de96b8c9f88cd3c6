#include "text/thai_dictionary.h"

#include <thai/thwchar.h>

#include <string>

#include "base/error.h"
#include "text/utf8.h"

namespace saraban::text {

ThaiDictionary::ThaiDictionary() : brk_(th_brk_new(nullptr)) {
  if (!brk_) throw Error(ErrorCode::Internal, "libthai dictionary unavailable", "th_brk_new");
}

std::vector<std::size_t> ThaiDictionary::breaks(std::string_view thai) const {
  // One TIS-620 byte per code point; remember where each began in the UTF-8.
  std::basic_string<thchar_t> tis;
  std::vector<std::size_t> byte_of;
  for (std::size_t i = 0; i < thai.size();) {
    byte_of.push_back(i);
    const char32_t cp = next_code_point(thai, i);
    const thchar_t c = th_uni2tis(static_cast<thwchar_t>(cp));
    tis.push_back(c == THCHAR_ERR ? thchar_t{'?'} : c);
  }
  std::vector<int> positions(tis.size() + 1);
  const int found = th_brk_find_breaks(brk_.get(), tis.c_str(), positions.data(), positions.size());
  std::vector<std::size_t> out;
  for (int k = 0; k < found; ++k) {
    const auto p = static_cast<std::size_t>(positions[static_cast<std::size_t>(k)]);
    if (p > 0 && p < tis.size()) out.push_back(byte_of[p]);
  }
  return out;
}

}  // namespace saraban::text
