#include "layout/paragraph_layouter.h"

#include <algorithm>
#include <cmath>

#include "base/error.h"
#include "layout/knuth_plass.h"
#include "text/script_runs.h"
#include "text/utf8.h"

namespace saraban::layout {

namespace {

constexpr double kMaxClusterGap = 0.09;  // em
constexpr double kSpaceStretch = 0.6;    // of the space's width
constexpr double kGlueLimit = 3;         // times its stretch a space may grow when justifying
// In Thai distributed text spaces are few and already mark phrase breaks; one that grows past
// about an em reads to poppler as a column gutter and splits the line.
constexpr double kDistributedGlueLimit = 1;
// Breaking at a space inside a keep-together unit that is wider than a line: dearer than any
// loose line, cheaper than splitting a word between its clusters (5000).
constexpr double kUnitFallbackPenalty = 3000;

// A stretch of text in one span, script and font: the unit HarfBuzz shapes.
struct Item {
  std::size_t begin = 0, end = 0;
  text::Script script = text::Script::Common;
  FontRef font;
  double size = 16;
  Color color;
};

// What a BreakItem stands for, so lines can be placed once breaks are chosen.
struct Piece {
  enum class Kind { Word, Space, Tab, Newline, Boundary } kind = Kind::Word;
  std::size_t item = 0;
  std::size_t begin = 0, end = 0;  // paragraph bytes
  ShapedWordRef shaped;            // Word: glyphs; Space: one space glyph
  double width = 0;
  int inner_gaps = 0;              // grapheme boundaries strictly inside the word
};

bool is_thai_mark(char32_t cp) {
  return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E) ||
         (cp >= 0x0300 && cp <= 0x036F);
}

struct Builder {
  FontSet& fonts;
  Shaper& shaper;
  const std::vector<text::BreakOpportunity>& opps;  // of `text`
  const Paragraph& para;
  std::string text;
  std::vector<std::size_t> span_of;  // span index per byte
  std::vector<std::size_t> graphemes;
  std::vector<Item> items;
  std::vector<Piece> pieces;
  std::vector<BreakItem> breaks;
  // The forbidden penalty before each space inside a keep-together unit, and the unit.
  struct UnitSpace {
    std::size_t item;
    std::size_t begin, end;
  };
  std::vector<UnitSpace> unit_spaces;

  FontStyle style_of(std::size_t span) const {
    return para.spans[span].font_style.value_or(para.style.font_style);
  }

  void itemize() {
    for (std::size_t s = 0; s < para.spans.size(); ++s)
      span_of.insert(span_of.end(), para.spans[s].text.size(), s);
    auto scripts = text::itemize_scripts(text);
    std::size_t run = 0;
    FontRef prev_font;
    std::size_t off = 0;
    while (off < text.size()) {
      std::size_t at = off;
      char32_t cp = text::next_code_point(text, off);
      while (run + 1 < scripts.size() && at >= scripts[run].end) ++run;
      std::size_t span = span_of[at];
      FontStyle st = style_of(span);
      FontRef body = fonts.get(FontRole::Body, st);
      FontRef font = body;
      if (is_thai_mark(cp) && prev_font) {
        font = prev_font;  // a mark stays in its base's font
      } else if (cp > 0x20 && cp != 0xA0 && !body->has_char(cp) && fonts.has_fallback()) {
        FontRef fb = fonts.get(FontRole::Fallback, st == FontStyle::Bold || st == FontStyle::BoldItalic
                                                        ? FontStyle::Bold
                                                        : FontStyle::Regular);
        if (fb->has_char(cp)) font = fb;
      }
      prev_font = font;
      const auto& sp = para.spans[span];
      text::Script script = scripts.empty() ? text::Script::Common : scripts[run].script;
      double size = sp.size.value_or(para.style.size);
      Color color = sp.color.value_or(para.style.color);
      if (!items.empty() && items.back().end == at && items.back().font == font && items.back().script == script &&
          items.back().size == size && items.back().color == color && span_of[items.back().begin] == span) {
        items.back().end = off;
      } else {
        items.push_back(Item{at, off, script, font, size, color});
      }
    }
  }

  ShapedWordRef shape(const Item& it, std::size_t b, std::size_t e) {
    return shaper.shape(*it.font, it.script, std::string_view(text).substr(b, e - b));
  }

