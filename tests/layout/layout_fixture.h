#pragma once
// Shared set-up for layout tests: the system's Laksaman through the default font config.
#include <memory>

#include "base/environment.h"
#include "layout/font_set.h"
#include "layout/paragraph_layouter.h"
#include "layout/shaper.h"
#include "text/word_breaker.h"

namespace saraban::layout::testing {

struct LayoutFixture {
  const Environment& env = system_environment();
  FontSet fonts{env, FontConfig::load_default(env)};
  Shaper shaper;
  text::WordBreaker breaker;
  ParagraphLayouter layouter{fonts, shaper, breaker};

  // The text a line holds, from its glyph clusters (what a PDF's text layer will carry).
  static std::string line_text(const LineBox& line) {
    std::string s;
    for (const auto& r : line.runs)
      for (const auto& c : r.clusters) s += c.text;
    return s;
  }
};

}  // namespace saraban::layout::testing
