#pragma once
// A parsed manual → its PDF: the cover from the front matter, the foreword and the contents
// numbered ก ข …, the body from ๑. The body is composed twice: once to learn the page of
// every heading (the contents print them), then into the PDF page by page.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/environment.h"
#include "documents/manual_source.h"
#include "documents/manual_style.h"
#include "layout/font_set.h"
#include "text/thai_numbers.h"

namespace saraban::documents {

struct ManualOptions {
  std::optional<text::DigitStyle> digits;  // unset: Thai digits, the text's digits as typed
  std::string base_dir;                    // the manual's folder (images, the logo)
  std::string source;                      // its name in messages
  std::int64_t created = 0;                // the document's time (the Environment's clock)
  bool want_text = false;                  // fill RenderedManual::text
};

struct RenderedManual {
  std::vector<std::uint8_t> pdf;
  std::size_t front_pages = 0;  // the cover, the foreword and the contents
  std::size_t body_pages = 0;
  // With want_text: the text layer as placed, page by page in the order both extractors
  // read it (a page's top furniture, its content, its foot), a line to each run.
  std::string text;
};

RenderedManual render_manual(ManualSource manual, const ManualStyle& style, const ManualOptions& options,
                             layout::FontSet& fonts, const Environment& env);

}  // namespace saraban::documents