  int count_gaps(std::size_t b, std::size_t e) const {
    auto lo = std::upper_bound(graphemes.begin(), graphemes.end(), b);
    auto hi = std::lower_bound(graphemes.begin(), graphemes.end(), e);
    return hi > lo ? static_cast<int>(hi - lo) : 0;
  }

  void add_word(std::size_t item, std::size_t b, std::size_t e, double max_width) {
    const Item& it = items[item];
    auto shaped = shape(it, b, e);
    double w = it.font->to_pt(static_cast<double>(shaped->advance), it.size);
    if (w > max_width && count_gaps(b, e) > 0) {
      // A word wider than the measure: break it between grapheme clusters, at a high cost.
      std::size_t start = b;
      for (std::size_t g : graphemes) {
        if (g <= b || g >= e) continue;
        add_word_piece(item, start, g);
        breaks.push_back(BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, 5000, false});
        pieces.push_back(Piece{Piece::Kind::Boundary, item, g, g, nullptr, 0, 0});
        start = g;
      }
      add_word_piece(item, start, e);
      return;
    }
    add_box(item, b, e, std::move(shaped), w);
  }

  void add_box(std::size_t item, std::size_t b, std::size_t e, ShapedWordRef shaped, double w) {
    const int gaps = count_gaps(b, e);
    pieces.push_back(Piece{Piece::Kind::Word, item, b, e, std::move(shaped), w, gaps});
    breaks.push_back(BreakItem{BreakItem::Kind::Box, w, 0, 0, static_cast<double>(gaps), 0, false});
  }

  void add_word_piece(std::size_t item, std::size_t b, std::size_t e) {
    const Item& it = items[item];
    auto shaped = shape(it, b, e);
    double w = it.font->to_pt(static_cast<double>(shaped->advance), it.size);
    add_box(item, b, e, std::move(shaped), w);
  }

  void build(double max_width) {
    graphemes = text::grapheme_boundaries(text);
    std::vector<std::size_t> cuts;
    std::vector<bool> is_opp(text.size() + 1, false);
    std::vector<const text::BreakOpportunity*> in_unit(text.size() + 1, nullptr);
    for (const auto& o : opps) {
      if (o.inside_unit()) {
        // Never a line break; a space inside stays its own glue, so that a unit wider than
        // the line can still fall back to breaking there.
        if (o.offset <= text.size() && text[o.offset - 1] == ' ') {
          cuts.push_back(o.offset);
          in_unit[o.offset] = &o;
        }
        continue;
      }
      cuts.push_back(o.offset);
      if (o.offset <= text.size()) is_opp[o.offset] = true;
    }
    for (const auto& it : items) cuts.push_back(it.begin);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (text[i] == '\n' || text[i] == '\t') {
        cuts.push_back(i);
        cuts.push_back(i + 1);
        is_opp[i + 1] = true;
      }
    cuts.push_back(0);
    cuts.push_back(text.size());
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    std::size_t item = 0;
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
      std::size_t b = cuts[c], e = cuts[c + 1];
      if (b >= e) continue;
      while (item + 1 < items.size() && b >= items[item].end) ++item;
      if (text[b] == '\n') {
        pieces.push_back(Piece{Piece::Kind::Newline, item, b, e, nullptr, 0, 0});
        breaks.push_back(BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, 0, true});
        continue;
      }
      if (text[b] == '\t') {
        double em = items[item].size;
        pieces.push_back(Piece{Piece::Kind::Tab, item, b, e, nullptr, em, 0});
        breaks.push_back(BreakItem{BreakItem::Kind::Box, em, 0, 0, 0, 0, false});
        continue;
      }
      std::size_t c_end = e;
      while (c_end > b && text[c_end - 1] == ' ') --c_end;
      if (c_end > b) add_word(item, b, c_end, max_width);
      if (c_end < e) {
        const Item& it = items[item];
        auto space = shape(it, c_end, c_end + 1);
        double sw = it.font->to_pt(static_cast<double>(space->advance), it.size) * static_cast<double>(e - c_end);
        if (!is_opp[e] && e < text.size()) {
          // A space that UAX #14 does not let a line end at (before a closing bracket, say),
          // or one inside a keep-together unit.
          if (in_unit[e]) unit_spaces.push_back({breaks.size(), in_unit[e]->unit_begin, in_unit[e]->unit_end});
          breaks.push_back(BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, kForbidden, false});
          pieces.push_back(Piece{Piece::Kind::Boundary, item, c_end, c_end, nullptr, 0, 0});
        }
        pieces.push_back(Piece{Piece::Kind::Space, item, c_end, e, space, sw, 0});
        breaks.push_back(BreakItem{BreakItem::Kind::Glue, sw, sw * kSpaceStretch, sw * 0.3, 0, 0, false});
      } else if (e < text.size() && text[e] != '\n' && text[e] != '\t') {
        bool allowed = is_opp[e];
        pieces.push_back(Piece{Piece::Kind::Boundary, item, e, e, nullptr, 0, 0});
        breaks.push_back(BreakItem{BreakItem::Kind::Penalty, 0, 0, 0, 0, allowed ? 0.0 : kForbidden, false});
      }
    }
    allow_breaks_in_wide_units(max_width);
  }

  // A unit wider than the line cannot move whole: rather than overflow, it may break at its
  // own spaces (at a cost), never elsewhere inside.
  void allow_breaks_in_wide_units(double max_width) {
    for (const UnitSpace& u : unit_spaces) {
      double w = 0;
      for (const Piece& p : pieces)
        if (p.begin >= u.begin && p.end <= u.end) w += p.width;
      if (w > max_width) breaks[u.item].penalty = kUnitFallbackPenalty;
    }
  }
};

