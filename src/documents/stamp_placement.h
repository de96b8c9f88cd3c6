#pragma once
// Where the receive stamp goes on an incoming letter's first page: in free space at the top
// right when there is some (at full size, else shrunk down to a minimum), otherwise at its
// usual place with an opaque background so both it and what it covers stay apart.
// Pure geometry on the visible page (pt, origin top-left, y down): same input, same answer.
#include <vector>

#include "layout/frame.h"
#include "pdf/page_ink.h"

namespace saraban::documents {

struct StampPlacementRules {
  double top = 28.35;    // preferred distance from the top edge to the box (pt)
  double right = 28.35;  // preferred distance from the right edge to the box (pt)
  double edge = 14.17;   // a moved box keeps at least this far from the page's edges (pt)
  double search_height_fraction = 1.0 / 3;  // the box's top stays within this top part of the page
  double search_width_fraction = 0.5;       // ... and this right part
  double clearance = 5.67;  // free space means the box plus this margin touches no ink (pt)
  double step = 7.09;       // the grid candidate positions are tried on (pt)
  double min_scale = 0.7;   // the smallest the box may be shrunk to in free space
};

struct StampPlacement {
  double x = 0, y = 0;  // top-left of the box, visible page coordinates
  double scale = 1;     // the box and its contents are scaled by this about (x, y)
  bool opaque = false;  // no free space: draw the box on a white background
};

// `ink` in visible page coordinates (x0 <= x1, y0 <= y1, y down). Prefers scale 1, then the
// candidate whose top-right corner is nearest the preferred one; ties go to the upper, then the
// right one. The box never leaves the page when it fits in it.
StampPlacement place_stamp(double page_width, double page_height, const std::vector<pdf::InkBox>& ink,
                           double box_width, double box_height, const StampPlacementRules& rules);

// Moves items laid out with the box's top-left at (0, 0) to the placement, scaled by its scale
// (glyph positions, font sizes, rectangles, paths and line widths alike).
void apply_placement(std::vector<layout::FrameItem>& items, const StampPlacement& placement);

}  // namespace saraban::documents
