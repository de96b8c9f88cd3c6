#pragma once
// A table → a Figure the composer flows: column widths from the cells' content (as HTML's
// automatic table layout), each cell's text wrapped at word boundaries, one slice per row (a
// row never splits unless taller than a page), header rows repeated on every page.
#include <optional>
#include <string>
#include <vector>

#include "layout/block.h"
#include "layout/paragraph.h"
#include "layout/paragraph_layouter.h"

namespace saraban::layout {

struct TableCell {
  std::vector<TextSpan> spans;
};

struct TableRow {
  std::vector<TableCell> cells;
  bool header = false;  // header rows come first; they repeat on every page
};

struct TableStyle {
  ParagraphStyle body;    // font, size and spacing of body cells (align is per column)
  ParagraphStyle header;  // of header cells
  double padding_x = 5.67;  // pt, left and right inside a cell
  double padding_y = 2.0;   // pt, above and below
  double border_width = 0.5;
  Color border;
  std::optional<Color> header_fill = Color{0.88, 0.88, 0.88};
  double space_before = 6;
  double space_after = 10;
};

struct Table {
  std::vector<TableRow> rows;
  // Per column; unset or missing: left, or centred when every body cell is short (ที่, ขั้นตอน).
  std::vector<std::optional<Alignment>> column_align;
  TableStyle style;
};

// `width`: the column's width (pt) the table fills; `max_row_height`: a page's body height,
// past which a row is cut between lines.
Figure layout_table(const Table& table, double width, double max_row_height, ParagraphLayouter& layouter);

// Column widths for content with these least and natural widths, filling `width` (HTML's
// automatic layout: every column gets its least width, the rest goes where text is longest).
std::vector<double> distribute_columns(const std::vector<double>& least, const std::vector<double>& natural, double width);

// Widths for a table whose text must wrap: from the least widths, the spare room goes step by
// step to the column where it saves the most lines (the rows' heights, then all cells' lines),
// so that a register book's many short phrases share the page and its rows stay low.
// `cells`: [row][column], each body cell's one-line text width; `pad`: a cell's padding.
std::vector<double> fit_columns_to_rows(const std::vector<double>& least, const std::vector<std::vector<double>>& cells,
                                        double pad, double width);

}  // namespace saraban::layout
