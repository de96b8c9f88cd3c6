#include "documents/emblem.h"

#include <algorithm>
#include <cmath>

#include "base/error.h"
#include "pdf/image_loader.h"

namespace saraban::documents {

namespace {

// Coverage (0..1) of the placeholder's ink at a point in the unit square; the same formula
// as templates/emblem/make_placeholder.py.
double ink(double x, double y) {
  const double dx = x - 0.5, dy = y - 0.5;
  const double r = std::sqrt(dx * dx + dy * dy);
  auto band = [](double v, double lo, double hi) { return v >= lo && v <= hi; };
  if (band(r, 0.455, 0.495) || band(r, 0.385, 0.405)) return 1.0;
  const double d = std::abs(dx) + std::abs(dy);  // lozenge
  if (band(d, 0.22, 0.26)) return 1.0;
  if (d < 0.11) return 1.0;
  // Twelve short ticks between the rings.
  const double a = std::atan2(dy, dx);
  const double step = 3.14159265358979323846 / 6.0;
  const double nearest = std::round(a / step) * step;
  if (band(r, 0.415, 0.445) && std::abs(a - nearest) * r < 0.012) return 1.0;
  return 0.0;
}

}  // namespace

layout::ImageRef placeholder_emblem() {
  static const layout::ImageRef image = [] {
    constexpr int n = 240, ss = 3;
    auto img = std::make_shared<layout::ImageData>();
    img->encoding = layout::ImageData::Encoding::RawGray8;
    img->width_px = n;
    img->height_px = n;
    img->source = "built-in placeholder emblem";
    img->bytes.resize(static_cast<std::size_t>(n) * n);
    for (int py = 0; py < n; ++py)
      for (int px = 0; px < n; ++px) {
        double c = 0;
        for (int sy = 0; sy < ss; ++sy)
          for (int sx = 0; sx < ss; ++sx)
            c += ink((px + (sx + 0.5) / ss) / n, (py + (sy + 0.5) / ss) / n);
        c /= ss * ss;
        // Dark grey-blue ink on white, as a grey level.
        img->bytes[static_cast<std::size_t>(py) * n + static_cast<std::size_t>(px)] =
            static_cast<std::uint8_t>(std::lround(255.0 - c * (255.0 - 60.0)));
      }
    return layout::ImageRef(img);
  }();
  return image;
}

layout::ImageRef load_emblem(const Environment& env, const std::string& path) {
  if (path.empty()) return placeholder_emblem();
  try {
    return pdf::load_image(env, path);
  } catch (const Error& e) {
    throw Error(e.code(), "cannot use the emblem image: " + e.message(), path);
  }
}

}  // namespace saraban::documents
