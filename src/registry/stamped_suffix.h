#pragma once
// When a stamped copy is stored as only what it adds to its original: when it begins with the
// original's bytes (the stamp added as an incremental update), whatever drew it.
#include <cstdint>
#include <span>

namespace saraban::registry {

// True when `copy` is `original` followed by at least one more byte (an empty original has
// nothing to share).
bool extends_original(std::span<const std::uint8_t> original, std::span<const std::uint8_t> copy);

}  // namespace saraban::registry
