#pragma once
// The first page as a reader shows it (real points, origin at the top left of the visible crop
// box, y down, after /Rotate and /UserUnit) against the page's default user space (PDF units,
// y up): the stamp is laid out in the first and drawn in the second, and the page's ink is
// measured in the second and used by the layout in the first.
#include <utility>
#include <vector>

#include "pdf/page_ink.h"

namespace saraban::pdf {

// A PDF matrix [a b c d e f]: x' = a x + c y + e, y' = b x + d y + f.
struct Affine {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  std::pair<double, double> apply(double x, double y) const { return {a * x + c * y + e, b * x + d * y + f}; }
  Affine then(const Affine& next) const;  // this one first, then `next`
  Affine inverse() const;                 // the matrices here are never singular
};

// The visible area in user space (crop box clipped to the media box), /Rotate (0, 90, 180 or
// 270) and /UserUnit (points per user unit).
struct PageSpace {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  int rotate = 0;
  double user_unit = 1;
  double visible_width() const;   // real points
  double visible_height() const;  // real points
};

Affine visible_to_user(const PageSpace& page);
Affine user_to_visible(const PageSpace& page);

// The axis-aligned bounds of `box` after `m` (the kind is kept).
InkBox transform_box(const Affine& m, const InkBox& box);

// page_ink's boxes (user space) as the layout sees them (visible page, y down, real points).
std::vector<InkBox> ink_in_visible_page(const PageSpace& page, const std::vector<InkBox>& user_boxes);

}  // namespace saraban::pdf
