#pragma once
// Page 1 rendered by MuPDF at 72 dpi (1 px = 1 pt), the counterpart of render_first_page's
// poppler render: the stamp tests check both renderers.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "support/page_raster.h"

namespace saraban::testing {

// Empty (width 0) when mutool writes nothing or something that is not a P6 image. mutool exits
// with 1 after an error in the page's content but still writes what it drew, as a viewer shows
// it, so the exit status is not what decides; `prefix` must name a file not yet written.
inline Raster render_mupdf(const std::string& pdf, const std::string& prefix) {
  const std::string cmd = "mutool draw -q -r 72 -o '" + prefix + ".ppm' '" + pdf + "' 1 >/dev/null 2>&1";
  [[maybe_unused]] int status = std::system(cmd.c_str());
  std::ifstream in(prefix + ".ppm", std::ios::binary);
  std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Raster r;
  int maxval = 0, consumed = 0;
  std::string head(bytes.begin(), bytes.begin() + static_cast<long>(std::min<std::size_t>(bytes.size(), 64)));
  if (std::sscanf(head.c_str(), "P6 %d %d %d%n", &r.width, &r.height, &maxval, &consumed) != 3) return {};
  const std::size_t start = static_cast<std::size_t>(consumed) + 1;
  const std::size_t need = static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * 3;
  if (bytes.size() < start + need) return {};
  r.rgb.assign(bytes.begin() + static_cast<long>(start), bytes.begin() + static_cast<long>(start + need));
  return r;
}

}  // namespace saraban::testing
