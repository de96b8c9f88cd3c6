#include "layout/bar_chart.h"

#include <algorithm>
#include <cmath>

#include "layout/line_box.h"

namespace saraban::layout {

namespace {

constexpr double kWide = 1e6;

struct Label {
  std::vector<LineBox> lines;
  double width = 0;
};

Label set(const std::string& text, double size, ParagraphLayouter& layouter) {
  ParagraphStyle ps;
  ps.size = size;
  Label l;
  l.lines = layouter.layout(Paragraph::plain(text, ps), kWide);
  for (const auto& line : l.lines) l.width = std::max(l.width, line.width);
  return l;
}

// Puts a label's first line with its vertical middle at `mid_y`.
void place(std::vector<FrameItem>& items, const Label& l, double x, double mid_y) {
  if (l.lines.empty()) return;
  const LineBox& line = l.lines.front();
  const double baseline = mid_y + (line.ascent - line.descent) / 2;
  for (auto& it : place_line(line, x, baseline)) items.push_back(std::move(it));
}

Path vertical(double x, double y0, double y1, const Color& c, double w) {
  Path p;
  p.segments.push_back({PathSegment::Kind::MoveTo, {x, y0}, {}, {}});
  p.segments.push_back({PathSegment::Kind::LineTo, {x, y1}, {}, {}});
  p.stroke = c;
  p.line_width = w;
  return p;
}

std::string plain_integer(double v) { return std::to_string(std::llround(v)); }

}  // namespace

double nice_step(double top, int ticks) {
  if (top <= 0 || ticks <= 0) return 1;
  const double raw = top / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) return std::max(1.0, m * power);
  return std::max(1.0, 10 * power);
}

Figure layout_bar_chart(const BarChart& chart, double width, const BarChartStyle& st, ParagraphLayouter& layouter) {
  Figure fig;
  fig.keep_together = true;
  fig.space_before = 6;
  fig.space_after = 10;
  const auto scale_text = chart.scale_text ? chart.scale_text : plain_integer;
  const auto colour = [&](std::size_t s) { return st.colors.empty() ? Color{} : st.colors[s % st.colors.size()]; };

  double top = 0;
  for (const auto& series : chart.values)
    for (double v : series) top = std::max(top, v);
  const double step = nice_step(top, 5);
  const double scale_top = std::max(step, std::ceil(top / step) * step);

  std::vector<Label> names;
  double label_w = 0;
  for (const auto& c : chart.categories) {
    names.push_back(set(c, st.label_size, layouter));
    label_w = std::max(label_w, names.back().width);
  }
  double widest_value = 0;
  for (const auto& series : chart.value_text)
    for (const auto& t : series) widest_value = std::max(widest_value, layouter.measure(t, FontStyle::Regular, st.value_size));
  // The values stand in columns right of the plot, one per series behind a swatch of its
  // colour, on the group's middle line with its name: a grid poppler reads row by row.
  const std::size_t n_series = chart.values.size();
  const double swatch = st.value_size * 0.6;
  const double value_col = swatch + 3 + widest_value + st.value_size;
  const double x0 = label_w + st.label_size / 2;  // the bars' base
  const double plot_w = std::max(10.0, width - x0 - st.value_size - value_col * static_cast<double>(n_series));
  const double values_x = x0 + plot_w + st.value_size;
  const auto x_of = [&](double v) { return x0 + plot_w * v / scale_top; };
  const auto grid = [&](std::vector<FrameItem>& items, double h) {
    for (double v = step; v <= scale_top + 1e-9; v += step) items.push_back(vertical(x_of(v), 0, h, st.grid, 0.4));
    items.push_back(vertical(x0, 0, h, Color{}, 0.6));
  };

  // The legend: a swatch and each series' name, on one line.
  {
    Slice s;
    const double h = st.label_size * 1.6;
    double x = x0;
    for (std::size_t i = 0; i < chart.series.size(); ++i) {
      const double sw = st.label_size * 0.7;
      s.items.push_back(Rect{x, (h - sw) / 2, sw, sw, colour(i), std::nullopt, 0});
      const Label name = set(chart.series[i], st.label_size, layouter);
      place(s.items, name, x + sw + 4, h / 2);
      x += sw + 4 + name.width + st.label_size;
    }
    s.height = h;
    s.keep_with_next = true;
    fig.slices.push_back(std::move(s));
  }

  const double group_h = static_cast<double>(n_series) * (st.bar_height + st.bar_gap) - st.bar_gap + st.group_gap;
  for (std::size_t c = 0; c < chart.categories.size(); ++c) {
    Slice s;
    s.height = group_h;
    grid(s.items, group_h);
    const double mid = st.group_gap / 2 + (group_h - st.group_gap) / 2;
    place(s.items, names[c], 0, mid);
    for (std::size_t i = 0; i < n_series; ++i) {
      const double y = st.group_gap / 2 + static_cast<double>(i) * (st.bar_height + st.bar_gap);
      const double v = c < chart.values[i].size() ? chart.values[i][c] : 0;
      const double w = x_of(v) - x0;
      if (w > 0) s.items.push_back(Rect{x0, y, w, st.bar_height, colour(i), std::nullopt, 0});
      const double vx = values_x + value_col * static_cast<double>(i);
      s.items.push_back(Rect{vx, mid - swatch / 2, swatch, swatch, colour(i), std::nullopt, 0});
      if (i < chart.value_text.size() && c < chart.value_text[i].size())
        place(s.items, set(chart.value_text[i][c], st.value_size, layouter), vx + swatch + 3, mid);
    }
    s.keep_with_next = true;
    fig.slices.push_back(std::move(s));
  }

  // The scale: an axis line and a label under each grid line.
  {
    Slice s;
    s.height = st.value_size * 1.8;
    Path axis;
    axis.segments.push_back({PathSegment::Kind::MoveTo, {x0, 0}, {}, {}});
    axis.segments.push_back({PathSegment::Kind::LineTo, {x0 + plot_w, 0}, {}, {}});
    axis.stroke = Color{};
    axis.line_width = 0.6;
    s.items.push_back(std::move(axis));
    for (double v = 0; v <= scale_top + 1e-9; v += step) {
      const Label t = set(scale_text(v), st.value_size, layouter);
      place(s.items, t, x_of(v) - t.width / 2, s.height / 2 + 1);
    }
    fig.slices.push_back(std::move(s));
  }
  return fig;
}

}  // namespace saraban::layout
