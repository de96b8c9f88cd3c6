#include "pdf/even_spacing.h"

#include <cmath>
#include <map>

namespace saraban::pdf {

std::optional<double> even_spacing(std::span<const double> gaps) {
  if (gaps.size() < 2) return std::nullopt;
  // Counted in hundredths of a point: the writer's numbers carry no finer steps.
  std::map<long, std::size_t> counts;
  for (double g : gaps) counts[std::lround(g * 100.0)]++;
  long best = 0;
  std::size_t best_count = 0;
  for (const auto& [value, n] : counts) {
    if (n > best_count) best = value, best_count = n;
  }
  if (best <= 0 || best_count * 2 <= gaps.size()) return std::nullopt;
  // Their mean, to the 1/10000 pt that Tc is written with: the glyphs then need no TJ number.
  double sum = 0;
  for (double g : gaps)
    if (std::lround(g * 100.0) == best) sum += g;
  return std::round(sum / static_cast<double>(best_count) * 10000.0) / 10000.0;
}

}  // namespace saraban::pdf
