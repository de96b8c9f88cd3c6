#include "pdf/text_painter.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "pdf/font_embedder.h"
#include "pdf/pdf_text.h"

// How the text layer is made to extract exactly (measured with poppler 22.12 and MuPDF 1.21):
// - poppler honours /ActualText; MuPDF 1.21 ignores it and reads ToUnicode glyph by glyph in
//   content-stream order.
// - poppler reorders a zero-width mark that sits a hair right of the next base glyph (กิ่ง came
//   back as กิง่), so a base and its following marks go in one /ActualText span: poppler then
//   takes the span's text as it is.
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

// Emits text and glyph outlines in page order, opening and closing BT/ET and TJ arrays as
// needed: outlines and marked-content spans must sit outside text objects.
class GlyphWriter {
 public:
  GlyphWriter(std::string& out, FontEmbedder& font, const layout::TextRun& run, const std::string& resource)
      : out_(out), font_(font), size_(run.size), resource_(resource) {
    color_ = format_number(run.color.r) + " " + format_number(run.color.g) + " " + format_number(run.color.b) + " rg\n";
  }

  // `spacing_after` (Tc) moves the pen past a glyph without changing its /W: the last glyph of a
  // span whose marks sit left of the base's end (เป็น's MAITAIKHU) gets the rest of the cell,
  // since poppler ends an /ActualText span at its last glyph's advance and reads a shortfall
  // before the next glyph as a space (MuPDF measures gaps from the pen the same way).
  void show(std::uint16_t cid, double x, double y, double spacing_after = 0) {
    begin_text();
    if (std::abs(spacing_after - tc_) >= 1e-4) {
      close_array();
      out_ += format_number(spacing_after) + " Tc\n";
      tc_ = spacing_after;
    }
    if (array_ && std::abs(y - pen_y_) < 1e-6) {
      // TJ numbers move the pen left by n/1000 em: close the gap between where the font's
      // own advance (/W) left the pen and where HarfBuzz placed this glyph.
      double adjust = (pen_x_ - x) * 1000.0 / size_;
      if (std::abs(adjust) >= 0.01) out_ += format_number(adjust) + " ";
    } else {
      close_array();
      out_ += "1 0 0 1 " + format_number(x) + " " + format_number(y) + " Tm\n[";
      array_ = true;
    }
    out_ += cid_hex(cid) + " ";
    pen_x_ = x + font_.cid_width(cid) * size_ / 1000.0 + spacing_after;
    pen_y_ = y;
  }

  double pen_after(std::uint16_t cid, double x) const { return x + font_.cid_width(cid) * size_ / 1000.0; }

  void outline(std::uint32_t glyph_id, double x, double y) {
    std::string path = font_.glyph_outline(glyph_id, x, y, size_);
    if (path.empty()) return;
    end_text();
    out_ += "q\n" + color_ + path + "f\nQ\n";
  }

  void begin_span(const std::string& text) {
    end_text();
    out_ += "/Span <</ActualText <" + hex_upper(utf8_to_utf16be_with_bom(text)) + ">>> BDC\n";
  }

  void end_span() {
    end_text();
    out_ += "EMC\n";
  }

  void end_text() {
    close_array();
    if (!in_text_) return;
    if (tc_ != 0) {
      out_ += "0 Tc\n";  // the next run's writer starts from zero character spacing
      tc_ = 0;
    }
    out_ += "ET\n";
    in_text_ = false;
  }

  void set_invisible(bool invisible) {
    begin_text();
    close_array();
    out_ += invisible ? "3 Tr\n" : "0 Tr\n";
  }

 private:
  void begin_text() {
    if (in_text_) return;
    out_ += "BT\n/" + resource_ + " " + format_number(size_) + " Tf\n" + color_;
    in_text_ = true;
  }

  void close_array() {
    if (!array_) return;
    out_ += "] TJ\n";
    array_ = false;
  }

  std::string& out_;
  FontEmbedder& font_;
  double size_;
  std::string resource_;
  std::string color_;
  bool in_text_ = false;
  bool array_ = false;
  double tc_ = 0;
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

}  // namespace

std::string paint_text_run(const layout::TextRun& run, FontEmbedder& font, const std::string& resource,
                           double page_height) {
  if (run.glyphs.empty()) return {};
  std::string out;
  GlyphWriter writer(out, font, run, resource);

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
  for (const auto& unit : extraction_units(run)) {
    bool simple = unit.glyph_count == 1 && split_codepoints(unit.text).size() == 1;
    // The cell's logical end: where the next unit's pen starts.
    double logical_end = -1e9;
    std::size_t last_glyph = 0;
    for (std::size_t c = unit.first_cluster; c < unit.first_cluster + unit.cluster_count; ++c) {
      const auto& cl = run.clusters[c];
      for (std::size_t k = cl.first_glyph; k < cl.first_glyph + cl.glyph_count && k < run.glyphs.size(); ++k) {
        logical_end = std::max(logical_end, run.glyphs[k].x + run.glyphs[k].advance);
        last_glyph = k;
      }
    }
    if (!simple) writer.begin_span(unit.text);
    for (std::size_t c = unit.first_cluster; c < unit.first_cluster + unit.cluster_count; ++c) {
      const auto& cluster = run.clusters[c];
      std::size_t begin = std::min<std::size_t>(cluster.first_glyph, run.glyphs.size());
      std::size_t end = std::min<std::size_t>(run.glyphs.size(), begin + cluster.glyph_count);
      std::size_t n = end - begin;
      std::vector<std::string> chars = split_codepoints(cluster.text);
      // Spare glyphs come first (the glyphs a decomposition added), then one character per
      // glyph, the last glyph taking any characters left over (ligatures).
      std::size_t spare = n > chars.size() ? n - chars.size() : 0;
      for (std::size_t k = 0; k < n; ++k) {
        const auto& g = run.glyphs[begin + k];
        drawn[begin + k] = true;
        if (k < spare) {
          writer.outline(g.glyph_id, g.x, page_height - g.y);
          continue;
        }
        std::size_t slot = k - spare;
        std::string text = chars[slot];
        if (k + 1 == n) {
          for (std::size_t r = slot + 1; r < chars.size(); ++r) text += chars[r];
        }
        std::uint16_t cid = font.cid_for(g.glyph_id, text);
        double spacing = 0;
        if (!simple && begin + k == last_glyph) {
          double shortfall = logical_end - writer.pen_after(cid, g.x);
          if (shortfall > 0.01) spacing = shortfall;
        }
        writer.show(cid, g.x, page_height - g.y, spacing);
      }
    }
    if (!simple) writer.end_span();
  }
  // Glyphs outside every cluster carry no text: outlines, like spare glyphs.
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    if (!drawn[i]) writer.outline(run.glyphs[i].glyph_id, run.glyphs[i].x, page_height - run.glyphs[i].y);
  }
  writer.end_text();
  return out;
}

}  // namespace saraban::pdf