// Glyph clusters of one shaped word: consecutive glyphs sharing a HarfBuzz cluster, each with
// the source characters it stands for (clusters are monotone at this cluster level).
void append_clusters(TextRun& run, const ShapedWord& w, std::string_view word_text, std::uint32_t first_glyph) {
  const auto& g = w.glyphs;
  std::size_t i = 0;
  while (i < g.size()) {
    std::size_t j = i + 1;
    std::uint32_t start = g[i].cluster;
    while (j < g.size() && g[j].cluster <= start) ++j;
    std::uint32_t stop = j < g.size() ? g[j].cluster : static_cast<std::uint32_t>(word_text.size());
    if (stop < start) stop = start;
    run.clusters.push_back(GlyphCluster{first_glyph + static_cast<std::uint32_t>(i),
                                        static_cast<std::uint32_t>(j - i),
                                        std::string(word_text.substr(start, stop - start))});
    i = j;
  }
}

}  // namespace

double ParagraphLayouter::line_height(FontStyle style, double size) {
  FontRef f = fonts_.get(FontRole::Body, style);
  return size * (f->ascender() + f->descender()) / f->units_per_em();
}

double ParagraphLayouter::ascent(FontStyle style, double size) {
  FontRef f = fonts_.get(FontRole::Body, style);
  return size * f->ascender() / f->units_per_em();
}

double ParagraphLayouter::measure(const std::string& text, FontStyle style, double size) {
  Paragraph p = Paragraph::plain(text);
  p.style.font_style = style;
  p.style.size = size;
  auto lines = layout(p, 1e9);
  double w = 0;
  for (const auto& l : lines) w = std::max(w, l.width);
  return w;
}

double ParagraphLayouter::widest_unbreakable(const Paragraph& paragraph) {
  const std::string text = paragraph.text();
  const FontStyle style = paragraph.style.font_style;
  double widest = 0;
  std::size_t from = 0;
  auto piece = [&](std::size_t to) {
    std::string_view s(text.data() + from, to - from);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    if (!s.empty()) widest = std::max(widest, measure(std::string(s), style, paragraph.style.size));
    from = to;
  };
  const auto opps = opportunities(text);  // a copy: measure() below may refill the cache
  for (const auto& o : opps)
    if (!o.inside_unit()) piece(o.offset);
  piece(text.size());
  return widest;
}

