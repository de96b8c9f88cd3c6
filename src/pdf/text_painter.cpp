#include "pdf/text_painter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "pdf/even_spacing.h"
#include "pdf/extraction_order.h"
#include "pdf/font_embedder.h"
#include "pdf/glyph_paths.h"
#include "pdf/pdf_text.h"

// How the text layer is made to extract exactly (measured with poppler 22.12 and MuPDF 1.21):
// - poppler honours /ActualText; MuPDF 1.21 ignores it and reads ToUnicode glyph by glyph in
//   content-stream order.
// - poppler reorders a zero-width mark that sits a hair right of the next base glyph (กิ่ง came
//   back as กิง่), so a base and its following marks go in one /ActualText span: poppler then
//   takes the span's text as it is. Cells whose text glyphs readers read in order anyway carry
//   no span (extraction_order.h decides).
// - MuPDF turns an empty ToUnicode entry into U+FFFD, so no shown glyph may map to nothing.
//   Each cluster's characters are spread over its glyphs in order; when a cluster has more
//   glyphs than characters (SARA AM split into NIKHAHIT + SARA AA) the spare leading glyphs
//   are painted as outlines instead of text, so neither tool sees them.
// - A glyph seen with different texts gets a CID per text (CIDToGIDMap shares the glyph), and
//   ToUnicode always comes from the clusters, never from the font's cmap (no U+F7xx PUA).

namespace saraban::pdf {

namespace {

std::vector<std::string> split_codepoints(const std::string& utf8) {
  std::vector<std::string> out;
  for (char c : utf8) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 || out.empty()) out.emplace_back();
    out.back().push_back(c);
  }
  return out;
}

std::uint32_t first_codepoint(const std::string& utf8) {
  if (utf8.empty()) return 0;
  auto b = [&](std::size_t i) { return i < utf8.size() ? static_cast<unsigned char>(utf8[i]) : 0u; };
  if (b(0) < 0x80) return b(0);
  if ((b(0) & 0xE0) == 0xC0) return ((b(0) & 0x1Fu) << 6) | (b(1) & 0x3Fu);
  if ((b(0) & 0xF0) == 0xE0) return ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
  return ((b(0) & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
}

// Non-spacing marks that belong to the preceding base: Thai above/below vowels and tone marks,
// and the generic combining diacritics.
bool is_combining_mark(std::uint32_t cp) {
  return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E) ||
         (cp >= 0x0300 && cp <= 0x036F);
}

std::string cid_hex(std::uint16_t cid) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(cid));
  return buf;
}

// Emits glyphs in page order into the stream's open text object, opening one when needed and
// setting font, colour and Tc only when they change. Outlines and marked-content spans that
// hold outlines sit outside text objects, so those close it.
class GlyphWriter {
 public:
  GlyphWriter(std::string& out, TextState& state, FontEmbedder& font, const layout::TextRun& run,
              const std::string& resource)
      : out_(out), st_(state), font_(font), size_(run.size), resource_(resource) {
    color_ = format_number(run.color.r) + " " + format_number(run.color.g) + " " + format_number(run.color.b) + " rg\n";
  }

