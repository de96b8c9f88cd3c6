#include "registry/stamped_suffix.h"

#include <algorithm>

namespace saraban::registry {

bool extends_original(std::span<const std::uint8_t> original, std::span<const std::uint8_t> copy) {
  return !original.empty() && copy.size() > original.size() &&
         std::equal(original.begin(), original.end(), copy.begin());
}

}  // namespace saraban::registry
