#pragma once
// The receive stamp (ตรารับหนังสือ): a box at the top right of an incoming letter's first page
// with the office, เลขรับ, วันที่ and เวลา, laid out by the engine from
// templates/receive_stamp.json and drawn over the original with pdf::overlay_first_page.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/environment.h"
#include "layout/frame.h"
#include "layout/paragraph.h"
#include "layout/paragraph_layouter.h"
#include "pdf/pdf_overlay.h"

namespace saraban::documents {

// What the stamp shows, filled into the template's {office} {number} {date} {time}.
struct ReceiveStampFields {
  std::string office;  // สำนักงาน...
  std::string number;  // เลขรับ, in Thai digits
  std::string date;    // วันที่, Buddhist era
  std::string time;    // เวลา, HH:MM
};

struct ReceiveStampLine {
  std::string text;  // with {office} {number} {date} {time}
  layout::Alignment align = layout::Alignment::Left;
  bool bold = false;
};

struct ReceiveStampTemplate {
  double box_width_cm = 5.0;
  double box_height_cm = 2.5;
  double top_cm = 1.0;    // from the visible page's top edge to the box
  double right_cm = 1.0;  // from the visible page's right edge to the box
  double padding_cm = 0.2;
  double border_pt = 0.8;
  double font_size_pt = 12;
  double min_font_size_pt = 8;  // a long line shrinks to fit down to this, then wraps
  // Where the box may move to stay off the letter's own ink (documents/stamp_placement.h).
  double search_height_fraction = 1.0 / 3;  // within this top part of the page
  double search_width_fraction = 0.5;       // and this right part
  double edge_cm = 0.5;       // a moved box keeps this far from the page's edges
  double clearance_cm = 0.2;  // free space: the box plus this touches no ink
  double search_step_cm = 0.25;
  double min_scale = 0.7;     // the box may shrink to this to fit in free space
  layout::Color color{0, 0, 0.5};
  std::vector<ReceiveStampLine> lines;
};

// Parses a template; unknown keys and wrong types are errors naming the key.
ReceiveStampTemplate parse_receive_stamp_template(std::string_view json, const std::string& source);
// The copy of templates/receive_stamp.json built into the binary.
std::string_view builtin_receive_stamp_template();
// SARABAN_TEMPLATES=DIR: DIR/receive_stamp.json; else the built-in copy.
ReceiveStampTemplate load_receive_stamp_template(const Environment& env);

// The stamp's frame items on the visible page (top-left origin, y down): in free space at the
// top right when page.ink leaves some (shrunk down to min_scale if need be), else at top_cm /
// right_cm over a white background.
std::vector<layout::FrameItem> layout_receive_stamp(layout::ParagraphLayouter& layouter, const ReceiveStampTemplate& t,
                                                    const ReceiveStampFields& text, const pdf::VisiblePage& page);

// A stamped copy, and whether it was drawn on a repaired copy of a damaged original.
struct StampedPdf {
  std::vector<std::uint8_t> bytes;
  bool repaired = false;
};

// "Stamp this PDF with these fields". Fonts and the template load on first use, so
// constructing one for a command that never stamps costs nothing.
class ReceiveStamper {
 public:
  explicit ReceiveStamper(const Environment& env);
  ~ReceiveStamper();
  ReceiveStamper(const ReceiveStamper&) = delete;
  ReceiveStamper& operator=(const ReceiveStamper&) = delete;
  // A copy of `original_pdf` with the stamp drawn on page 1; throws Error(PdfError) if it cannot.
  StampedPdf stamp(const std::vector<std::uint8_t>& original_pdf, const ReceiveStampFields& fields);

 private:
  struct Engine;
  const Environment& env_;
  std::unique_ptr<Engine> engine_;
};

}  // namespace saraban::documents