  // `spacing_after` (Tc) moves the pen past a glyph without changing its /W. The last glyph of
  // an /ActualText span gets the distance to the next cell: poppler ends the span at that
  // glyph's advance plus Tc and would read a shortfall (a mark left of its base's end) as a
  // space. Glyphs outside spans take whatever Tc is set (nullopt): poppler discounts Tc on
  // single glyphs, and the next glyph is placed by TJ anyway.
  void show(std::uint16_t cid, double x, double y, std::optional<double> wanted_spacing = 0.0) {
    begin_text();
    const double spacing_after = wanted_spacing.value_or(st_.char_spacing);
    if (std::abs(spacing_after - st_.char_spacing) >= 1e-4) {
      close_array();
      out_ += format_number(spacing_after) + " Tc\n";
      st_.char_spacing = spacing_after;
    }
    if (array_ && std::abs(y - pen_y_) < 1e-6) {
      // TJ numbers move the pen left by n/1000 em: close the gap between where the font's
      // own advance (/W) left the pen and where HarfBuzz placed this glyph.
      double adjust = (pen_x_ - x) * 1000.0 / size_;
      if (std::abs(adjust) >= 0.01) out_ += format_number(adjust);
    } else if (positioned_ && std::abs(y - pen_y_) < 1e-6) {
      // Still on the line: the previous TJ left the pen where it ended.
      double adjust = (pen_x_ - x) * 1000.0 / size_;
      out_ += "[";
      array_ = true;
      if (std::abs(adjust) >= 0.01) out_ += format_number(adjust);
    } else {
      close_array();
      out_ += "1 0 0 1 " + format_number(x) + " " + format_number(y) + " Tm\n[";
      array_ = true;
      positioned_ = true;
    }
    std::string hex = cid_hex(cid);
    if (!out_.empty() && out_.back() == '>') {
      out_.pop_back();  // consecutive CIDs share one hex string: <00010002>
      out_.append(hex, 1, std::string::npos);
    } else {
      out_ += hex;
    }
    pen_x_ = x + font_.cid_width(cid) * size_ / 1000.0 + spacing_after;
    pen_y_ = y;
  }

  double pen_after(std::uint16_t cid, double x) const { return x + font_.cid_width(cid) * size_ / 1000.0; }

  // A glyph drawn without text: its outline in 1/1000 em, scaled into place.
  // A glyph drawn on two earlier pages is a shared form: the spare marks of the text and a
  // running header's letters repeat on every page.
  void outline(std::uint32_t glyph_id, double x, double y) {
    auto path = glyph_path_units(font_, glyph_id);
    if (path->empty()) return;
    end_text();
    if (st_.color != color_) {
      out_ += color_;
      st_.color = color_;
    }
    out_ += "q " + format_number(size_ / 1000.0) + " 0 0 " + format_number(size_ / 1000.0) + " " + format_number(x) +
            " " + format_number(y) + " cm\n";
    OutlineForms* forms = st_.outline_forms;
    const OutlineForms::Glyph key{resource_, glyph_id};
    if (forms && forms->is_form(key)) {
      forms->page_forms.insert(key);
      out_ += "/" + outline_form_name(resource_, glyph_id) + " Do\nQ\n";
    } else {
      if (forms) forms->this_page.insert(key);
      out_ += *path + "f\nQ\n";
    }
  }

  // A span holding outlines must start outside the text object: a marked-content sequence
  // begun inside BT has to end there.
  void begin_span(const std::string& text, bool holds_outlines) {
    if (holds_outlines) end_text();
    close_array();
    out_ += "/Span <</ActualText <" + hex_upper(utf8_to_utf16be_with_bom(text)) + ">>> BDC\n";
    span_outside_text_ = !st_.in_text;
  }

  void end_span() {
    if (span_outside_text_) end_text();
    close_array();
    out_ += "EMC\n";
  }

  void end_text() {
    close_array();
    end_text_object(out_, st_);
    positioned_ = false;
  }

  void finish() { close_array(); }

  void set_invisible(bool invisible) {
    if (st_.invisible == invisible) return;
    close_array();
    out_ += invisible ? "3 Tr\n" : "0 Tr\n";
    st_.invisible = invisible;
  }

 private:
  void begin_text() {
    if (!st_.in_text) {
      out_ += "BT\n";
      st_.in_text = true;
      positioned_ = false;
    }
    if (st_.font != resource_ || std::abs(st_.size - size_) > 1e-6) {
      close_array();
      out_ += "/" + resource_ + " " + format_number(size_) + " Tf\n";
      st_.font = resource_;
      st_.size = size_;
    }
    if (st_.color != color_) {
      close_array();
      out_ += color_;
      st_.color = color_;
    }
  }

