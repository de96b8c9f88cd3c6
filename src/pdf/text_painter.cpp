#include "pdf/text_painter.h"

#include <cmath>
#include <cstdio>

#include "pdf/font_embedder.h"
#include "pdf/pdf_text.h"

namespace saraban::pdf {

namespace {

std::size_t codepoint_count(const std::string& utf8) {
  std::size_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

std::string cid_hex(std::uint16_t cid) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "<%04X>", static_cast<unsigned>(cid));
  return buf;
}

// Emits glyphs one by one, keeping a TJ array open while glyphs stay on one baseline and
// closing it for a new text matrix when the baseline moves (marks with y offsets).
class GlyphWriter {
 public:
  GlyphWriter(std::string& out, FontEmbedder& font, double size) : out_(out), font_(font), size_(size) {}

  void show(std::uint16_t cid, double x, double y) {
    if (open_ && std::abs(y - pen_y_) < 1e-6) {
      // TJ numbers move the pen left by n/1000 em: close the gap between where the font's
      // own advance left the pen and where HarfBuzz placed this glyph.
      double adjust = (pen_x_ - x) * 1000.0 / size_;
      if (std::abs(adjust) >= 0.01) out_ += format_number(adjust) + " ";
    } else {
      flush();
      out_ += "1 0 0 1 " + format_number(x) + " " + format_number(y) + " Tm\n[";
      open_ = true;
    }
    out_ += cid_hex(cid) + " ";
    pen_x_ = x + font_.cid_width(cid) * size_ / 1000.0;
    pen_y_ = y;
  }

  void flush() {
    if (!open_) return;
    out_ += "] TJ\n";
    open_ = false;
  }

 private:
  std::string& out_;
  FontEmbedder& font_;
  double size_;
  bool open_ = false;
  double pen_x_ = 0, pen_y_ = 0;
};

}  // namespace

std::string paint_text_run(const layout::TextRun& run, FontEmbedder& font, const std::string& resource,
                           double page_height) {
  if (run.glyphs.empty()) return {};
  std::string out = "BT\n/" + resource + " " + format_number(run.size) + " Tf\n" + format_number(run.color.r) +
                    " " + format_number(run.color.g) + " " + format_number(run.color.b) + " rg\n";
  GlyphWriter writer(out, font, run.size);

  // A gap made by layout: a space glyph just before the run, so extraction sees a word break.
  if (!run.leading_space.empty()) {
    const auto& first = run.glyphs.front();
    auto space = font.space_glyph();
    std::uint16_t cid = font.cid_for(space.value_or(0), run.leading_space);
    double width = font.cid_width(cid) * run.size / 1000.0;
    if (!space) out += "3 Tr\n";  // .notdef stands in invisibly when the font has no space
    writer.show(cid, first.x - width, page_height - first.y);
    writer.flush();
    if (!space) out += "0 Tr\n";
  }

  std::vector<bool> covered(run.glyphs.size(), false);
  for (const auto& cluster : run.clusters) {
    std::size_t begin = cluster.first_glyph;
    std::size_t end = std::min<std::size_t>(run.glyphs.size(), begin + cluster.glyph_count);
    if (begin >= end) continue;
    // One glyph for one character maps directly; anything else also gets /ActualText.
    bool one_to_one = end - begin == 1 && codepoint_count(cluster.text) == 1;
    if (!one_to_one) {
      writer.flush();
      out += "/Span <</ActualText <" + hex_upper(utf8_to_utf16be_with_bom(cluster.text)) + ">>> BDC\n";
    }
    for (std::size_t i = begin; i < end; ++i) {
      // The cluster's whole text rides on its first glyph; the others extract as nothing.
      // See the note in to_unicode_cmap.cpp for why this works with poppler and MuPDF.
      const auto& g = run.glyphs[i];
      std::uint16_t cid = font.cid_for(g.glyph_id, i == begin ? cluster.text : std::string());
      writer.show(cid, g.x, page_height - g.y);
      covered[i] = true;
    }
    if (!one_to_one) {
      writer.flush();
      out += "EMC\n";
    }
  }
  // Glyphs outside every cluster still draw, extracting as nothing.
  for (std::size_t i = 0; i < run.glyphs.size(); ++i) {
    if (covered[i]) continue;
    const auto& g = run.glyphs[i];
    writer.show(font.cid_for(g.glyph_id, std::string()), g.x, page_height - g.y);
  }
  writer.flush();
  out += "ET\n";
  return out;
}

}  // namespace saraban::pdf
