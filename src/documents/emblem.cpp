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

namespace {

constexpr double kPi = 3.14159265358979323846;
const layout::Color kInk{60 / 255.0, 60 / 255.0, 60 / 255.0};

// A circle of radius r about (cx, cy) as four cubic arcs; `clockwise` flips the direction so
// that a smaller circle inside a larger one cuts a hole under the nonzero fill rule.
void add_circle(layout::Path& p, double cx, double cy, double r, bool clockwise) {
  constexpr double k = 0.5522847498;  // control distance of a quarter-circle cubic, in radii
  using K = layout::PathSegment::Kind;
  const double dir = clockwise ? -1 : 1;
  auto on = [&](double a) { return layout::Point{cx + r * std::cos(a), cy + r * std::sin(a)}; };
  p.segments.push_back({K::MoveTo, on(0), {}, {}});
  for (int q = 0; q < 4; ++q) {
    const double a0 = dir * q * kPi / 2, a1 = dir * (q + 1) * kPi / 2;
    const layout::Point p0 = on(a0), p3 = on(a1);
    const layout::Point c1{p0.x - dir * k * r * std::sin(a0), p0.y + dir * k * r * std::cos(a0)};
    const layout::Point c2{p3.x + dir * k * r * std::sin(a1), p3.y - dir * k * r * std::cos(a1)};
    p.segments.push_back({K::CubicTo, c1, c2, p3});
  }
  p.segments.push_back({K::Close, {}, {}, {}});
}

void add_polygon(layout::Path& p, const std::vector<layout::Point>& pts) {
  using K = layout::PathSegment::Kind;
  for (std::size_t i = 0; i < pts.size(); ++i) p.segments.push_back({i ? K::LineTo : K::MoveTo, pts[i], {}, {}});
  p.segments.push_back({K::Close, {}, {}, {}});
}

}  // namespace

std::vector<layout::FrameItem> placeholder_emblem_paths(double x, double y, double size) {
  const double cx = x + size / 2, cy = y + size / 2;
  auto at = [&](double ux, double uy) { return layout::Point{cx + ux * size, cy + uy * size}; };
  layout::Path p;
  p.fill = kInk;
  // Two rings: outer edge exactly on the square, so the drawing measures `size`.
  add_circle(p, cx, cy, 0.5 * size, false);
  add_circle(p, cx, cy, 0.46 * size, true);
  add_circle(p, cx, cy, 0.405 * size, false);
  add_circle(p, cx, cy, 0.385 * size, true);
  // The lozenge band and the small lozenge at the centre.
  add_polygon(p, {at(0.26, 0), at(0, 0.26), at(-0.26, 0), at(0, -0.26)});
  add_polygon(p, {at(0.22, 0), at(0, -0.22), at(-0.22, 0), at(0, 0.22)});
  add_polygon(p, {at(0.11, 0), at(0, 0.11), at(-0.11, 0), at(0, -0.11)});
  // Twelve short ticks between the rings.
  for (int i = 0; i < 12; ++i) {
    const double a = i * kPi / 6, c = std::cos(a), s = std::sin(a), w = 0.012;
    add_polygon(p, {at(0.415 * c - w * s, 0.415 * s + w * c), at(0.445 * c - w * s, 0.445 * s + w * c),
                    at(0.445 * c + w * s, 0.445 * s - w * c), at(0.415 * c + w * s, 0.415 * s - w * c)});
  }
  return {layout::FrameItem{std::move(p)}};
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
