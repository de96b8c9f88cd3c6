#pragma once
// The even spacing a stretched line (Thai-distributed, letter-spaced) adds between its cells.
// Set once as Tc, it spares the TJ number that would otherwise stand between every pair of
// glyphs. Tw would not help: it applies only to the single-byte code 32, never to the two-byte
// codes of our Identity-H fonts.
#include <optional>
#include <span>

namespace saraban::pdf {

// `gaps`: for each pair of consecutive text glyphs on one baseline, how far (pt) the second
// starts right of where the first's /W width left the pen. Returns the gap (the mean of those
// within 0.01 pt of the commonest value, to 0.0001 pt) when more than half of the pairs share
// it and it is a real stretch; nullopt otherwise
// (the line is not evenly stretched, and Tc is left as the writer had it).
std::optional<double> even_spacing(std::span<const double> gaps);

}  // namespace saraban::pdf
