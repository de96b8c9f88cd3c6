#include "layout/flowchart_layout.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "layout/line_box.h"

namespace saraban::layout {

namespace {

constexpr double kHead = 5;        // arrowhead length, pt
constexpr double kConnector = 8;   // connector circle radius, pt
constexpr double kBezierArc = 0.5523;  // control distance of a quarter circle, per radius

Path polyline(const std::vector<Point>& pts, const FlowchartStyle& st) {
  Path p;
  p.stroke = st.stroke;
  p.line_width = st.line_width;
  for (std::size_t i = 0; i < pts.size(); ++i)
    p.segments.push_back(PathSegment{i == 0 ? PathSegment::Kind::MoveTo : PathSegment::Kind::LineTo, pts[i], {}, {}});
  return p;
}

Path arrowhead(Point tip, Point from, const FlowchartStyle& st) {
  const double dx = tip.x - from.x, dy = tip.y - from.y;
  const double len = std::max(1e-6, std::hypot(dx, dy));
  const double ux = dx / len, uy = dy / len;
  const Point base{tip.x - ux * kHead, tip.y - uy * kHead};
  const double half = kHead * 0.45;
  Path p;
  p.fill = st.stroke;
  p.segments = {{PathSegment::Kind::MoveTo, tip, {}, {}},
                {PathSegment::Kind::LineTo, {base.x - uy * half, base.y + ux * half}, {}, {}},
                {PathSegment::Kind::LineTo, {base.x + uy * half, base.y - ux * half}, {}, {}},
                {PathSegment::Kind::Close, {}, {}, {}}};
  return p;
}

void add_arrow(std::vector<FrameItem>& items, const std::vector<Point>& pts, const FlowchartStyle& st) {
  std::vector<Point> shaft = pts;
  const Point tip = pts.back(), from = pts[pts.size() - 2];
  const double len = std::hypot(tip.x - from.x, tip.y - from.y);
  if (len > kHead) {  // the line stops where the head begins, so its end never shows past the tip
    shaft.back() = {tip.x - (tip.x - from.x) / len * kHead, tip.y - (tip.y - from.y) / len * kHead};
  }
  items.push_back(polyline(shaft, st));
  items.push_back(arrowhead(tip, from, st));
}

// A rectangle with quarter-circle corners of radius r (r = h/2: a terminator's stadium).
Path rounded_rect(double x, double y, double w, double h, double r, const FlowchartStyle& st) {
  const double k = r * kBezierArc;
  using K = PathSegment::Kind;
  Path p;
  p.fill = st.box_fill;
  p.stroke = st.stroke;
  p.line_width = st.line_width;
  p.segments = {
      {K::MoveTo, {x + r, y}, {}, {}},
      {K::LineTo, {x + w - r, y}, {}, {}},
      {K::CubicTo, {x + w - r + k, y}, {x + w, y + r - k}, {x + w, y + r}},
      {K::LineTo, {x + w, y + h - r}, {}, {}},
      {K::CubicTo, {x + w, y + h - r + k}, {x + w - r + k, y + h}, {x + w - r, y + h}},
      {K::LineTo, {x + r, y + h}, {}, {}},
      {K::CubicTo, {x + r - k, y + h}, {x, y + h - r + k}, {x, y + h - r}},
      {K::LineTo, {x, y + r}, {}, {}},
      {K::CubicTo, {x, y + r - k}, {x + r - k, y}, {x + r, y}},
      {K::Close, {}, {}, {}},
  };
  return p;
}

Path diamond(double cx, double y, double w, double h, const FlowchartStyle& st) {
  using K = PathSegment::Kind;
  Path p;
  p.fill = st.box_fill;
  p.stroke = st.stroke;
  p.line_width = st.line_width;
  p.segments = {{K::MoveTo, {cx, y}, {}, {}},
                {K::LineTo, {cx + w / 2, y + h / 2}, {}, {}},
                {K::LineTo, {cx, y + h}, {}, {}},
                {K::LineTo, {cx - w / 2, y + h / 2}, {}, {}},
                {K::Close, {}, {}, {}}};
  return p;
}

double lines_height(const std::vector<LineBox>& lines) {
  double h = 0;
  for (const auto& l : lines) h += l.height;
  return h;
}
double widest(const std::vector<LineBox>& lines) {
  double w = 0;
  for (const auto& l : lines) w = std::max(w, l.width);
  return w;
}

// Lines centred in a box `width` wide whose left edge is at x, from y down.
void place_lines(std::vector<FrameItem>& items, const std::vector<LineBox>& lines, double x, double y) {
  for (const auto& line : lines) {
    for (auto& it : place_line(line, x, y + line.ascent)) items.push_back(std::move(it));
    y += line.height;
  }
}

// Where each lane is, and how wide its boxes and branch channel are.
struct Columns {
  std::vector<double> left;  // per lane (one lane without roles)
  double lane_width = 0;
  double box_width = 0;
  double channel = 0;  // width right of the boxes where branches run
  // Boxes sit left of the lane's middle by half the channel, which runs on their right.
  double centre(std::size_t lane) const { return left[lane] + (lane_width - channel) / 2; }
};

Columns columns(std::size_t lanes, double width, const FlowchartStyle& st) {
  Columns c;
  const std::size_t n = std::max<std::size_t>(1, lanes);
  c.lane_width = lanes == 0 ? width : width / static_cast<double>(n);
  // The channel right of the boxes carries branches; boxes take the rest of the lane, so
  // short steps stay on one or two lines.
  c.channel = std::clamp(c.lane_width * 0.11, 10.0, 30.0);
  c.box_width = c.lane_width - c.channel - 8;
  if (lanes == 0) {
    c.box_width = std::min(st.box_max_width, c.box_width);
    c.left = {0};
  } else {
    for (std::size_t i = 0; i < n; ++i) c.left.push_back(c.lane_width * static_cast<double>(i));
  }
  return c;
}

// Lanes of terminals (and any step without a role): the step before's, or for the first
// steps the first known one's.
std::vector<std::size_t> step_lanes(const Flowchart& chart) {
  const std::size_t n = chart.steps.size();
  std::vector<std::size_t> lane(n, 0);
  std::optional<std::size_t> first_known;
  for (std::size_t i = 0; i < n && !first_known; ++i) first_known = chart.steps[i].lane;
  std::size_t current = first_known.value_or(0);
  for (std::size_t i = 0; i < n; ++i) {
    if (chart.steps[i].lane) current = *chart.steps[i].lane;
    lane[i] = current;
  }
  return lane;
}

struct StepBox {
  std::vector<LineBox> lines;
  double width = 0, height = 0;  // the shape's
  double text_width = 0;         // the width the lines are centred in
};

// Text centred in a box, whatever indents the style came with.
Paragraph box_text(const std::string& text, const ParagraphStyle& style) {
  Paragraph p = Paragraph::plain(text, style);
  p.style.align = Alignment::Center;
  p.style.first_line_indent = p.style.left_indent = p.style.right_indent = 0;
  p.style.space_before = p.style.space_after = 0;
  p.style.tabs.clear();
  return p;
}

// A shape grows past its usual width (up to `widest_shape`, its lane less a margin) rather than
// break a word that does not fit: a word is never cut inside a chart either.
StepBox measure(const FlowStep& step, double box_width, double widest_shape, const FlowchartStyle& st,
                ParagraphLayouter& layouter) {
  Paragraph p = box_text(step.text, st.text);
  const double word = layouter.widest_unbreakable(p) + 1;
  StepBox b;
  switch (step.kind) {
    case FlowStep::Kind::Process:
      b.width = std::clamp(word + 2 * st.padding, box_width, std::max(box_width, widest_shape));
      b.text_width = b.width - 2 * st.padding;
      b.lines = layouter.layout(p, b.text_width);
      b.height = lines_height(b.lines) + 2 * st.padding;
      break;
    case FlowStep::Kind::Decision:
      // A w × h text block fits a W × H diamond when w/W + h/H ≤ 1: 0.62 W wide, H = h / 0.38.
      // A diamond is as wide as its lane allows left of the channel: its text needs it.
      // The text's width is chosen for the lowest diamond: wider text has fewer lines but
      // needs a taller diamond around it.
      b.width = std::clamp(word / 0.8, box_width + 4, std::max(box_width + 4, widest_shape));
      b.height = 1e9;
      for (double share : {0.55, 0.62, 0.68, 0.74, 0.8}) {
        if (b.width * share < word && share < 0.8) continue;
        auto lines = layouter.layout(p, b.width * share);
        const double h = std::max(lines_height(lines) / (1 - share), 36.0);
        if (h < b.height - 0.01) b.height = h, b.text_width = b.width * share, b.lines = std::move(lines);
      }
      break;
    case FlowStep::Kind::Terminal: {
      b.text_width = std::max(box_width * 0.8 - 2 * st.padding, std::min(word, widest_shape - 2 * st.padding));
      b.lines = layouter.layout(p, b.text_width);
      const double h = lines_height(b.lines) + 2 * st.padding;
      b.width = std::min(box_width, std::max(widest(b.lines) + 2 * st.padding + h, 70.0));
      b.height = h;
      break;
    }
  }
  return b;
}

// A path of horizontal and vertical segments in chart coordinates, cut into the slices it
// crosses (a branch over several steps, perhaps over a page break).
void add_routed(std::vector<Slice>& slices, const std::vector<double>& tops, const std::vector<Point>& pts,
                bool arrow, const FlowchartStyle& st) {
  for (std::size_t k = 0; k < slices.size(); ++k) {
    const double top = tops[k], bottom = top + slices[k].height;
    std::vector<std::vector<Point>> pieces;
    for (std::size_t s = 0; s + 1 < pts.size(); ++s) {
      Point a = pts[s], b = pts[s + 1];
      const double lo = std::min(a.y, b.y), hi = std::max(a.y, b.y);
      if (a.y == b.y) {  // horizontal: in the slice holding its y (the upper one at a boundary)
        if (!(a.y >= top && (a.y < bottom || (k + 1 == slices.size() && a.y <= bottom)))) continue;
      } else {
        if (hi <= top || lo >= bottom) continue;
        auto clip = [&](Point& p) { p.y = std::clamp(p.y, top, bottom); };
        clip(a), clip(b);
      }
      a.y -= top, b.y -= top;
      if (!pieces.empty() && std::abs(pieces.back().back().x - a.x) < 1e-6 && std::abs(pieces.back().back().y - a.y) < 1e-6)
        pieces.back().push_back(b);
      else
        pieces.push_back({a, b});
    }
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const bool ends_here = arrow && std::abs(pieces[i].back().x - pts.back().x) < 1e-6 &&
                             std::abs(pieces[i].back().y + top - pts.back().y) < 1e-6;
      if (ends_here) add_arrow(slices[k].items, pieces[i], st);
      else slices[k].items.push_back(polyline(pieces[i], st));
    }
  }
}

void add_label(std::vector<FrameItem>& items, const std::string& text, double x, double y, const FlowchartStyle& st,
               ParagraphLayouter& layouter) {
  Paragraph p = box_text(text, st.text);
  p.style.align = Alignment::Left;
  place_lines(items, layouter.layout(p, 1e6), x, y);
}

// The circle that says "continued": drawn at a page's foot and again at the next one's top.
std::vector<FrameItem> connector(double cx, double cy, const std::string& label, const FlowchartStyle& st,
                                 ParagraphLayouter& layouter) {
  std::vector<FrameItem> items;
  items.push_back(rounded_rect(cx - kConnector, cy - kConnector, 2 * kConnector, 2 * kConnector, kConnector, st));
  Paragraph p = box_text(label, st.text);
  p.style.size = st.text.size * 0.8;
  const auto lines = layouter.layout(p, 2 * kConnector);
  place_lines(items, lines, cx - kConnector, cy - lines_height(lines) / 2);
  return items;
}

}  // namespace