namespace {

constexpr std::size_t kCacheLimit = 1024;  // paragraphs; the cache starts over when full
// Finding break opportunities (two dictionaries and the keep rules) costs more than shaping;
// a text is set at several widths (a table cell's natural and least widths, a manual's two
// passes), so its opportunities are kept: a few bytes each, for many paragraphs.
constexpr std::size_t kOpportunityCacheLimit = 16384;
// Only short paragraphs are kept: the ones letters repeat (address lines, labels, closings,
// signers). Body paragraphs rarely recur and would only hold memory.
constexpr std::size_t kCacheMaxBytes = 300;

// Everything about a paragraph that decides its lines, as one string. Bookmarks and page
// keeping rules do not change the lines and are left out.
std::string cache_key(const Paragraph& p, double width) {
  std::string k;
  auto num = [&](double v) {
    k.append(reinterpret_cast<const char*>(&v), sizeof v);
  };
  auto color = [&](const Color& c) {
    num(c.r);
    num(c.g);
    num(c.b);
  };
  const auto& st = p.style;
  num(width);
  k.push_back(static_cast<char>(st.align));
  k.push_back(static_cast<char>(st.font_style));
  num(st.size);
  color(st.color);
  num(st.first_line_indent);
  num(st.left_indent);
  num(st.right_indent);
  num(st.line_spacing);
  for (const auto& t : st.tabs) {
    num(t.position);
    k.push_back(static_cast<char>(t.kind));
    k.push_back(t.dot_leader ? 'd' : '-');
  }
  k.push_back('|');
  for (const auto& span : p.spans) {
    k.push_back(span.font_style ? static_cast<char>(*span.font_style) : 'n');
    num(span.size.value_or(-1));
    color(span.color.value_or(Color{-1, -1, -1}));
    num(static_cast<double>(span.text.size()));
    k += span.text;
  }
  return k;
}

}  // namespace

std::vector<LineBox> ParagraphLayouter::layout(const Paragraph& paragraph, double width) {
  std::size_t bytes = 0;
  for (const auto& span : paragraph.spans) bytes += span.text.size();
  if (bytes > kCacheMaxBytes) return layout_uncached(paragraph, width);
  std::string key = cache_key(paragraph, width);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  std::vector<LineBox> lines = layout_uncached(paragraph, width);
  if (cache_.size() >= kCacheLimit) cache_.clear();
  cache_.emplace(std::move(key), lines);
  return lines;
}

const std::vector<text::BreakOpportunity>& ParagraphLayouter::opportunities(const std::string& text) {
  if (auto it = opportunities_.find(text); it != opportunities_.end()) return it->second;
  if (opportunities_.size() >= kOpportunityCacheLimit) opportunities_.clear();
  return opportunities_.emplace(text, breaker_.opportunities(text)).first->second;
}

