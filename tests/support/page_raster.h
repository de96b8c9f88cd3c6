#pragma once
// Page 1 of a PDF as a reader shows it (pdftoppm at 72 dpi, so 1 px = 1 pt, inside the crop
// box, rotation applied), and the box of its stamp-blue pixels: shared by the tests that
// check where the receive stamp lands on an existing PDF.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

namespace saraban::testing {

struct Raster {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb;
};

// A binary PPM (P6, maxval 255) as written by pdftoppm and MuPDF; width 0 if it is not one.
inline Raster read_ppm(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<std::uint8_t> ppm((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  Raster r;
  std::string head(ppm.begin(), ppm.begin() + static_cast<long>(std::min<std::size_t>(ppm.size(), 64)));
  int maxval = 0, consumed = 0;
  if (std::sscanf(head.c_str(), "P6 %d %d %d%n", &r.width, &r.height, &maxval, &consumed) != 3 || maxval != 255) return {};
  const std::size_t start = static_cast<std::size_t>(consumed) + 1;
  const std::size_t need = static_cast<std::size_t>(r.width) * static_cast<std::size_t>(r.height) * 3;
  if (ppm.size() < start + need) return {};
  r.rgb.assign(ppm.begin() + static_cast<long>(start), ppm.begin() + static_cast<long>(start + need));
  return r;
}

// Empty (width 0) when pdftoppm fails or writes something that is not a P6 image.
inline Raster render_first_page(const std::string& pdf, const std::string& prefix) {
  const std::string cmd = "pdftoppm -cropbox -r 72 -f 1 -l 1 -singlefile '" + pdf + "' '" + prefix + "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return {};
  return read_ppm(prefix + ".ppm");
}

struct PixelBox {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;  // x1 < 0: no such pixel
};

// Pixels clearly bluer than red and green: the stamp's ink.
inline PixelBox blue_pixels(const Raster& r) {
  PixelBox b;
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      const std::uint8_t* p = &r.rgb[(static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) + static_cast<std::size_t>(x)) * 3];
      if (p[2] > p[0] + 60 && p[2] > p[1] + 60) {
        b.x0 = std::min(b.x0, x);
        b.y0 = std::min(b.y0, y);
        b.x1 = std::max(b.x1, x);
        b.y1 = std::max(b.y1, y);
      }
    }
  return b;
}

}  // namespace saraban::testing