  void close_array() {
    if (!array_) return;
    out_ += "] TJ\n";
    array_ = false;
  }

  std::string& out_;
  TextState& st_;
  FontEmbedder& font_;
  double size_;
  std::string resource_;
  std::string color_;
  bool array_ = false;
  bool positioned_ = false;  // a Tm was set in this text object for this run
  bool span_outside_text_ = false;
  double pen_x_ = 0, pen_y_ = 0;
};

// A base cluster and the mark clusters after it: what a reader selects as one character cell.
struct ExtractionUnit {
  std::size_t first_cluster = 0;
  std::size_t cluster_count = 0;
  std::string text;
  std::size_t glyph_count = 0;
};

std::vector<ExtractionUnit> extraction_units(const layout::TextRun& run) {
  std::vector<ExtractionUnit> units;
  for (std::size_t i = 0; i < run.clusters.size(); ++i) {
    const auto& c = run.clusters[i];
    if (units.empty() || !is_combining_mark(first_codepoint(c.text))) units.push_back({i, 0, {}, 0});
    units.back().cluster_count++;
    units.back().text += c.text;
    units.back().glyph_count += c.glyph_count;
  }
  return units;
}

// What each glyph of a unit carries: its text, or nothing (drawn as an outline).
struct GlyphPlan {
  std::size_t glyph = 0;
  std::string text;
};

// Spare glyphs (those a decomposition added, like SARA AM's NIKHAHIT) come first in their
// cluster and carry no text; then one character per glyph, the last glyph taking any left
// over (ligatures). Zero-width marks after the unit's last advancing glyph that stop short of
// the next cell by more than a little (เป็น's MAITAIKHU sits left of PO PLA's stem; any mark on
// a stretched line), or that leave a gap before the next mark (a tone shifted left over ป in
// ปู่), are drawn as outlines too, their text moved onto that glyph: MuPDF and
// poppler measure the gap to the next glyph from the mark's pen and would read a space there.
std::vector<GlyphPlan> plan_unit(const layout::TextRun& run, const ExtractionUnit& unit, FontEmbedder& font,
                                 std::optional<double> next_x) {
  std::vector<GlyphPlan> plan;
  for (std::size_t c = unit.first_cluster; c < unit.first_cluster + unit.cluster_count; ++c) {
    const auto& cluster = run.clusters[c];
    std::size_t begin = std::min<std::size_t>(cluster.first_glyph, run.glyphs.size());
    std::size_t end = std::min<std::size_t>(run.glyphs.size(), begin + cluster.glyph_count);
    std::size_t n = end - begin;
    std::vector<std::string> chars = split_codepoints(cluster.text);
    std::size_t spare = n > chars.size() ? n - chars.size() : 0;
    for (std::size_t k = 0; k < n; ++k) {
      GlyphPlan g{begin + k, {}};
      if (k >= spare) {
        std::size_t slot = k - spare;
        g.text = chars[slot];
        if (k + 1 == n)
          for (std::size_t r = slot + 1; r < chars.size(); ++r) g.text += chars[r];
      }
      plan.push_back(std::move(g));
    }
  }
  std::size_t anchor = plan.size();
  for (std::size_t k = 0; k < plan.size(); ++k)
    if (!plan[k].text.empty() && run.glyphs[plan[k].glyph].advance > 0) anchor = k;
  if (anchor + 1 >= plan.size()) return plan;
  const auto& a = run.glyphs[plan[anchor].glyph];
  const double cell_end = std::max(a.x + a.advance, next_x.value_or(a.x + a.advance));
  // The widest gap a mark's pen leaves before the next mark or the next cell: a mark shifted
  // left (a tone over ป's stem in ปู่, ปุ๋) followed by another mark leaves one too.
  double widest_gap = 0;
  for (std::size_t k = anchor + 1; k < plan.size(); ++k) {
    const auto& g = run.glyphs[plan[k].glyph];
    const double pen = g.x + font.glyph_width(g.glyph_id) * run.size / 1000.0;
    const double next = k + 1 < plan.size() ? run.glyphs[plan[k + 1].glyph].x : cell_end;
    widest_gap = std::max(widest_gap, next - pen);
  }
  if (widest_gap <= 0.03 * run.size) return plan;
  for (std::size_t k = anchor + 1; k < plan.size(); ++k) {
    if (run.glyphs[plan[k].glyph].advance > 0) return plan;  // only zero-width marks move
  }
  for (std::size_t k = anchor + 1; k < plan.size(); ++k) {
    plan[anchor].text += plan[k].text;
    plan[k].text.clear();
  }
  return plan;
}

