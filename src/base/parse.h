#pragma once
// One strict reader of whole numbers for every integer the product takes from a person or a
// file (command-line options, CSV cells): the whole text must be the number, the range is
// checked before anything uses it, and the error names where it came from and what is accepted.
// strtoll/stoll read "12abc" as 12 and "4294967297" cast to int as 1; this does neither.
#include <cstdint>
#include <limits>
#include <string_view>

namespace saraban {

// Decimal digits with an optional leading '-' (no '+', spaces, exponents or separators).
// Throws Error(InvalidInput) naming `what` and [min, max] when the text is not such a number
// or lies outside the range.
std::int64_t parse_integer(std::string_view text, std::string_view what, std::int64_t min, std::int64_t max);

// The same, for the common ranges.
inline int parse_int(std::string_view text, std::string_view what, int min, int max) {
  return static_cast<int>(parse_integer(text, what, min, max));
}
inline std::int64_t parse_positive(std::string_view text, std::string_view what,
                                   std::int64_t max = std::numeric_limits<std::int64_t>::max()) {
  return parse_integer(text, what, 1, max);
}

}  // namespace saraban
