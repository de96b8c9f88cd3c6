#include "layout/table_layout.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "layout/frame_translate.h"
#include "layout/line_box.h"

namespace saraban::layout {

namespace {

constexpr double kWide = 1e6;     // pt: wide enough that no cell wraps
constexpr double kShortCell = 0.25;  // of the table's width: a cell this short is kept on one line

std::size_t column_count(const Table& t) {
  std::size_t n = 0;
  for (const auto& r : t.rows) n = std::max(n, r.cells.size());
  return n;
}

std::size_t codepoints(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// A column whose every body cell is a short number or code (ที่, ขั้นตอน) is centred.
bool short_column(const Table& t, std::size_t c) {
  bool any = false;
  for (const auto& r : t.rows) {
    if (r.header || c >= r.cells.size()) continue;
    std::string text;
    for (const auto& s : r.cells[c].spans) text += s.text;
    if (codepoints(text) > 4) return false;
    any = any || !text.empty();
  }
  return any;
}

// poppler reads a table row by row only when it finds one: every cell must line up with the
// cell below it and its right neighbour with that one's, both by the same edge or centre. A
// column whose alignment no neighbour shares (a left-aligned name beside right-aligned counts)
// leaves its cells out and they come out of order, so such a table is set flush left.
void align_for_reading_order(std::vector<Alignment>& align) {
  const auto shared = [&](std::size_t c) {
    return (c > 0 && align[c - 1] == align[c]) || (c + 1 < align.size() && align[c + 1] == align[c]);
  };
  for (std::size_t c = 0; c < align.size(); ++c)
    if (align.size() > 1 && !shared(c)) {
      std::fill(align.begin(), align.end(), Alignment::Left);
      return;
    }
}

// A cell's lines are kept within 1.45 em of each other: poppler joins lines into one block
// only up to 1.5 em apart, and a wrapped cell's second line read as a block of its own comes
// out after the table.
constexpr double kCellLinePitch = 1.45;

Paragraph cell_paragraph(const Table& t, const TableRow& row, std::size_t c, Alignment align, ParagraphLayouter& layouter) {
  Paragraph p;
  if (c < row.cells.size()) p.spans = row.cells[c].spans;
  p.style = row.header ? t.style.header : t.style.body;
  const double natural = layouter.line_height(p.style.font_style, p.style.size);
  if (natural > 0) p.style.line_spacing = std::min(p.style.line_spacing, kCellLinePitch * p.style.size / natural);
  // A header cell takes its column's alignment: centred over flush-left text, poppler takes it
  // for a cell of the table in some rows and not in others, and reads it out of place.
  p.style.align = align;
  p.style.first_line_indent = p.style.left_indent = p.style.right_indent = 0;
  p.style.space_before = p.style.space_after = 0;
  p.style.tabs.clear();
  return p;
}

double widest(const std::vector<LineBox>& lines) {
  double w = 0;
  for (const auto& l : lines) w = std::max(w, l.width);
  return w;
}

struct LaidCell {
  std::vector<LineBox> lines;
  double height() const {
    double h = 0;
    for (const auto& l : lines) h += l.height;
    return h;
  }
};

// Row `r`'s cells, lines [from[c], to[c]) of each, as one slice `height` tall.
Slice row_slice(const Table& t, const TableRow& row, const std::vector<LaidCell>& cells,
                const std::vector<std::size_t>& from, const std::vector<std::size_t>& to,
                const std::vector<double>& xs, double height) {
  const auto& st = t.style;
  Slice s;
  s.height = height;
  for (std::size_t c = 0; c + 1 < xs.size(); ++c) {
    const double w = xs[c + 1] - xs[c];
    if (row.header && st.header_fill) s.items.push_back(Rect{xs[c], 0, w, height, st.header_fill, std::nullopt, 0});
    double y = st.padding_y;
    for (std::size_t i = from[c]; i < to[c]; ++i) {
      const LineBox& line = cells[c].lines[i];
      for (auto& item : place_line(line, xs[c] + st.padding_x, y + line.ascent)) s.items.push_back(std::move(item));
      y += line.height;
    }
  }
  // Borders after the fills, so that a header's fill never covers them.
  for (std::size_t c = 0; c + 1 < xs.size(); ++c)
    s.items.push_back(Rect{xs[c], 0, xs[c + 1] - xs[c], height, std::nullopt, st.border, st.border_width});
  return s;
}

// A row as slices: one, or (taller than `max_height`) several cut between lines.
std::vector<Slice> row_slices(const Table& t, const TableRow& row, const std::vector<LaidCell>& cells,
                              const std::vector<double>& xs, double max_height) {
  const double pad = 2 * t.style.padding_y;
  double tallest = 0;
  for (const auto& c : cells) tallest = std::max(tallest, c.height());
  std::vector<std::size_t> from(cells.size(), 0), to(cells.size());
  if (tallest + pad <= max_height) {
    for (std::size_t c = 0; c < cells.size(); ++c) to[c] = cells[c].lines.size();
    return {row_slice(t, row, cells, from, to, xs, tallest + pad)};
  }
  std::vector<Slice> out;
  for (;;) {
    double part = 0;
    bool left = false;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      double h = 0;
      to[c] = from[c];
      // At least one line a part, so that a part always advances.
      while (to[c] < cells[c].lines.size() && (to[c] == from[c] || h + cells[c].lines[to[c]].height + pad <= max_height))
        h += cells[c].lines[to[c]++].height;
      part = std::max(part, h);
      left = left || to[c] < cells[c].lines.size();
    }
    out.push_back(row_slice(t, row, cells, from, to, xs, part + pad));
    if (!left) return out;
    from = to;
  }
}

}  // namespace

std::vector<double> distribute_columns(const std::vector<double>& least, const std::vector<double>& natural, double width) {
  const std::size_t n = least.size();
  std::vector<double> w(n);
  const double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
  const double sum_natural = std::accumulate(natural.begin(), natural.end(), 0.0);
  if (n == 0) return w;
  if (sum_least >= width) {  // too wide even at the least: shrink in proportion (words overflow)
    for (std::size_t i = 0; i < n; ++i) w[i] = sum_least > 0 ? least[i] * width / sum_least : width / n;
    return w;
  }
  if (sum_natural <= width) {  // everything fits on one line: widen in proportion to fill
    for (std::size_t i = 0; i < n; ++i) w[i] = sum_natural > 0 ? natural[i] * width / sum_natural : width / n;
    return w;
  }
  const double spare = width - sum_least, wanted = sum_natural - sum_least;
  for (std::size_t i = 0; i < n; ++i) w[i] = least[i] + (natural[i] - least[i]) * spare / wanted;
  return w;
}

namespace {

// A cell's lines at a column width, from its one-line width; a little over, as wrapping at
// words leaves each line short of the full width.
int estimated_lines(double one_line, double text_width) {
  if (one_line <= text_width) return 1;
  return std::max(1, static_cast<int>(std::ceil(one_line * 1.08 / std::max(1.0, text_width))));
}

}  // namespace

std::vector<double> fit_columns_to_rows(const std::vector<double>& least, const std::vector<std::vector<double>>& cells,
                                        double pad, double width) {
  const std::size_t n = least.size();
  std::vector<double> w = least;
  double spare = width - std::accumulate(least.begin(), least.end(), 0.0);
  if (n == 0 || spare <= 0) return distribute_columns(least, least, width);
  // Every row counts up to three hundred; past that an even sample estimates as well.
  std::vector<const std::vector<double>*> rows;
  const std::size_t stride = std::max<std::size_t>(1, cells.size() / 300);
  for (std::size_t i = 0; i < cells.size(); i += stride) rows.push_back(&cells[i]);
  const auto cost = [&](const std::vector<double>& widths) {
    double height = 0, all = 0;
    for (const auto* r : rows) {
      int tallest = 1;
      for (std::size_t c = 0; c < n && c < r->size(); ++c) {
        const int l = estimated_lines((*r)[c], widths[c] - pad);
        tallest = std::max(tallest, l);
        all += l;
      }
      height += tallest;
    }
    return std::pair{height, all};
  };
  // Each round gives the room that saves the most lines per point, looking a few steps ahead:
  // a long column saves its next line only some points on, past where one step shows nothing.
  const double step = std::max(2.0, spare / 100);
  auto current = cost(w);
  while (spare >= step) {
    std::size_t best = n;
    int best_steps = 0;
    double best_rate_h = 0, best_rate_all = 0;
    const int ahead = std::max(1, std::min(40, static_cast<int>(spare / step)));
    for (std::size_t c = 0; c < n; ++c) {
      const double base = w[c];
      for (int m = 1; m <= ahead; ++m) {
        w[c] = base + step * m;
        const auto k = cost(w);
        const double rate_h = (current.first - k.first) / m, rate_all = (current.second - k.second) / m;
        if (rate_h > best_rate_h || (rate_h == best_rate_h && rate_all > best_rate_all))
          best = c, best_steps = m, best_rate_h = rate_h, best_rate_all = rate_all;
      }
      w[c] = base;
    }
    if (best == n || (best_rate_h <= 0 && best_rate_all <= 0)) break;  // nothing saves a line
    w[best] += step * best_steps;
    spare -= step * best_steps;
    current = cost(w);
  }
  // What saves no line widens every column alike.
  for (auto& x : w) x += spare / static_cast<double>(n);
  return w;
}

Figure layout_table(const Table& given, double width, double max_row_height, ParagraphLayouter& layouter) {
  // Neighbouring cells' text is kept at least 1.2 em apart whatever the style asks: closer,
  // poppler reads a row's cells side by side as one line and their text comes out mixed.
  Table table = given;
  table.style.padding_x = std::max(table.style.padding_x, 0.6 * std::max(table.style.body.size, table.style.header.size));
  const std::size_t columns = column_count(table);
  const auto& st = table.style;
  std::vector<Alignment> align(columns, Alignment::Left);
  for (std::size_t c = 0; c < columns; ++c)
    align[c] = c < table.column_align.size() && table.column_align[c] ? *table.column_align[c]
               : short_column(table, c)                            ? Alignment::Center
                                                                   : Alignment::Left;
  align_for_reading_order(align);

  const double pad = 2 * st.padding_x;
  std::vector<double> least(columns, pad), natural(columns, pad), least_words(columns, pad);
  std::vector<std::vector<double>> body_widths;  // [row][column]: each body cell on one line
  for (const auto& row : table.rows) {
    if (!row.header) body_widths.emplace_back(columns, 0.0);
    for (std::size_t c = 0; c < columns; ++c) {
      const Paragraph p = cell_paragraph(table, row, c, align[c], layouter);
      const double one_line = widest(layouter.layout(p, kWide)) + pad;
      if (!row.header) body_widths.back()[c] = one_line - pad;
      // Headers and short cells (ระยะเวลา, ผู้รับผิดชอบงาน) stay on one line when they can: a
      // phrase wrapped in a narrow column is hard to read, and readers of the PDF's text
      // take a row's wrapped cells apart.
      const bool keep_whole = row.header || one_line - pad <= width * kShortCell;
      const double word = layouter.widest_unbreakable(p) + pad;
      least[c] = std::max(least[c], keep_whole ? one_line : word);
      least_words[c] = std::max(least_words[c], row.header ? one_line : word);
      natural[c] = std::max(natural[c], one_line);
    }
  }
  // Many columns of short phrases (a register book's จาก, ถึง, การปฏิบัติ) cannot all stay on
  // one line: then only headers do, and every column wraps at its words, sharing the room.
  if (std::accumulate(least.begin(), least.end(), 0.0) > width) least = least_words;
  const bool wraps = std::accumulate(natural.begin(), natural.end(), 0.0) > width;
  const std::vector<double> widths =
      wraps ? fit_columns_to_rows(least, body_widths, pad, width) : distribute_columns(least, natural, width);
  std::vector<double> xs{0};
  for (double w : widths) xs.push_back(xs.back() + w);

  Figure f;
  f.space_before = st.space_before;
  f.space_after = st.space_after;
  for (const auto& row : table.rows) {
    std::vector<LaidCell> cells(columns);
    for (std::size_t c = 0; c < columns; ++c)
      cells[c].lines = layouter.layout(cell_paragraph(table, row, c, align[c], layouter), std::max(1.0, widths[c] - pad));
    for (Slice& s : row_slices(table, row, cells, xs, max_row_height)) {
      if (row.header) {
        s.keep_with_next = true;
        f.repeat_header.push_back(s);
      }
      f.slices.push_back(std::move(s));
    }
  }
  return f;
}

}  // namespace saraban::layout