// A cell needs /ActualText only when ToUnicode read in content order would not give its text:
// when readers could reorder or split its glyphs (extraction_order.h). Cells drawn partly as
// outlines always keep their span (the caller checks).
bool needs_actual_text(const layout::TextRun& run, const std::vector<GlyphPlan>& plan, FontEmbedder& font,
                       const std::vector<std::vector<GlyphPlan>>& plans, std::size_t u, std::optional<double> tc) {
  // Outlines carry no text: readers see only the glyphs that do, in content order, each
  // reaching as far as its /W width plus the Tc it is shown with.
  std::vector<TextGlyphPlacement> placed;
  double last_y = 0;
  for (const auto& g : plan) {
    if (g.text.empty()) continue;
    const auto& pg = run.glyphs[g.glyph];
    placed.push_back({pg.x, pg.x + font.glyph_width(pg.glyph_id) * run.size / 1000.0 + tc.value_or(0.0)});
    last_y = pg.y;
  }
  std::optional<double> next_x;
  if (u + 1 < plans.size()) {
    for (const auto& g : plans[u + 1]) {
      if (g.text.empty()) continue;
      const auto& next = run.glyphs[g.glyph];
      if (std::abs(next.y - last_y) < 1e-6) next_x = next.x;
      break;
    }
  }
  return !reads_in_order_without_actual_text(placed, next_x, run.size);
}

// The run's even stretch between text glyphs (even_spacing.h), measured from the plans.
std::optional<double> run_even_spacing(const layout::TextRun& run, const std::vector<std::vector<GlyphPlan>>& plans,
                                       FontEmbedder& font) {
  std::vector<double> gaps;
  const layout::PlacedGlyph* prev = nullptr;
  for (const auto& plan : plans) {
    for (const auto& g : plan) {
      if (g.text.empty()) continue;
      const auto& pg = run.glyphs[g.glyph];
      if (prev && std::abs(prev->y - pg.y) < 1e-6)
        gaps.push_back(pg.x - (prev->x + font.glyph_width(prev->glyph_id) * run.size / 1000.0));
      prev = &pg;
    }
  }
  return even_spacing(gaps);
}

}  // namespace

std::string outline_form_name(const std::string& font_resource, std::uint32_t glyph_id) {
  return font_resource + "g" + std::to_string(glyph_id);
}

void end_text_object(std::string& out, TextState& state) {
  if (!state.in_text) return;
  out += "ET\n";
  state.in_text = false;
}

