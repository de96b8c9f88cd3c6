#pragma once
// Total-fit line breaking (Knuth & Plass): every way of breaking the paragraph is weighed and
// the one with the least total demerits wins, so one loose line is not bought with a cramped
// one later, as a greedy breaker does. Pure arithmetic over boxes, glue and penalties.
#include <cstddef>
#include <vector>

namespace saraban::layout {

struct BreakItem {
  enum class Kind { Box, Glue, Penalty } kind = Kind::Box;
  double width = 0;
  double stretch = 0;  // glue: how far it may grow, pt
  double shrink = 0;   // glue: how far it may shrink, pt
  double gaps = 0;     // box: places Thai distributed justification may open (cluster gaps)
  double penalty = 0;  // penalty: cost of breaking here; >= kForbidden never breaks
  bool forced = false; // penalty: a mandatory break
};

inline constexpr double kForbidden = 10000;

struct BreakParams {
  double first_width = 0;    // available width on the first line
  double width = 0;          // on the other lines
  bool justified = true;     // stretch lines to the measure; otherwise ragged
  double gap_stretch = 0;    // extra stretch per cluster gap (Thai distributed), pt
  // A paragraph's last line narrower than this (after the first line) is a runt: it is avoided
  // when another break works. Set to the first-line indent, a last line that ends before the
  // indented first line starts reads as a separate column to text extractors.
  double min_last_width = 0;
  // A last line that ends before the first line starts (narrower than the first-line indent)
  // shares no column with it: poppler reads it before the paragraph. Avoided at almost any cost.
  double min_overlapping_last_width = 0;
  // The most a single cluster gap may open, pt (0: no limit), and how many times its stretch
  // a space may grow (0: spaces take no slack, as in Thai distributed). A line whose slack
  // exceeds both falls short: it is scored as the loosest line allowed plus its shortfall, so
  // another break wins whenever one exists.
  double max_gap_stretch = 0;
  double glue_limit = 3;
};

struct LineSpan {
  std::size_t begin = 0;  // first item of the line
  std::size_t end = 0;    // the break item (glue / penalty) or items.size()
  bool last = false;      // ends the paragraph or a forced break: not stretched
};

std::vector<LineSpan> break_lines(const std::vector<BreakItem>& items, const BreakParams& params);

}  // namespace saraban::layout
