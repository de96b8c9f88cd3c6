#include "pdf/page_space.h"

#include <algorithm>

namespace saraban::pdf {

Affine Affine::then(const Affine& n) const {
  return {a * n.a + b * n.c, a * n.b + b * n.d, c * n.a + d * n.c, c * n.b + d * n.d, e * n.a + f * n.c + n.e,
          e * n.b + f * n.d + n.f};
}

Affine Affine::inverse() const {
  const double det = a * d - b * c;
  return {d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det};
}

namespace {
bool sideways(const PageSpace& p) { return p.rotate == 90 || p.rotate == 270; }
}  // namespace

double PageSpace::visible_width() const { return (sideways(*this) ? y1 - y0 : x1 - x0) * user_unit; }
double PageSpace::visible_height() const { return (sideways(*this) ? x1 - x0 : y1 - y0) * user_unit; }

Affine visible_to_user(const PageSpace& p) {
  // y down to y up, real points to user units, then /Rotate undone about the crop box.
  const Affine flip{1, 0, 0, -1, 0, p.visible_height()};
  const double s = 1 / p.user_unit;
  const Affine unit{s, 0, 0, s, 0, 0};
  Affine rotation;
  switch (p.rotate) {
    case 90: rotation = {0, 1, -1, 0, p.x1, p.y0}; break;
    case 180: rotation = {-1, 0, 0, -1, p.x1, p.y1}; break;
    case 270: rotation = {0, -1, 1, 0, p.x0, p.y1}; break;
    default: rotation = {1, 0, 0, 1, p.x0, p.y0}; break;
  }
  return flip.then(unit).then(rotation);
}

Affine user_to_visible(const PageSpace& p) { return visible_to_user(p).inverse(); }

InkBox transform_box(const Affine& m, const InkBox& box) {
  InkBox out{1e300, 1e300, -1e300, -1e300, box.kind};
  for (double x : {box.x0, box.x1})
    for (double y : {box.y0, box.y1}) {
      auto [tx, ty] = m.apply(x, y);
      out.x0 = std::min(out.x0, tx), out.y0 = std::min(out.y0, ty);
      out.x1 = std::max(out.x1, tx), out.y1 = std::max(out.y1, ty);
    }
  return out;
}

std::vector<InkBox> ink_in_visible_page(const PageSpace& page, const std::vector<InkBox>& user_boxes) {
  const Affine m = user_to_visible(page);
  std::vector<InkBox> out;
  out.reserve(user_boxes.size());
  for (const InkBox& b : user_boxes) out.push_back(transform_box(m, b));
  return out;
}

}  // namespace saraban::pdf
