#pragma once
// A report (base/report_table.h) → its PDF: a title, headings (bookmarked), paragraphs, the
// engine's tables (the manuals' table layout: header rows repeated, cells wrapped at word
// boundaries) and bar charts drawn as vector graphics with real text; numbers and dates in
// Thai digits; page numbers at the foot. Portrait A4, or landscape for a register book.
#include <cstdint>
#include <string>
#include <vector>

#include "base/environment.h"
#include "base/report_table.h"
#include "layout/font_set.h"

namespace saraban::documents {

struct ReportRenderOptions {
  std::int64_t created = 0;  // the document's time (the Environment's clock)
  bool want_text = false;    // fill RenderedReport::text
};

struct RenderedReport {
  std::vector<std::uint8_t> pdf;
  std::size_t pages = 0;
  std::string text;  // with want_text: the text layer as placed, page by page (page_text.h)
};

RenderedReport render_report(const ReportDocument& doc, const ReportRenderOptions& options, layout::FontSet& fonts);

// A value as the PDF writes it: Thai digits, thousands grouped, dates "๒๑ พ.ย. ๒๕๖๙", a blank as "-".
std::string report_cell_text(const ReportValue& v, const ReportColumn& column);

}  // namespace saraban::documents
