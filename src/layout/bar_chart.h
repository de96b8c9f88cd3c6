#pragma once
// A grouped bar chart as vector graphics with real text: one group per category (a month),
// one horizontal bar per series in it, the values in columns at the right, a legend above
// and a scale below. Horizontal, so that month names and values stay on one line each at
// report sizes. A slice per group, so a long chart breaks between groups, never inside one.
#include <string>
#include <vector>

#include "layout/block.h"
#include "layout/paragraph_layouter.h"

namespace saraban::layout {

struct BarChart {
  std::vector<std::string> categories;
  std::vector<std::string> series;
  std::vector<std::vector<double>> values;            // [series][category], >= 0
  std::vector<std::vector<std::string>> value_text;   // the same as written ("๑,๒๓๔")
  // The scale's labels for a value (Thai or Arabic digits); empty: plain integers.
  std::string (*scale_text)(double) = nullptr;
};

struct BarChartStyle {
  double label_size = 13;  // pt: categories, legend
  double value_size = 11;  // pt: values at the bars' ends, the scale
  double bar_height = 8;
  double bar_gap = 1.5;
  double group_gap = 6;
  std::vector<Color> colors = {{0.16, 0.36, 0.62}, {0.85, 0.45, 0.12}, {0.45, 0.45, 0.45}};
  Color grid{0.82, 0.82, 0.82};
};

Figure layout_bar_chart(const BarChart& chart, double width, const BarChartStyle& style, ParagraphLayouter& layouter);

// A round step for about `ticks` divisions of [0, top]: 1, 2 or 5 times a power of ten.
double nice_step(double top, int ticks);

}  // namespace saraban::layout
