#pragma once
// A manual's look, read from templates/manual/*.json (compiled in) or an office's own file:
// margins, fonts sizes and spacing, heading numbering, lists, tables, flowcharts, page
// numbers and the running header. Lengths are converted to points here.
#include <string>
#include <vector>

#include "base/environment.h"
#include "layout/flowchart_layout.h"
#include "layout/page_composer.h"
#include "layout/paragraph.h"
#include "layout/table_layout.h"

namespace saraban::documents {

struct FurnitureSpot {
  enum class Where { TopLeft, TopCenter, TopRight, BottomLeft, BottomCenter, BottomRight, None } where = Where::None;
  double size = 16;      // pt
  double distance = 36;  // pt from the page's edge to the text's baseline (top) or bottom (foot)
};

struct ManualStyle {
  layout::PageGeometry page;
  layout::ParagraphStyle body;
  std::vector<layout::ParagraphStyle> headings;  // level 1, 2, 3 …; deeper levels use the last
  bool heading_numbers = false;                  // "๑.๒ " before level-2 and deeper headings
  double list_indent = 35.4, list_step = 21.3, list_space_after = 2;
  layout::TableStyle table;
  bool caption_bold = true;
  layout::FlowchartStyle flow;
  FurnitureSpot page_number;
  FurnitureSpot running_header;
  std::string running_header_text = "{title}";
  double cover_title_size = 28, cover_subtitle_size = 20, cover_logo_height = 99.2, cover_top = 113.4;
  std::string contents_title = "สารบัญ", contents_page_heading = "หน้า";
  double contents_indent = 21.3;
  int contents_levels = 3;
  bool front_thai_letters = true;
  double image_max_height = 340.2;

  double column_width() const { return page.width - page.margin_left - page.margin_right; }
  double body_height() const { return page.height - page.margin_top - page.margin_bottom; }
  const layout::ParagraphStyle& heading(int level) const;
};

// `name_or_path`: empty for the default style, a name of a compiled-in style, or a JSON file.
ManualStyle load_manual_style(const Environment& env, const std::string& name_or_path);
// The style in a JSON text; `source` names it in messages.
ManualStyle parse_manual_style(const std::string& json_text, const std::string& source);

}  // namespace saraban::documents
