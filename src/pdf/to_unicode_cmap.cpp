#include "pdf/to_unicode_cmap.h"

#include <cstdio>

#include "pdf/pdf_text.h"

namespace saraban::pdf {

std::string to_unicode_cmap(const std::vector<std::string>& cid_texts) {
  std::string out =
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  std::vector<std::pair<std::size_t, std::string>> entries;
  for (std::size_t cid = 1; cid < cid_texts.size(); ++cid) {
    entries.emplace_back(cid, utf8_to_utf16be_hex(cid_texts[cid]));
  }
  char code[8];
  for (std::size_t i = 0; i < entries.size(); i += 100) {
    std::size_t n = std::min<std::size_t>(100, entries.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      std::snprintf(code, sizeof code, "%04X", static_cast<unsigned>(entries[k].first));
      out += "<";
      out += code;
      out += "> <" + entries[k].second + ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace saraban::pdf
