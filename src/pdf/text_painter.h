#pragma once
// Turns shaped TextRuns into text objects: exact glyph positions, CIDs chosen so the text
// extracts as the run's clusters say, /ActualText spans where glyphs and characters differ.
// Consecutive runs share one BT ... ET; glyphs that must not carry text are painted as
// outlines between text objects.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "layout/frame.h"

namespace saraban::pdf {

class FontEmbedder;

// Text state that lives across runs within one content stream (what the stream has set).
struct TextState {
  bool in_text = false;      // inside BT ... ET
  std::string font;          // resource name last set with Tf
  double size = 0;
  std::string color;         // "r g b rg" last set
  double char_spacing = 0;   // Tc
  bool invisible = false;    // Tr 3
  // Unset: glyphs drawn without text have their paths written inline (a stamp drawn over
  // another file). Set: see OutlineForms.
  struct OutlineForms* outline_forms = nullptr;
};

// A glyph drawn without text on two earlier pages becomes a form XObject named
// <font resource>g<glyph id>: deflate makes repeats within one stream almost free, so only
// the copies on other pages cost; a form (about 150 bytes of object, resource entry and xref)
// pays from the third page a glyph is drawn on.
struct OutlineForms {
  using Glyph = std::pair<std::string, std::uint32_t>;  // font resource, glyph id
  static constexpr int kInlinePages = 2;
  std::map<Glyph, int> pages_drawn;  // on how many earlier pages, up to kInlinePages
  std::set<Glyph> this_page;         // drawn inline on this page
  std::set<Glyph> page_forms;        // used as forms on this page: its resources
  bool is_form(const Glyph& g) const {
    auto it = pages_drawn.find(g);
    return it != pages_drawn.end() && it->second >= kInlinePages;
  }
  // The page is done: what it drew inline counts for the next pages.
  void next_page() {
    for (const auto& g : this_page) ++pages_drawn[g];
    this_page.clear();
    page_forms.clear();
  }
};

// The resource name of a glyph's outline form: "F1" and 123 give "F1g123".
std::string outline_form_name(const std::string& font_resource, std::uint32_t glyph_id);

// Appends the run's operators to `out`. Leaves the text object open for the next run;
// call end_text_object before any non-text operator.
void paint_text_run(std::string& out, TextState& state, const layout::TextRun& run, FontEmbedder& font,
                    const std::string& resource, double page_height);

void end_text_object(std::string& out, TextState& state);

}  // namespace saraban::pdf
