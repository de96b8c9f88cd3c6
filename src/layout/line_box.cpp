#include "layout/line_box.h"

namespace saraban::layout {

void translate(TextRun& run, double dx, double dy) {
  for (auto& g : run.glyphs) {
    g.x += dx;
    g.y += dy;
  }
}

std::vector<FrameItem> place_line(const LineBox& line, double x, double baseline) {
  std::vector<FrameItem> items;
  items.reserve(line.runs.size() + line.decorations.size());
  for (const auto& d : line.decorations) {
    Path p = d;
    for (auto& s : p.segments)
      for (Point* pt : {&s.p1, &s.p2, &s.p3}) {
        pt->x += x;
        pt->y += baseline;
      }
    items.emplace_back(std::move(p));
  }
  for (const auto& r : line.runs) {
    TextRun moved = r;
    translate(moved, x, baseline);
    items.emplace_back(std::move(moved));
  }
  return items;
}

}  // namespace saraban::layout