Figure layout_flowchart(const Flowchart& chart, double width, const FlowchartStyle& st, ParagraphLayouter& layouter) {
  const Columns cols = columns(chart.lanes.size(), width, st);
  const std::size_t n = chart.steps.size();
  const std::vector<std::size_t> lane = step_lanes(chart);
  const double chart_width = chart.lanes.empty() ? width : cols.lane_width * static_cast<double>(chart.lanes.size());
  auto cx = [&](std::size_t i) { return chart.lanes.empty() ? width / 2 : cols.centre(lane[i]); };

  Figure f;
  f.space_before = 6;
  f.space_after = 10;
  std::vector<Slice> slices;
  std::vector<double> tops;  // each step slice's top in chart coordinates
  double chart_y = 0;

  if (!chart.lanes.empty()) {  // the lane heads, a row of filled cells with the role names
    Slice head;
    std::vector<std::vector<LineBox>> names;
    double h = 0;
    for (const auto& role : chart.lanes) {
      Paragraph p = box_text(role, st.lane_head);
      names.push_back(layouter.layout(p, cols.lane_width - 2 * st.padding));
      h = std::max(h, lines_height(names.back()));
    }
    head.height = h + 2 * st.padding;
    for (std::size_t l = 0; l < chart.lanes.size(); ++l) {
      head.items.push_back(Rect{cols.left[l], 0, cols.lane_width, head.height, st.lane_fill, st.stroke, st.line_width});
      place_lines(head.items, names[l], cols.left[l] + st.padding, (head.height - lines_height(names[l])) / 2);
    }
    head.keep_with_next = true;
    f.repeat_header.push_back(head);
    f.slices.push_back(head);
  }

  std::vector<StepBox> boxes;
  for (const auto& step : chart.steps) boxes.push_back(measure(step, cols.box_width, chart.lanes.empty() ? cols.box_width : cols.lane_width - cols.channel - 4, st, layouter));
  for (std::size_t i = 0; i < n; ++i) {
    Slice s;
    s.height = boxes[i].height + (i + 1 < n ? st.gap : st.padding);
    tops.push_back(chart_y);
    chart_y += s.height;
    slices.push_back(std::move(s));
  }

  // Lane borders first, under everything else.
  if (!chart.lanes.empty())
    for (std::size_t i = 0; i < n; ++i) {
      auto& items = slices[i].items;
      for (std::size_t l = 0; l <= chart.lanes.size(); ++l) {
        const double x = l * cols.lane_width;
        items.push_back(polyline({{x, 0}, {x, slices[i].height}}, st));
      }
      if (i + 1 == n) items.push_back(polyline({{0, slices[i].height}, {chart_width, slices[i].height}}, st));
    }

  // Branch channels: each decision's branch gets its own x in its lane's channel.
  std::map<std::size_t, std::size_t> per_lane, slot;
  // Branches into the same step enter it at different heights, so their runs never merge.
  std::map<std::size_t, std::size_t> incoming, entry_slot;
  for (std::size_t i = 0; i < n; ++i)
    if (chart.steps[i].branch) {
      slot[i] = per_lane[lane[i]]++;
      entry_slot[i] = incoming[chart.steps[i].branch->target]++;
    }

  for (std::size_t i = 0; i < n; ++i) {
    const FlowStep& step = chart.steps[i];
    const StepBox& b = boxes[i];
    auto& items = slices[i].items;
    const double x0 = cx(i) - b.width / 2;
    switch (step.kind) {
      case FlowStep::Kind::Process:
        items.push_back(Rect{x0, 0, b.width, b.height, st.box_fill, st.stroke, st.line_width});
        break;
      case FlowStep::Kind::Decision:
        items.push_back(diamond(cx(i), 0, b.width, b.height, st));
        break;
      case FlowStep::Kind::Terminal:
        items.push_back(rounded_rect(x0, 0, b.width, b.height, b.height / 2, st));
        break;
    }
    const double text_h = lines_height(b.lines);
    place_lines(items, b.lines, cx(i) - b.text_width / 2, (b.height - text_h) / 2);

    if (i + 1 < n) {  // the way on, to the next step's top
      const double bottom = b.height, end = slices[i].height;
      if (std::abs(cx(i) - cx(i + 1)) < 1e-6)
        add_arrow(items, {{cx(i), bottom}, {cx(i), end}}, st);
      else
        add_arrow(items, {{cx(i), bottom}, {cx(i), bottom + st.gap / 2}, {cx(i + 1), bottom + st.gap / 2}, {cx(i + 1), end}}, st);
      if (step.kind == FlowStep::Kind::Decision) {  // "yes" beside the way down, on the side the way does not turn to
        const double w = layouter.measure(st.yes_label, st.text.font_style, st.text.size);
        const bool left = cx(i + 1) >= cx(i);
        add_label(items, st.yes_label, left ? cx(i) - w - 3 : cx(i) + 3, bottom, st, layouter);
      }
      const std::string& mark = st.connector_labels[i % st.connector_labels.size()];
      slices[i].on_break_after = connector(cx(i + 1), kConnector + 1, mark, st, layouter);
      slices[i].break_after_height = 2 * kConnector + 2;
      slices[i + 1].on_break_before = connector(cx(i + 1), kConnector + 1, mark, st, layouter);
      add_arrow(slices[i + 1].on_break_before, {{cx(i + 1), 2 * kConnector + 2}, {cx(i + 1), 2 * kConnector + 12}}, st);
      slices[i + 1].break_before_height = 2 * kConnector + 12;
      // The lanes run on through the connector's space under the repeated heads.
      for (std::size_t l = 0; !chart.lanes.empty() && l <= chart.lanes.size(); ++l) {
        const double x = static_cast<double>(l) * cols.lane_width;
        slices[i + 1].on_break_before.push_back(polyline({{x, 0}, {x, slices[i + 1].break_before_height}}, st));
      }
    }

    if (step.branch) {  // out of the right corner, along the channel, into the target's side
      const std::size_t j = step.branch->target;
      const std::size_t m = per_lane[lane[i]];
      const double vertex_x = cx(i) + b.width / 2, mid_y = tops[i] + b.height / 2;
      // The channel runs between the diamond's corner and the lane's edge.
      const double channel_to = cx(i) + cols.box_width / 2 + cols.channel + 2;
      const double channel_from = std::min(cx(i) + b.width / 2 + 2, channel_to - 2);
      const double channel_x = channel_from + (channel_to - channel_from) * static_cast<double>(slot[i] + 1) / static_cast<double>(m + 1);
      const double spread = std::min(10.0, boxes[j].height / static_cast<double>(incoming[j] + 1));
      const double target_y = tops[j] + boxes[j].height / 2 +
                              (static_cast<double>(entry_slot[i]) - static_cast<double>(incoming[j] - 1) / 2) * spread;
      const double target_right = cx(j) + boxes[j].width / 2, target_left = cx(j) - boxes[j].width / 2;
      const double entry_x = channel_x > target_right ? target_right : target_left;
      add_routed(slices, tops, {{vertex_x, mid_y}, {channel_x, mid_y}, {channel_x, target_y}, {entry_x, target_y}}, true, st);
      // The label below the corner, clear of the decision's own text lines.
      // The label rides on the branch where it enters its target, beside the channel, when
      // that run is long enough; otherwise below the corner, kept inside the lane.
      const double label_w = layouter.measure(step.branch->label, st.text.font_style, st.text.size);
      const double label_h = layouter.line_height(st.text.font_style, st.text.size);
      if (std::abs(channel_x - entry_x) >= label_w + 8 && entry_x < channel_x) {
        add_label(slices[j].items, step.branch->label, channel_x - label_w - 3, target_y - tops[j] - label_h - 1, st, layouter);
      } else {
        const double lane_right = std::min(cx(i) + (cols.lane_width + cols.channel) / 2, chart_width);
        add_label(items, step.branch->label, std::min(vertex_x + 2, lane_right - label_w - 2), (b.height + text_h) / 2 + 1, st, layouter);
      }
    }
  }
  for (auto& s : slices) f.slices.push_back(std::move(s));
  return f;
}

}  // namespace saraban::layout
