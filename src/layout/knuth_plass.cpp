#include "layout/knuth_plass.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace saraban::layout {

namespace {

constexpr double kInfeasible = 1e12;  // overfull: chosen only when nothing else fits
constexpr double kMaxBadness = 10000;
// Worse than the loosest allowed line and than one falling ~1.4 cm short: a runt under an
// indented first line breaks reading order in poppler, a slightly short line breaks nothing.
constexpr double kRuntDemerits = 2e8;
// Below an overfull line (kInfeasible) only: a line read out of order is worse than any spacing.
constexpr double kOutOfOrderDemerits = 1e11;

struct Prefix {
  std::vector<double> width, stretch, shrink, gaps;
  explicit Prefix(const std::vector<BreakItem>& items) {
    std::size_t n = items.size();
    width.assign(n + 1, 0);
    stretch.assign(n + 1, 0);
    shrink.assign(n + 1, 0);
    gaps.assign(n + 1, 0);
    for (std::size_t k = 0; k < n; ++k) {
      const auto& it = items[k];
      bool counts = it.kind != BreakItem::Kind::Penalty;
      width[k + 1] = width[k] + (counts ? it.width : 0);
      stretch[k + 1] = stretch[k] + it.stretch;
      shrink[k + 1] = shrink[k] + it.shrink;
      gaps[k + 1] = gaps[k] + (it.kind == BreakItem::Kind::Box ? it.gaps + 1 : 0);
    }
  }
};

bool is_break(const std::vector<BreakItem>& items, std::size_t k) {
  const auto& it = items[k];
  if (it.kind == BreakItem::Kind::Penalty) return it.forced || it.penalty < kForbidden;
  if (it.kind == BreakItem::Kind::Glue) return k > 0 && items[k - 1].kind == BreakItem::Kind::Box;
  return false;
}

// First item of a line that starts after a break at `k` (glue at a line start is dropped).
std::size_t line_start(const std::vector<BreakItem>& items, std::size_t after) {
  while (after < items.size() && items[after].kind == BreakItem::Kind::Glue) ++after;
  return after;
}

}  // namespace

std::vector<LineSpan> break_lines(const std::vector<BreakItem>& items, const BreakParams& params) {
  const std::size_t n = items.size();
  if (n == 0) return {};
  Prefix pre(items);

  // Candidate break positions: index into items, plus n for the paragraph's end.
  std::vector<std::size_t> breaks;
  for (std::size_t k = 0; k < n; ++k)
    if (is_break(items, k)) breaks.push_back(k);
  if (breaks.empty() || breaks.back() != n) breaks.push_back(n);

  const std::size_t m = breaks.size();
  // Node 0 is the paragraph start; node t+1 is breaks[t].
  std::vector<double> best(m + 1, std::numeric_limits<double>::infinity());
  std::vector<std::size_t> from(m + 1, 0);
  best[0] = 0;
  std::size_t floor_node = 0;  // lines never cross a forced break

  for (std::size_t t = 0; t < m; ++t) {
    const std::size_t e = breaks[t];
    const bool last = e == n || items[e].forced;
    const double pen = e < n && items[e].kind == BreakItem::Kind::Penalty && !items[e].forced ? items[e].penalty : 0;
    double best_here = std::numeric_limits<double>::infinity();
    std::size_t best_from = t;  // fallback: the previous node (overfull line)
    for (std::size_t i = t + 1; i-- > floor_node;) {
      if (!std::isfinite(best[i])) continue;
      const std::size_t s = line_start(items, i == 0 ? 0 : breaks[i - 1] + 1);
      if (s > e) continue;
      const double avail = i == 0 ? params.first_width : params.width;
      const double w = pre.width[e] - pre.width[s];
      const double shrink = params.justified ? pre.shrink[e] - pre.shrink[s] : 0;
      double badness;
      if (w > avail + 1e-6) {
        if (w - shrink <= avail + 1e-6) {
          double r = (w - avail) / shrink;
          badness = 100 * r * r * r;
        } else {
          badness = kInfeasible + (w - avail) * 1e6;
        }
      } else if (last) {
        badness = 0;
      } else if (params.justified) {
        // The slack is spread as the layouter will: spaces first (up to glue_limit times their
        // stretch), then the gaps between clusters, each up to max_gap_stretch.
        const double gaps = std::max(0.0, pre.gaps[e] - pre.gaps[s] - 1);
        const double glue = params.glue_limit > 0 ? pre.stretch[e] - pre.stretch[s] : 0;
        const double stretch = glue + params.gap_stretch * gaps;
        double r = stretch > 0 ? (avail - w) / stretch : 1e3;
        badness = std::min(kMaxBadness, 100 * r * r * r);
        if (params.max_gap_stretch > 0) {
          double shortfall = (avail - w) - glue * params.glue_limit - gaps * params.max_gap_stretch;
          if (shortfall > 1e-6) badness = kMaxBadness + 100 * shortfall;
        }
      } else {
        double r = (avail - w) / std::max(1.0, avail * 0.25);
        badness = std::min(kMaxBadness, 100 * r * r);
      }
      double demerits = (10 + badness) * (10 + badness) + (pen > 0 ? pen * pen : -(pen * pen));
      if (e == n && i != 0 && w < params.min_last_width) demerits += kRuntDemerits;
      if (e == n && i != 0 && w < params.min_overlapping_last_width) demerits += kOutOfOrderDemerits;
      double total = best[i] + demerits;
      if (total < best_here) {
        best_here = total;
        best_from = i;
      }
      // Lines only grow as the start moves back: stop once even full shrink cannot fit.
      if (w - shrink > avail + 1e-6 && badness >= kInfeasible && best_here < kInfeasible) break;
      if (w - shrink > avail * 3) break;
    }
    best[t + 1] = best_here;
    from[t + 1] = best_from;
    if (e < n && items[e].forced) floor_node = t + 1;
  }

  // Walk back from the end node.
  std::vector<LineSpan> lines;
  std::size_t node = m;
  while (node > 0) {
    std::size_t prev = from[node];
    std::size_t e = breaks[node - 1];
    std::size_t s = line_start(items, prev == 0 ? 0 : breaks[prev - 1] + 1);
    lines.push_back(LineSpan{s, e, e == n || items[e].forced});
    node = prev;
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

}  // namespace saraban::layout
