#pragma once
// A hand-made PDF for tests that need boxes, page trees, stream lengths and loose ends exactly
// as they say: object i+1 is objects[i] (object 1 the catalog); the xref offsets are computed.
#include <cstdio>
#include <string>
#include <vector>

namespace saraban::testing {

inline std::string raw_pdf_text(const std::vector<std::string>& objects, const std::string& version = "1.7",
                                const std::string& trailer_extra = "") {
  std::string out = "%PDF-" + version + "\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(out.size());
    out += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer_extra +
         ">>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace saraban::testing
