#pragma once
// What the page composer flows: paragraphs, and blocks laid out ahead of time (a table, a
// flowchart) as slices. The composer puts each slice whole on a page (a table row, a chart's
// step); only a slice taller than a page is cut.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "layout/frame.h"
#include "layout/paragraph.h"

namespace saraban::layout {

struct Slice {
  double height = 0;             // pt
  std::vector<FrameItem> items;  // relative to the slice's top-left corner at the column's left edge
  bool keep_with_next = false;   // never the last slice on a page when the next one follows
  // Drawn only where the page breaks right after this slice (below it, at the page's foot;
  // relative to the slice's bottom-left corner) or right before it (above it, at the new
  // page's top; relative to their own top-left corner): a chart's connector circles.
  std::vector<FrameItem> on_break_after;
  double break_after_height = 0;
  std::vector<FrameItem> on_break_before;
  double break_before_height = 0;
};

struct Figure {
  std::vector<Slice> slices;
  // Put again at the top of every further page the figure runs onto: a table's header rows,
  // a swimlane chart's lane heads.
  std::vector<Slice> repeat_header;
  double space_before = 0;  // pt
  double space_after = 0;
  bool keep_together = false;  // never split (unless taller than a page)
  bool keep_with_next = false;
  bool page_break_before = false;
  std::string bookmark;  // as Paragraph::bookmark
  int bookmark_level = 0;
  std::optional<Anchor> anchor;  // as Paragraph::anchor, at the figure's top
};

using Block = std::variant<Paragraph, Figure>;

}  // namespace saraban::layout
