#include "layout/frame_translate.h"

#include "base/overloaded.h"
#include "layout/line_box.h"

namespace saraban::layout {

void translate(FrameItem& item, double dx, double dy) {
  static_assert(kFrameItemKinds == 7, "a new frame item: say how it moves");
  auto move = [&](Point& p) { p.x += dx, p.y += dy; };
  std::visit(Overloaded{
                 [&](TextRun& run) { translate(run, dx, dy); },
                 [&](Rect& r) { r.x += dx, r.y += dy; },
                 [&](Path& path) {
                   for (auto& s : path.segments) move(s.p1), move(s.p2), move(s.p3);
                 },
                 [&](Image& i) { i.x += dx, i.y += dy; },
                 [&](SignatureField& f) { f.x += dx, f.y += dy; },
                 [&](Anchor& a) { a.x += dx, a.y += dy; },
                 [&](Link& l) { l.x += dx, l.y += dy; },
             },
             item);
}

void translate(std::vector<FrameItem>& items, double dx, double dy) {
  for (auto& item : items) translate(item, dx, dy);
}

}  // namespace saraban::layout
