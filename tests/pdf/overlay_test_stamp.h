#pragma once
// The overlay tests' stamp: a 150 x 50 pt box with two Thai lines in Laksaman, its right edge
// 1 cm in from the visible page's right and its top 1 cm down.
#include <vector>

#include "layout/frame.h"
#include "pdf/pdf_overlay.h"
#include "thai_shaping.h"

namespace saraban::testing {

inline const layout::FontProgramRef& laksaman() {
  static const layout::FontProgramRef font = load_font_program(kLaksaman, "Laksaman");
  return font;
}

inline pdf::OverlayLayout top_right_stamp() {
  return [](const pdf::VisiblePage& page) {
    const double right = page.width - 28.35, top = 28.35, width = 150, height = 50;
    std::vector<layout::FrameItem> items;
    items.push_back(layout::Rect{right - width, top, width, height, std::nullopt, layout::Color{0, 0, 0.5}, 0.8});
    layout::TextRun a = shape_run(laksaman(), "เลขรับ ๑๒๓", 12, right - width + 8, top + 20);
    layout::TextRun b = shape_run(laksaman(), "เวลา ๐๙:๑๕ น.", 12, right - width + 8, top + 40);
    a.color = b.color = layout::Color{0, 0, 0.5};
    items.push_back(a);
    items.push_back(b);
    return items;
  };
}

}  // namespace saraban::testing
