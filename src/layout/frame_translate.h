#pragma once
// Moving frame items as a whole: a block laid out at its own origin (a table row, a chart's
// step) is moved onto the page where the composer puts it.
#include <vector>

#include "layout/frame.h"

namespace saraban::layout {

void translate(FrameItem& item, double dx, double dy);
void translate(std::vector<FrameItem>& items, double dx, double dy);

}  // namespace saraban::layout