std::vector<LineBox> ParagraphLayouter::layout_uncached(const Paragraph& paragraph, double width) {
  std::string text = paragraph.text();
  const auto& opps = opportunities(text);
  Builder b{fonts_, shaper_, opps, paragraph, std::move(text), {}, {}, {}, {}, {}, {}};
  const auto& st = paragraph.style;
  std::vector<LineBox> out;
  if (b.text.empty()) {
    LineBox empty;
    empty.height = line_height(st.font_style, st.size) * st.line_spacing;
    empty.ascent = ascent(st.font_style, st.size);
    empty.descent = empty.height - empty.ascent;
    out.push_back(empty);
    return out;
  }
  b.itemize();
  const double avail_first = width - st.left_indent - st.right_indent - st.first_line_indent;
  const double avail = width - st.left_indent - st.right_indent;
  b.build(std::min(avail_first, avail));

  BreakParams params;
  params.first_width = avail_first;
  params.width = avail;
  params.justified = st.align == Alignment::Justify || st.align == Alignment::ThaiDistributed;
  params.gap_stretch = st.align == Alignment::ThaiDistributed ? st.size * 0.08 : st.size * 0.02;
  params.max_gap_stretch = kMaxClusterGap * st.size;
  params.glue_limit = st.align == Alignment::ThaiDistributed ? kDistributedGlueLimit : kGlueLimit;
  if (st.first_line_indent > 0) params.min_last_width = st.first_line_indent + 0.5 * st.size;
  // A hair past the indent: poppler's line boxes that only touch do not share a column.
  if (st.first_line_indent > 0) params.min_overlapping_last_width = st.first_line_indent + 0.1 * st.size;
  auto spans = break_lines(b.breaks, params);

  const double body_ascent = ascent(st.font_style, st.size);
  const double body_height = line_height(st.font_style, st.size);

  for (std::size_t li = 0; li < spans.size(); ++li) {
    const auto& ls = spans[li];
    LineBox line;
    const double indent = st.left_indent + (li == 0 ? st.first_line_indent : 0);
    const double measure_w = li == 0 ? avail_first : avail;
    // Drop glue and boundaries at the line's end.
    std::size_t end = ls.end;
    while (end > ls.begin && b.pieces[end - 1].kind != Piece::Kind::Word && b.pieces[end - 1].kind != Piece::Kind::Tab)
      --end;
    double natural = 0;
    int glue_count = 0, gap_count = 0;
    double glue_width = 0;
    bool has_tab = false;
    for (std::size_t k = ls.begin; k < end; ++k) {
      const Piece& p = b.pieces[k];
      natural += p.width;
      if (p.kind == Piece::Kind::Space) {
        ++glue_count;
        glue_width += p.width;
      }
      if (p.kind == Piece::Kind::Tab) has_tab = true;
      if (p.kind == Piece::Kind::Word) gap_count += p.inner_gaps + (k > ls.begin ? 1 : 0);
    }
    double slack = measure_w - natural;
    double x0 = indent;
    double extra_glue = 0, extra_gap = 0;
    const bool stretch = !ls.last && !has_tab;
    switch (st.align) {
      case Alignment::Left: break;
      case Alignment::Right: x0 += has_tab ? 0 : slack; break;
      case Alignment::Center: x0 += has_tab ? 0 : slack / 2; break;
      case Alignment::Justify:
        if (slack < 0) {
          if (glue_count > 0) extra_glue = slack / glue_count;
        } else if (stretch) {
          // Spaces first, as far as they may grow; then the gaps between clusters.
          double to_glue = std::min(slack, kGlueLimit * kSpaceStretch * glue_width);
          if (glue_count > 0) extra_glue = to_glue / glue_count;
          if (gap_count > 0) extra_gap = (slack - to_glue) / gap_count;
        }
        break;
      case Alignment::ThaiDistributed:
        if (slack < 0) {
          if (glue_count > 0) extra_glue = slack / glue_count;
        } else if (stretch) {
          // The gaps between clusters first, as far as they may open; then the spaces.
          if (gap_count > 0) extra_gap = std::min(slack / gap_count, kMaxClusterGap * st.size);
          if (glue_count > 0)
            extra_glue = std::min(slack - extra_gap * gap_count, kDistributedGlueLimit * kSpaceStretch * glue_width) / glue_count;
        }
        break;
    }
    // Gaps between characters stay under a tenth of an em: wider, poppler and MuPDF read them
    // as spaces inside words. Spaces grow a bounded amount: a wide one reads as a column
    // gutter to poppler. A line with more slack than both can take falls short.
    extra_gap = std::min(extra_gap, kMaxClusterGap * st.size);

    double pen = x0;
    line.text_begin = b.pieces[ls.begin].begin;
    line.text_end = end > ls.begin ? b.pieces[end - 1].end : line.text_begin;
    line.ascent = body_ascent;
    line.height = body_height * st.line_spacing;
    TextRun* run = nullptr;
    std::size_t run_item = static_cast<std::size_t>(-1);
    auto open_run = [&](std::size_t item_index) {
      if (run && run_item == item_index) return;
      const Item& it = b.items[item_index];
      if (run && run->font == it.font->program() && run->size == it.size && run->color == it.color) return;
      line.runs.push_back(TextRun{it.font->program(), it.size, it.color, {}, {}, {}});
      run = &line.runs.back();
      run_item = item_index;
      line.ascent = std::max(line.ascent, it.size * it.font->ascender() / it.font->units_per_em());
    };

    for (std::size_t k = ls.begin; k < end; ++k) {
      const Piece& p = b.pieces[k];
      const Item& it = b.items[p.item];
      if (p.kind == Piece::Kind::Tab) {
        double rel = pen - st.left_indent;
        const TabStop* stop = nullptr;
        for (const auto& t : st.tabs)
          if (t.position > rel + 0.01) {
            stop = &t;
            break;
          }
        double target;
        if (!stop) {
          target = st.left_indent + (std::floor(rel / 36.0) + 1) * 36.0;
        } else {
          target = st.left_indent + stop->position;
          if (stop->kind == TabStop::Kind::Right) {
            double follow = 0;
            for (std::size_t q = k + 1; q < end && b.pieces[q].kind != Piece::Kind::Tab; ++q) follow += b.pieces[q].width;
            target -= follow;
          }
          if (stop->dot_leader && target - pen > it.size * 0.6) {
            Path dots;
            double y = it.size * 0.08;
            dots.segments.push_back(PathSegment{PathSegment::Kind::MoveTo, {pen + it.size * 0.15, y}, {}, {}});
            dots.segments.push_back(PathSegment{PathSegment::Kind::LineTo, {target - it.size * 0.15, y}, {}, {}});
            dots.stroke = it.color;
            dots.line_width = 0.8;
            dots.dash = {0.8, 2.4};
            line.decorations.push_back(std::move(dots));
          }
        }
        pen = std::max(pen, target);
        run = nullptr;  // text after a tab starts a new run
        continue;
      }
      if (p.kind == Piece::Kind::Space) {
        open_run(p.item);
        double w = p.width + extra_glue + extra_gap;
        std::uint32_t first = static_cast<std::uint32_t>(run->glyphs.size());
        for (const auto& g : p.shaped->glyphs)
          run->glyphs.push_back(PlacedGlyph{g.glyph_id, pen, 0, w});
        run->clusters.push_back(GlyphCluster{first, static_cast<std::uint32_t>(p.shaped->glyphs.size()),
                                             std::string(b.text, p.begin, p.end - p.begin)});
        pen += w;
        continue;
      }
      if (p.kind != Piece::Kind::Word) continue;
      open_run(p.item);
      if (k > ls.begin && b.pieces[k - 1].kind != Piece::Kind::Space) pen += extra_gap;
      std::uint32_t first = static_cast<std::uint32_t>(run->glyphs.size());
      std::string_view word(b.text.data() + p.begin, p.end - p.begin);
      int gaps_seen = 0;
      auto gi = std::upper_bound(b.graphemes.begin(), b.graphemes.end(), p.begin);
      for (const auto& g : p.shaped->glyphs) {
        std::size_t abs_cluster = p.begin + g.cluster;
        while (gi != b.graphemes.end() && *gi <= abs_cluster && *gi < p.end) {
          ++gi;
          ++gaps_seen;
          pen += extra_gap;
        }
        double x = pen + it.font->to_pt(g.x_offset, it.size);
        double y = -it.font->to_pt(g.y_offset, it.size);
        double adv = it.font->to_pt(g.x_advance, it.size);
        run->glyphs.push_back(PlacedGlyph{g.glyph_id, x, y, adv});
        pen += adv;
      }
      append_clusters(*run, *p.shaped, word, first);
    }
    // A line that ends a paragraph, or breaks at a space or a forced break, ends a word: the
    // text layer says so with a space (copy, search and line-join checks see the boundary),
    // drawn at a tiny size so it adds nothing to the measure. A line broken between two Thai
    // words carries none: there is no space there in the text.
    const bool ends_word = ls.last || (ls.end < b.pieces.size() && b.pieces[ls.end].kind == Piece::Kind::Space);
    if (ends_word && end > ls.begin) {
      const Item& it = b.items[b.pieces[end - 1].item];
      auto space = shaper_.shape(*it.font, it.script, " ");
      constexpr double kTrailingSpaceSize = 0.5;
      TextRun tail{it.font->program(), kTrailingSpaceSize, it.color, {}, {}, {}};
      for (const auto& g : space->glyphs)
        tail.glyphs.push_back(PlacedGlyph{g.glyph_id, pen, 0, it.font->to_pt(g.x_advance, kTrailingSpaceSize)});
      tail.clusters.push_back(GlyphCluster{0, static_cast<std::uint32_t>(tail.glyphs.size()), " "});
      line.runs.push_back(std::move(tail));
    }
    line.width = pen - x0;
    line.descent = line.height - line.ascent;
    // Drop runs that ended up empty (a tab at a run's start).
    line.runs.erase(std::remove_if(line.runs.begin(), line.runs.end(), [](const TextRun& r) { return r.glyphs.empty(); }),
                    line.runs.end());
    out.push_back(std::move(line));
  }
  return out;
}

}  // namespace saraban::layout