void paint_text_run(std::string& out, TextState& state, const layout::TextRun& run, FontEmbedder& font,
                    const std::string& resource, double page_height) {
  if (run.glyphs.empty()) return;
  GlyphWriter writer(out, state, font, run, resource);
  if (!run.in_text_layer) {
    for (const auto& g : run.glyphs) writer.outline(g.glyph_id, g.x, page_height - g.y);
    return;
  }

  // A gap made by layout: a space glyph just before the run, so extraction sees a word break.
  if (!run.leading_space.empty()) {
    const auto& first = run.glyphs.front();
    auto space = font.space_glyph();
    std::uint16_t cid = font.cid_for(space.value_or(0), run.leading_space);
    double width = font.cid_width(cid) * run.size / 1000.0;
    if (!space) writer.set_invisible(true);  // .notdef stands in, unseen, when there is no space
    writer.show(cid, first.x - width, page_height - first.y);
    if (!space) writer.set_invisible(false);
  }

  std::vector<bool> drawn(run.glyphs.size(), false);
  const std::vector<ExtractionUnit> units = extraction_units(run);
  std::vector<std::vector<GlyphPlan>> plans;
  plans.reserve(units.size());
  for (std::size_t u = 0; u < units.size(); ++u) {
    std::optional<double> next_x;
    if (u + 1 < units.size()) {
      const auto& next = run.glyphs[std::min<std::size_t>(run.glyphs.size() - 1, run.clusters[units[u + 1].first_cluster].first_glyph)];
      next_x = next.x;
    }
    plans.push_back(plan_unit(run, units[u], font, next_x));
  }
  // On an evenly stretched line every glyph outside a span's end carries the stretch as Tc.
  const std::optional<double> even = run_even_spacing(run, plans, font);
  bool tc_reset = false;
  for (std::size_t u = 0; u < units.size(); ++u) {
    const auto& unit = units[u];
    const std::vector<GlyphPlan>& plan = plans[u];
    for (const auto& g : plan) drawn[g.glyph] = true;
    bool holds_outlines = std::any_of(plan.begin(), plan.end(), [](const GlyphPlan& g) { return g.text.empty(); });
    // Where the next cell starts: the next unit's first glyph, or this cell's logical end.
    double cell_end = -1e9;
    for (const auto& g : plan) cell_end = std::max(cell_end, run.glyphs[g.glyph].x + run.glyphs[g.glyph].advance);
    if (u + 1 < units.size() && !plans[u + 1].empty()) {
      const auto& next = run.glyphs[plans[u + 1].front().glyph];
      if (std::abs(next.y - run.glyphs[plan.back().glyph].y) < 1e-6) cell_end = std::max(cell_end, next.x);
    }
    std::size_t last_text = plan.size();
    for (std::size_t k = 0; k < plan.size(); ++k)
      if (!plan[k].text.empty()) last_text = k;
    // Cells of one text glyph take the line's even Tc; cells with marks keep Tc 0, the spacing
    // both readers were measured with (a mark reaching past its base's end is read out of order).
    const bool one_text_glyph = std::count_if(plan.begin(), plan.end(), [](const GlyphPlan& g) { return !g.text.empty(); }) == 1;
    const std::optional<double> cell_tc = even ? (one_text_glyph ? even : std::optional<double>(0.0)) : std::nullopt;
    const bool simple = !needs_actual_text(run, plan, font, plans, u, cell_tc);

    if (!simple) writer.begin_span(unit.text, holds_outlines);
    for (std::size_t k = 0; k < plan.size(); ++k) {
      const auto& pg = run.glyphs[plan[k].glyph];
      if (plan[k].text.empty()) {
        writer.outline(pg.glyph_id, pg.x, page_height - pg.y);
        continue;
      }
      std::uint16_t cid = font.cid_for(pg.glyph_id, plan[k].text);
      std::optional<double> spacing = cell_tc;
      // A run that is not evenly stretched must not inherit the previous line's stretch.
      if (!spacing && !even && !tc_reset) spacing = 0.0;
      tc_reset = true;
      if (!simple && k == last_text) {
        double gap = cell_end - writer.pen_after(cid, pg.x);
        spacing = gap > 0.01 ? std::round(gap * 100.0) / 100.0 : 0.0;
      }
      writer.show(cid, pg.x, page_height - pg.y, spacing);
    }
    if (!simple) writer.end_span();
  }
  // Glyphs outside every cluster carry no text: outlines, like spare glyphs.
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    if (!drawn[i]) writer.outline(run.glyphs[i].glyph_id, run.glyphs[i].x, page_height - run.glyphs[i].y);
  }
  writer.finish();
}

}  // namespace saraban::pdf
