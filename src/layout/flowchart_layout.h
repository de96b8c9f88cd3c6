#pragma once
// A flowchart → a Figure: box sizes from the shaped text (long steps wrap inside the box),
// swimlane columns with their role heads (repeated on every page), one slice per step so a
// chart that does not fit one page breaks between steps, with connector circles at the break.
// Back and forward branches run in a channel beside their decision, never across a box.
#include "layout/block.h"
#include "layout/flowchart.h"
#include "layout/paragraph_layouter.h"

namespace saraban::layout {

struct FlowchartStyle {
  ParagraphStyle text;       // step text (align is centred)
  ParagraphStyle lane_head;  // role names
  double gap = 22;           // pt between steps (the arrow's length)
  double box_max_width = 226.8;  // pt (8 cm), in one column
  double padding = 5;        // pt inside a box
  double line_width = 0.8;
  Color stroke;
  Color lane_fill = {0.90, 0.93, 0.97};
  Color box_fill = {1, 1, 1};
  std::string yes_label = "ใช่";
  std::vector<std::string> connector_labels = {"ก", "ข", "ค", "ง", "จ", "ฉ", "ช", "ซ"};
};

Figure layout_flowchart(const Flowchart& chart, double width, const FlowchartStyle& style, ParagraphLayouter& layouter);

}  // namespace saraban::layout
