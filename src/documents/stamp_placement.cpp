#include "documents/stamp_placement.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <tuple>
#include <variant>

namespace saraban::documents {

namespace {

struct Area {
  double x0, y0, x1, y1;
};

bool touches(const Area& box, const pdf::InkBox& ink) {
  return ink.x0 < box.x1 && ink.x1 > box.x0 && ink.y0 < box.y1 && ink.y1 > box.y0;
}

struct Candidate {
  double distance2, top, right;  // sorted in this order: nearest, then upper, then further right
  bool operator<(const Candidate& o) const {
    return std::tie(distance2, top, o.right) < std::tie(o.distance2, o.top, right);
  }
};

// Top-right corners on the grid through the preferred corner that lie in the search area (the
// box's top in the top part of the page, the whole box in its right part and on the page); the
// preferred corner itself whenever the box fits the page there.
std::vector<Candidate> candidates(double W, double H, double w, double h, const StampPlacementRules& r) {
  const double px = W - r.right, py = r.top, step = std::max(r.step, 1.0);
  // On a page too narrow for the box in its right part (a slip), the box may reach further left.
  const double left = std::max(r.edge, std::min(W * (1 - r.search_width_fraction), W - r.right - w)),
               right = W - r.edge;
  const double top = r.edge, lowest_top = std::min(H - r.edge - h, H * r.search_height_fraction);
  std::vector<Candidate> out;
  if (px - w >= 0 && px <= W && py >= 0 && py + h <= H) out.push_back({0, py, px});
  const long i_min = static_cast<long>(std::ceil((left + w - px) / step)),
             i_max = static_cast<long>(std::floor((right - px) / step));
  const long j_min = static_cast<long>(std::ceil((top - py) / step)),
             j_max = static_cast<long>(std::floor((lowest_top - py) / step));
  for (long i = i_min; i <= i_max; ++i) {
    for (long j = j_min; j <= j_max; ++j) {
      if (i == 0 && j == 0) continue;
      const double dx = static_cast<double>(i) * step, dy = static_cast<double>(j) * step;
      out.push_back({dx * dx + dy * dy, py + dy, px + dx});
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The scales tried, largest first: 1, 0.95, ... down to the minimum.
std::vector<double> scales(double min_scale) {
  std::vector<double> out{1.0};
  const double lowest = std::clamp(min_scale, 0.1, 1.0);
  for (int k = 1; 1.0 - 0.05 * k > lowest + 1e-9; ++k) out.push_back(1.0 - 0.05 * k);
  if (lowest < 1.0) out.push_back(lowest);
  return out;
}

// The first candidate, largest scale first, where the box plus the clearance touches none of
// `blocking`.
std::optional<StampPlacement> first_clear(double W, double H, const std::vector<pdf::InkBox>& blocking, double w,
                                          double h, const StampPlacementRules& r) {
  const double c = std::max(r.clearance, 0.0);
  for (double s : scales(r.min_scale)) {
    const double bw = w * s, bh = h * s;
    for (const Candidate& cand : candidates(W, H, bw, bh, r)) {
      const Area box{cand.right - bw - c, cand.top - c, cand.right + c, cand.top + bh + c};
      if (std::none_of(blocking.begin(), blocking.end(), [&](const pdf::InkBox& b) { return touches(box, b); }))
        return StampPlacement{cand.right - bw, cand.top, s, false};
    }
  }
  return std::nullopt;
}

}  // namespace

StampPlacement place_stamp(double W, double H, const std::vector<pdf::InkBox>& ink, double w, double h,
                           const StampPlacementRules& r) {
  // Only ink near the search area can block a candidate; the rest is dropped once.
  const double c = std::max(r.clearance, 0.0);
  const Area near{std::min(W * (1 - r.search_width_fraction), W - r.right - w) - c, -c, W + c,
                  std::max(H * r.search_height_fraction, r.top) + h + c};
  std::vector<pdf::InkBox> blocking, annotations;
  for (const auto& b : ink) {
    if (!touches(near, b)) continue;
    blocking.push_back(b);
    if (b.kind == pdf::InkBox::Kind::Annotation) annotations.push_back(b);
  }
  if (auto free = first_clear(W, H, blocking, w, h, r)) return *free;
  // No free space: clear of the letter's annotations and form fields at least (some readers
  // draw form fields above every other annotation, the stamp included), over a white
  // background that hides the page content under it.
  if (!annotations.empty()) {
    if (auto clear = first_clear(W, H, annotations, w, h, r)) {
      clear->opaque = true;
      return *clear;
    }
  }
  // The usual place, full size, kept on the page, over a white background when something is
  // under it (a page too small for any candidate may still be blank there).
  const double x = std::max(0.0, std::min(W - r.right - w, W - w)), y = std::max(0.0, std::min(r.top, H - h));
  const Area box{x - c, y - c, x + w + c, y + h + c};
  const bool covered = std::any_of(ink.begin(), ink.end(), [&](const pdf::InkBox& b) { return touches(box, b); });
  return {x, y, 1.0, covered};
}

namespace {

struct Place {
  const StampPlacement& p;
  double x(double v) const { return p.x + v * p.scale; }
  double y(double v) const { return p.y + v * p.scale; }
  layout::Point at(layout::Point q) const { return {x(q.x), y(q.y)}; }

  void operator()(layout::TextRun& r) const {
    r.size *= p.scale;
    for (auto& g : r.glyphs) g = {g.glyph_id, x(g.x), y(g.y), g.advance * p.scale};
  }
  void operator()(layout::Rect& r) const {
    r = {x(r.x), y(r.y), r.width * p.scale, r.height * p.scale, r.fill, r.stroke, r.line_width * p.scale};
  }
  void operator()(layout::Path& path) const {
    for (auto& s : path.segments) s = {s.kind, at(s.p1), at(s.p2), at(s.p3)};
    path.line_width *= p.scale;
    for (auto& d : path.dash) d *= p.scale;
  }
  void operator()(layout::Image& i) const { i = {i.image, x(i.x), y(i.y), i.width * p.scale, i.height * p.scale}; }
  void operator()(layout::SignatureField& f) const {
    f = {f.name, x(f.x), y(f.y), f.width * p.scale, f.height * p.scale};
  }
  void operator()(layout::Anchor& a) const {
    a.x = x(a.x);
    a.y = y(a.y);
  }
  void operator()(layout::Link& l) const {
    l = {x(l.x), y(l.y), l.width * p.scale, l.height * p.scale, l.destination};
  }
};

}  // namespace

void apply_placement(std::vector<layout::FrameItem>& items, const StampPlacement& placement) {
  for (auto& item : items) std::visit(Place{placement}, item);
}

}  // namespace saraban::documents
